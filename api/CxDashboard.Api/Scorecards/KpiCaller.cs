using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// Turns the answers of the one scope filter (<see cref="ScopeGate"/>) into the KPI API's errors: ids outside
/// the scope read as NOT_FOUND. Nothing here decides what is inside the scope; roles are <see cref="RoleGate"/>'s.
/// </summary>
internal static class KpiCaller
{
    /// <summary>A unit id argument inside the caller's scope, or NOT_FOUND.</summary>
    public static async Task<long> VisibleUnitAsync(IResolveContext ctx, string? id) =>
        Ids.Parse(id) is { } unit && await ctx.Service<ScopeGate>().CanSeeAsync(unit, ctx.CancellationToken) ? unit : throw FieldErrors.UnitNotFound($"with id {id}");

    /// <summary>A KPI id whose unit is inside the caller's scope, or NOT_FOUND.</summary>
    public static async Task<long> VisibleKpiAsync(IResolveContext ctx, string? id) =>
        Ids.Parse(id) is { } kpi && await ctx.Service<VisibleScorecards>().CanSeeKpiAsync(kpi, ctx.CancellationToken) ? kpi : throw FieldErrors.KpiNotFound(id);

    /// <summary>Runs a KPI admin call; a refused input becomes one BAD_USER_INPUT error per problem, nothing written.</summary>
    public static async Task<T> AdminAsync<T>(IResolveContext ctx, Func<KpiAdminService, Task<T>> call)
    {
        try
        {
            return await call(ctx.Service<KpiAdminService>());
        }
        catch (InputRejectedException e)
        {
            throw FieldErrors.Rejected(e.Errors);
        }
    }
}
