using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Data;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Api.Values;

public static class ValuesSchema
{
    /// <summary>Values: the metric catalogue, the value types, and a unit's value, series, breakdown and top movers.</summary>
    public static CxSchema AddValueTypes(this CxSchema schema)
    {
        schema.Types
            .AddType<MetricType>()
            .AddType<MetricValueType>()
            .AddType<ChangeType>()
            .AddType<BreakdownRowType>()
            .AddType<MoverType>()
            .AddType<SliceInputType>()
            .AddEnumType<SliceDimension>("SliceDimension")
            .AddEnumType<SeriesGrain>("SeriesGrain")
            .ExtendObjectType<OrgNode>("OrgUnit", d =>
            {
                ValueFields.AddValueAndSeries(d.Field("value"), d.Field("series"), ctx => (SubjectKind.Unit, ctx.ParentAs<OrgNode>().Id));
                ValueFields.AddBreakdownAndMovers(d);
            });
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
