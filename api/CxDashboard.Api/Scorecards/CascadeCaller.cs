using System.Globalization;
using CxDashboard.Api.Security;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// Turns the answers of the one scope filter (<see cref="VisibleUnits"/>) into the cascade API's errors:
/// ids outside the scope read as NOT_FOUND, roles that may not change KPIs as FORBIDDEN. KPI admin is for
/// analysts; check-ins also for department heads, on KPIs of units inside their scope. Nothing here
/// decides what is inside the scope.
/// </summary>
internal static class CascadeCaller
{
    public static VisibleUnits Visible(IResolveContext ctx) => ctx.Service<VisibleUnits>();

    public static void RequireAnalyst(IResolveContext ctx, string what)
    {
        if (Visible(ctx).Role != "analyst") throw CascadeErrors.Forbidden(what);
    }

    public static void RequireCheckinRole(IResolveContext ctx)
    {
        if (Visible(ctx).Role is not ("analyst" or "department_head")) throw CascadeErrors.Forbidden("record check-ins");
    }

    /// <summary>A unit id argument inside the caller's scope, or NOT_FOUND.</summary>
    public static async Task<long> VisibleUnitAsync(IResolveContext ctx, string? id) =>
        ParseId(id) is { } unit && await Visible(ctx).CanSeeAsync(unit, ctx.CancellationToken) ? unit : throw CascadeErrors.UnitNotFound(id);

    /// <summary>A KPI id whose unit is inside the caller's scope, or NOT_FOUND.</summary>
    public static async Task<long> VisibleKpiAsync(IResolveContext ctx, string? id) =>
        ParseId(id) is { } kpi && await Visible(ctx).CanSeeKpiAsync(kpi, ctx.CancellationToken) ? kpi : throw CascadeErrors.KpiNotFound(id);

    public static long? ParseId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
