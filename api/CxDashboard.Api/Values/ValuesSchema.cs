using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Data;
using CxDashboard.Core.Metrics;
using CxDashboard.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Api.Values;

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
                .Resolve(async ctx => await ctx.Service<CxDbContext>().Metrics.AsNoTracking()
                    .OrderByDescending(m => m.Kind == "outcome").ThenBy(m => m.Code).ToListAsync(ctx.CancellationToken));
            d.Field("metric").Type("Metric").Argument("code", "String!")
                .Resolve(async ctx => await ctx.Service<CxDbContext>().Metrics.AsNoTracking()
                    .FirstOrDefaultAsync(m => m.Code == ctx.Argument<string>("code"), ctx.CancellationToken));
        });
    }
}
