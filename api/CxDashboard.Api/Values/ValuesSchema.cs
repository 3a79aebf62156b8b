using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;

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
            .AddEnumType<SliceDimension>("SliceDimension", e => e.Description("The dimensions values can be sliced and broken down by."))
            .AddEnumType<SeriesGrain>("SeriesGrain", e => e.Description("The period length of a time series."))
            .AddEnumType<MetricKind>("MetricKind", e => e.Description("What a metric measures: the customer's experience or the organisation's work."))
            .AddEnumType<MetricDirection>("MetricDirection", e => e.Description("Which way a metric improves."))
            .AddEnumType<MetricUnit>("MetricUnit", e => e.Description("The unit of a metric's values and targets."))
            .ExtendObjectType<OrgNode>("OrgUnit", d =>
            {
                ValueFields.AddValueAndSeries(d.Field("value"), d.Field("series"), ctx => (SubjectKind.Unit, ctx.ParentAs<OrgNode>().Id));
                ValueFields.AddBreakdownAndMovers(d);
            });
        return schema.Query(d =>
        {
            d.Field("metrics").Type("[Metric!]!").Description("The metric catalogue: outcome metrics first, then process metrics.")
                .Resolve(async ctx => await ctx.CatalogueAsync());
            d.Field("metric").Type("Metric").Description("A catalogue entry by code; null when there is none.").Argument("code", "String!", a => a.Description("The metric's code, e.g. nps."))
                .Resolve(async ctx => (await ctx.CatalogueAsync()).FirstOrDefault(m => m.Code == ctx.Argument<string>("code")));
        });
    }
}
