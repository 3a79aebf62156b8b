using System.Globalization;
using CxDashboard.Api.Security;
using CxDashboard.Core.Cascade;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Cascade;

/// <summary>
/// Who is calling and what they may touch: scope from the one <see cref="ScopeResolver"/> (units
/// outside it read as absent), role from the token. KPI admin is for analysts; check-ins also for
/// department heads, on KPIs of units inside their scope.
/// </summary>
internal static class CascadeCaller
{
    public static async Task<CallerScope> ScopeAsync(IResolveContext ctx) => await ctx.Service<ScopeResolver>().GetAsync(ctx.CancellationToken);

    public static string? Role(IResolveContext ctx) => ctx.Service<IHttpContextAccessor>().HttpContext?.User.FindFirst(CxClaims.Role)?.Value;

    public static string Name(IResolveContext ctx)
    {
        var user = ctx.Service<IHttpContextAccessor>().HttpContext?.User;
        return user?.FindFirst("name")?.Value ?? user?.FindFirst("sub")?.Value ?? "";
    }

    /// <summary>Partner managers and embed tokens see no value below the privacy floor (DESIGN §6).</summary>
    public static bool AppliesPrivacyFloor(IResolveContext ctx)
    {
        var user = ctx.Service<IHttpContextAccessor>().HttpContext?.User;
        return Role(ctx) == "partner_manager" || user?.FindFirst("token_kind")?.Value == "embed";
    }

    public static void RequireAnalyst(IResolveContext ctx, string what)
    {
        if (Role(ctx) != "analyst") throw CascadeErrors.Forbidden(what);
    }

    public static void RequireCheckinRole(IResolveContext ctx)
    {
        if (Role(ctx) is not ("analyst" or "department_head")) throw CascadeErrors.Forbidden("record check-ins");
    }

    /// <summary>A unit id argument inside the caller's scope, or NOT_FOUND.</summary>
    public static async Task<long> VisibleUnitAsync(IResolveContext ctx, string? id)
    {
        var scope = await ScopeAsync(ctx);
        return ParseId(id) is { } unit && scope.CanSee(unit) ? unit : throw CascadeErrors.UnitNotFound(id);
    }

    /// <summary>A KPI id whose unit is inside the caller's scope, or NOT_FOUND.</summary>
    public static async Task<long> VisibleKpiAsync(IResolveContext ctx, string? id)
    {
        var scope = await ScopeAsync(ctx);
        if (ParseId(id) is { } kpi && await ctx.Service<KpiQueries>().UnitOfAsync(kpi, ctx.CancellationToken) is { } unit && scope.CanSee(unit)) return kpi;
        throw CascadeErrors.KpiNotFound(id);
    }

    public static long? ParseId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
