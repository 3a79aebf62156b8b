using CxDashboard.Api.GraphQL;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Security;

/// <summary>
/// What a role may change, asked by the GraphQL mutations of every feature (REST groups use the policies of
/// <see cref="AuthExtensions"/>). A refused role is FORBIDDEN; what is inside the scope is <see cref="ScopeGate"/>' question.
/// </summary>
public static class RoleGate
{
    public const string Analyst = "analyst";
    public const string DepartmentHead = "department_head";

    /// <summary>Throws FORBIDDEN ("Your role may not {what}.") unless the caller's role is one of <paramref name="roles"/>.</summary>
    public static void Require(IResolveContext ctx, string what, params string[] roles)
    {
        if (ctx.Service<ScopeGate>().Role is not { } role || Array.IndexOf(roles, role) < 0) throw FieldErrors.Forbidden(what);
    }
}
