using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// How resolvers read: every read goes to a <see cref="VisibleUnits"/> batch method — the scope
/// filter — so resolvers never query and never filter on their own. The methods take batches; until
/// the executor's per-level DataLoader is on main each resolver calls them with its own keys (one
/// command per field instance), and moving these bodies onto <c>ctx.DataLoader</c> makes a whole
/// query level one command per loader without touching any resolver.
/// </summary>
public static class Loaders
{
    public static async Task<OrgNode?> UnitAsync(this IResolveContext ctx, long id) =>
        (await Visible(ctx).UnitsAsync([id], ctx.CancellationToken)).GetValueOrDefault(id);

    public static async Task<OrgNode?> UnitByCodeAsync(this IResolveContext ctx, string code) =>
        (await Visible(ctx).UnitsByCodeAsync([code], ctx.CancellationToken)).GetValueOrDefault(code);

    public static async Task<IReadOnlyList<OrgNode>> ChildrenAsync(this IResolveContext ctx, long id) =>
        (await Visible(ctx).ChildrenAsync([id], ctx.CancellationToken)).GetValueOrDefault(id) ?? [];

    public static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(this IResolveContext ctx, long id) =>
        (await Visible(ctx).BreadcrumbsAsync([id], ctx.CancellationToken)).GetValueOrDefault(id) ?? [];

    public static async Task<ValueNode?> ValueAsync(this IResolveContext ctx, ValueKey key) =>
        (await ctx.ValuesAsync([key]))[0];

    public static async Task<IReadOnlyList<ValueNode?>> ValuesAsync(this IResolveContext ctx, IReadOnlyList<ValueKey> keys)
    {
        var values = await Visible(ctx).ValuesAsync(keys, ctx.CancellationToken);
        return keys.Select(k => values.TryGetValue(k, out var v) ? new ValueNode(k, v) : null).ToArray();
    }

    public static async Task<IReadOnlyList<(string Value, CellStats Stats)>> BreakdownAsync(this IResolveContext ctx, BreakdownKey key) =>
        (await Visible(ctx).BreakdownsAsync([key], ctx.CancellationToken)).GetValueOrDefault(key) ?? [];

    private static VisibleUnits Visible(IResolveContext ctx) => ctx.Service<VisibleUnits>();
}

/// <summary>A value with the key it was read for, so <c>previous</c> and <c>change</c> can read the period before.</summary>
public sealed record ValueNode(ValueKey Key, MetricValue Value);
