using System.Security.Claims;

namespace CxDashboard.Api.Security;

/// <summary>
/// Who a service scope acts for: the HTTP request's user, or an in-process principal (the CLI's export verb, the
/// scheduled review job) set with <see cref="Use"/> before the scope's <see cref="ScopeGate"/> is first resolved.
/// </summary>
public sealed class CallerIdentity(IHttpContextAccessor http)
{
    private ClaimsPrincipal? user;
    private bool fixedOrRead;

    /// <summary>The caller (null outside a request when none was set).</summary>
    public ClaimsPrincipal? User
    {
        get
        {
            if (!fixedOrRead)
            {
                user = http.HttpContext?.User;
                fixedOrRead = true;
            }
            return user;
        }
    }

    /// <summary>Acts for <paramref name="principal"/> in this scope; refused once the caller has been read (the gate would disagree).</summary>
    public void Use(ClaimsPrincipal principal)
    {
        if (fixedOrRead) throw new InvalidOperationException("The caller of this scope has already been read; set it before resolving the scope gate.");
        user = principal;
        fixedOrRead = true;
    }
}
