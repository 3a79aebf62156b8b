using CxDashboard.Api.Security;
using CxDashboard.Core.Data;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Api.Values;

/// <summary>
/// Values and breakdowns through request DataLoaders that batch into one <see cref="VisibleValues"/> call (through the
/// scope gate): every value asked for at one query level — all units' series points, previous periods — is one SQL command.
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

    /// <summary>A catalogue entry by code, from the request's one catalogue read.</summary>
    public static async Task<Metric> MetricAsync(this IResolveContext ctx, string code) =>
        (await ctx.CatalogueAsync()).FirstOrDefault(m => m.Code == code)
        ?? throw new InvalidOperationException($"Metric '{code}' is not in the catalogue.");

    /// <summary>
    /// The metric catalogue (the same for every caller: no scope applies), outcome metrics first, read once per request
    /// through a DataLoader: sibling fields (<c>metrics</c>, <c>metric</c> aliases, value and driver <c>metric</c>
    /// fields) run concurrently and must not share the request's DbContext at the same time.
    /// </summary>
    public static async Task<IReadOnlyList<Metric>> CatalogueAsync(this IResolveContext ctx) =>
        await ctx.DataLoader<int, IReadOnlyList<Metric>>("metricCatalogue", async (keys, ct) =>
        {
            IReadOnlyList<Metric> all = await ctx.Service<CxDbContext>().Metrics.AsNoTracking()
                .OrderByDescending(m => m.Kind == "outcome").ThenBy(m => m.Code).ToListAsync(ct);
            return keys.ToDictionary(k => k, _ => all);
        }).LoadAsync(0) ?? [];

    private static DataLoader<ValueKey, MetricValue> Values(IResolveContext ctx) =>
        ctx.DataLoader<ValueKey, MetricValue>("values", Visible(ctx).ValuesAsync);

    private static VisibleValues Visible(IResolveContext ctx) => ctx.Service<VisibleValues>();
}

/// <summary>A value with the key it was read for, so <c>previous</c> and <c>change</c> can read the period before.</summary>
public sealed record ValueNode(ValueKey Key, MetricValue Value);
