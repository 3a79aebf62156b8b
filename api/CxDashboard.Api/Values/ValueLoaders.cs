using CxDashboard.Api.Security;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Values;

/// <summary>
/// Values and breakdowns through request DataLoaders that batch into one <see cref="VisibleUnits"/> call (the scope
/// filter): every value asked for at one query level — all units' series points, previous periods — is one SQL command.
/// </summary>
public static class ValueLoaders
{
    public static async Task<ValueNode?> ValueAsync(this IResolveContext ctx, ValueKey key) =>
        await Values(ctx).LoadAsync(key) is { } v ? new ValueNode(key, v) : null;

    public static async Task<IReadOnlyList<ValueNode?>> ValuesAsync(this IResolveContext ctx, IReadOnlyList<ValueKey> keys)
    {
        var values = await Values(ctx).LoadManyAsync(keys);
        return keys.Select((k, i) => values[i] is { } v ? new ValueNode(k, v) : null).ToArray();
    }

    public static async Task<IReadOnlyList<(string Value, CellStats Stats)>> BreakdownAsync(this IResolveContext ctx, BreakdownKey key) =>
        await ctx.DataLoader<BreakdownKey, IReadOnlyList<(string, CellStats)>>("breakdowns", Visible(ctx).BreakdownsAsync).LoadAsync(key) ?? [];

    /// <summary>A catalogue entry by code; every metric asked for in a request is one SQL command.</summary>
    public static async Task<Metric> MetricAsync(this IResolveContext ctx, string code) =>
        await ctx.DataLoader<string, Metric>("metricByCode", ctx.Service<MetricQueries>().ByCodesAsync).LoadAsync(code)
        ?? throw new InvalidOperationException($"Metric '{code}' is not in the catalogue.");

    private static DataLoader<ValueKey, MetricValue> Values(IResolveContext ctx) =>
        ctx.DataLoader<ValueKey, MetricValue>("values", Visible(ctx).ValuesAsync);

    private static VisibleUnits Visible(IResolveContext ctx) => ctx.Service<VisibleUnits>();
}

/// <summary>A value with the key it was read for, so <c>previous</c> and <c>change</c> can read the period before.</summary>
public sealed record ValueNode(ValueKey Key, MetricValue Value);
