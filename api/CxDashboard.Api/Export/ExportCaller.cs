using System.Security.Claims;
using CxDashboard.Api.Security;

namespace CxDashboard.Api.Export;

/// <summary>
/// The scope gate for a caller outside an HTTP request (the CLI verb, the scheduled job): the service scope acts for a
/// fixed principal (<see cref="CallerIdentity.Use"/>), so its <see cref="ScopeGate"/> and every reader resolved from it
/// are the same the GraphQL resolvers use.
/// </summary>
public static class ExportCaller
{
    public static ScopeGate GateFor(IServiceProvider scopedServices, ClaimsPrincipal user)
    {
        scopedServices.GetRequiredService<CallerIdentity>().Use(user);
        return scopedServices.GetRequiredService<ScopeGate>();
    }

    /// <summary>
    /// An in-process identity with a unit scope and the export permission (scheduled reviews, the CLI's operator): it
    /// sees small counts (<see cref="PrivacyFloor.InProcessAuthentication"/>), so its stored reviews are listed only to callers without the floor.
    /// </summary>
    public static ClaimsPrincipal Principal(string subject, string name, string role, IEnumerable<string> unitCodes)
    {
        var claims = new List<Claim>
        {
            new("sub", subject), new("name", name), new(CxClaims.Role, role), new(CxClaims.Permission, CxClaims.ExportPermission),
        };
        claims.AddRange(unitCodes.Select(u => new Claim(CxClaims.ScopeUnit, u)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, PrivacyFloor.InProcessAuthentication, "name", CxClaims.Role));
    }
}
