using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Verbatims;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// The request's DataLoaders. Every one batches into a <see cref="VisibleUnits"/> call — the scope
/// filter — so resolvers never query and never filter on their own, and a whole query level costs one
/// SQL command per loader however many units it spans.
/// </summary>
public static class Loaders
{
    public static Task<OrgNode?> UnitAsync(this IResolveContext ctx, long id) =>
        ctx.DataLoader<long, OrgNode>("unitById", Visible(ctx).UnitsAsync).LoadAsync(id);

    public static Task<OrgNode?> UnitByCodeAsync(this IResolveContext ctx, string code) =>
        ctx.DataLoader<string, OrgNode>("unitByCode", Visible(ctx).UnitsByCodeAsync).LoadAsync(code);

    public static async Task<IReadOnlyList<OrgNode>> ChildrenAsync(this IResolveContext ctx, long id) =>
        await ctx.DataLoader<long, IReadOnlyList<OrgNode>>("children", Visible(ctx).ChildrenAsync).LoadAsync(id) ?? [];

    public static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(this IResolveContext ctx, long id) =>
        await ctx.DataLoader<long, IReadOnlyList<Crumb>>("breadcrumb", Visible(ctx).BreadcrumbsAsync).LoadAsync(id) ?? [];

    public static async Task<ValueNode?> ValueAsync(this IResolveContext ctx, ValueKey key) =>
        await Values(ctx).LoadAsync(key) is { } v ? new ValueNode(key, v) : null;

    public static async Task<IReadOnlyList<ValueNode?>> ValuesAsync(this IResolveContext ctx, IReadOnlyList<ValueKey> keys)
    {
        var values = await Values(ctx).LoadManyAsync(keys);
        return keys.Select((k, i) => values[i] is { } v ? new ValueNode(k, v) : null).ToArray();
    }

    public static async Task<IReadOnlyList<(string Value, CellStats Stats)>> BreakdownAsync(this IResolveContext ctx, BreakdownKey key) =>
        await ctx.DataLoader<BreakdownKey, IReadOnlyList<(string, CellStats)>>("breakdowns", Visible(ctx).BreakdownsAsync).LoadAsync(key) ?? [];

    /// <summary>
    /// A unit's verbatim page; the pages of every unit at one query level are read with one command, through the
    /// raw-fact gate (<see cref="RawFactGate"/>).
    /// </summary>
    public static Task<VerbatimPage?> VerbatimsAsync(this IResolveContext ctx, VerbatimKey key) =>
        ctx.DataLoader<VerbatimKey, VerbatimPage>("verbatims", (keys, ct) =>
            ctx.Service<RawFactGate>().RunAsync(c => Visible(ctx).VerbatimsAsync(keys, c), ct)).LoadAsync(key);

    private static DataLoader<ValueKey, MetricValue> Values(IResolveContext ctx) =>
        ctx.DataLoader<ValueKey, MetricValue>("values", Visible(ctx).ValuesAsync);

    private static VisibleUnits Visible(IResolveContext ctx) => ctx.Service<VisibleUnits>();
}

/// <summary>A value with the key it was read for, so <c>previous</c> and <c>change</c> can read the period before.</summary>
public sealed record ValueNode(ValueKey Key, MetricValue Value);
