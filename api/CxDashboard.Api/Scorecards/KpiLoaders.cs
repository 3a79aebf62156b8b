using CxDashboard.Api.Security;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// KPIs through request DataLoaders that batch into <see cref="ScopeGate"/> (the scope filter): every KPI a query
/// level reaches by id (a parent KPI, a check-in's KPI, a reconciliation child's KPI, a driver's process KPI) is one
/// SQL command; a KPI whose unit is outside the caller's scope is absent (null).
/// </summary>
public static class KpiLoaders
{
    public static Task<KpiDefinition?> KpiAsync(this IResolveContext ctx, long id) =>
        ctx.DataLoader<long, KpiDefinition>("kpiById", ctx.Service<VisibleScorecards>().KpisAsync).LoadAsync(id);

    /// <summary>The KPIs a unit owns (none outside the scope).</summary>
    public static async Task<IReadOnlyList<KpiDefinition>> KpisOfUnitAsync(this IResolveContext ctx, long unitId) =>
        await ctx.DataLoader<long, IReadOnlyList<KpiDefinition>>("kpisOfUnit", ctx.Service<VisibleScorecards>().KpisOfUnitsAsync).LoadAsync(unitId) ?? [];
}
