using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Data;
using CxDashboard.Core.Metrics;
using CxDashboard.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Api.Scorecards;

public static class ScorecardsSchema
{
    /// <summary>Values: the metric catalogue and the value types every subject's value fields return.</summary>
    public static CxSchema AddScorecardTypes(this CxSchema schema)
    {
        schema.Types
            .AddType<MetricType>()
            .AddType<MetricValueType>()
            .AddType<ChangeType>()
            .AddType<BreakdownRowType>()
            .AddType<MoverType>()
            .AddType<SliceInputType>()
            .AddEnumType<SliceDimension>("SliceDimension")
            .AddEnumType<SeriesGrain>("SeriesGrain");
        return schema.Query(d =>
        {
            d.Field("metrics").Type("[Metric!]!").Description("The metric catalogue: outcome metrics first, then process metrics.")
                .Resolve(async ctx => await CatalogueAsync(ctx));
            d.Field("metric").Type("Metric").Argument("code", "String!")
                .Resolve(async ctx => (await CatalogueAsync(ctx)).FirstOrDefault(m => m.Code == ctx.Argument<string>("code")));
        });
    }

    /// <summary>
    /// The catalogue, read once per request through a DataLoader: sibling fields (<c>metrics</c>, any number of
    /// <c>metric</c> aliases) run concurrently and must not share the request's DbContext at the same time.
    /// </summary>
    private static async Task<IReadOnlyList<Metric>> CatalogueAsync(IResolveContext ctx) =>
        await ctx.DataLoader<int, IReadOnlyList<Metric>>("metricCatalogue", async (keys, ct) =>
        {
            IReadOnlyList<Metric> all = await ctx.Service<CxDbContext>().Metrics.AsNoTracking()
                .OrderByDescending(m => m.Kind == "outcome").ThenBy(m => m.Code).ToListAsync(ct);
            return keys.ToDictionary(k => k, _ => all);
        }).LoadAsync(0) ?? [];
}
