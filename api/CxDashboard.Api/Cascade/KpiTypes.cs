using System.Globalization;
using CxDashboard.Core.Cascade;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Cascade;

/// <summary>A KPI definition: unit, metric (optionally one slice), cascade parent, weight, shared flag, owner, status rule.</summary>
public sealed class KpiType : ObjectTypeDefinition<KpiDefinition>
{
    protected override void Configure(IObjectTypeDescriptor<KpiDefinition> d)
    {
        d.Name("Kpi").Description("A unit's KPI on a metric (optionally one slice of it), linked to its parent KPI by a cascade edge.");
        d.Field("id").Type("ID!").Resolve(ctx => Id(ctx.ParentAs<KpiDefinition>().Id));
        d.Field("unitId").Type("ID!").Resolve(ctx => Id(ctx.ParentAs<KpiDefinition>().UnitId));
        d.Field("unitCode").Type("String!").Resolve(ctx => ctx.ParentAs<KpiDefinition>().UnitCode);
        d.Field("unitName").Type("String!").Resolve(ctx => ctx.ParentAs<KpiDefinition>().UnitName);
        d.Field("metric").Type("String!").Description("Metric code (the query 'metrics' lists them).").Resolve(ctx => ctx.ParentAs<KpiDefinition>().MetricCode);
        d.Field("metricName").Type("String!").Resolve(ctx => ctx.ParentAs<KpiDefinition>().MetricName);
        d.Field("kind").Type("String!").Description("outcome (what the customer felt) or process (what the organisation did).")
            .Resolve(ctx => ctx.ParentAs<KpiDefinition>().MetricKind);
        d.Field("direction").Type("String!").Description("higher or lower is better.").Resolve(ctx => ctx.ParentAs<KpiDefinition>().Direction);
        d.Field("valueUnit").Type("String!").Description("score (NPS points), percent, seconds or mean.").Resolve(ctx => ctx.ParentAs<KpiDefinition>().MetricUnit);
        d.Field("sliceDimension").Type("String").Resolve(ctx => ctx.ParentAs<KpiDefinition>().SliceDimension);
        d.Field("sliceValue").Type("String").Resolve(ctx => ctx.ParentAs<KpiDefinition>().SliceValue);
        d.Field("parentId").Type("ID").Description("The KPI this one cascades from (same metric above, or the outcome this process KPI drives).")
            .Resolve(ctx => ctx.ParentAs<KpiDefinition>().ParentKpiId is { } p ? Id(p) : null);
        d.Field("weight").Type("Float!").Resolve(ctx => (double)ctx.ParentAs<KpiDefinition>().Weight);
        d.Field("shared").Type("Boolean!").Description("Shared KPIs (company NPS, CSAT) weigh double in a unit's score.")
            .Resolve(ctx => ctx.ParentAs<KpiDefinition>().IsShared);
        d.Field("owner").Type("String").Resolve(ctx => ctx.ParentAs<KpiDefinition>().Owner);
        d.Field("statusRule").Type("[StatusCondition!]!").Description("Ordered: the first condition that matches gives the status.")
            .Resolve(ctx => ctx.ParentAs<KpiDefinition>().Rule.Conditions);
        d.Field("targets").Type("[KpiTarget!]!").Argument("grain", "String", a => a.Description("month, quarter or year; all grains when absent."))
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                return (await ctx.Service<KpiQueries>().TargetsAsync([k.Id], ctx.Argument<string>("grain"), ctx.CancellationToken))[k.Id].ToList();
            });
        d.Field("checkins").Type("[KpiCheckin!]!").Description("Newest first.")
            .Argument("first", "Int!", a => a.DefaultValue(10))
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                var first = Math.Clamp(ctx.Argument<int>("first"), 1, 100);
                return (await ctx.Service<KpiQueries>().CheckinsAsync([k.Id], first, ctx.CancellationToken))[k.Id].ToList();
            });
    }

    internal static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class StatusConditionType : ObjectTypeDefinition<StatusCondition>
{
    protected override void Configure(IObjectTypeDescriptor<StatusCondition> d)
    {
        d.Name("StatusCondition").Description("Gives its status when min ≤ measure ≤ max (a missing bound is open).");
        d.Field("status").Type("KpiStatus!").Resolve(ctx => ctx.ParentAs<StatusCondition>().Status);
        d.Field("measure").Type("StatusMeasure!").Resolve(ctx => ctx.ParentAs<StatusCondition>().Measure);
        d.Field("min").Type("Float").Resolve(ctx => ctx.ParentAs<StatusCondition>().Min);
        d.Field("max").Type("Float").Resolve(ctx => ctx.ParentAs<StatusCondition>().Max);
    }
}

public sealed class KpiTargetType : ObjectTypeDefinition<KpiTarget>
{
    protected override void Configure(IObjectTypeDescriptor<KpiTarget> d)
    {
        d.Name("KpiTarget").Description("A target for one period, in the metric's unit.");
        d.Field("grain").Type("String!").Resolve(ctx => ctx.ParentAs<KpiTarget>().Grain);
        d.Field("periodStart").Type("Date!").Resolve(ctx => ctx.ParentAs<KpiTarget>().PeriodStart);
        d.Field("target").Type("Float!").Resolve(ctx => (double)ctx.ParentAs<KpiTarget>().Target);
    }
}

public sealed class KpiCheckinType : ObjectTypeDefinition<KpiCheckinView>
{
    protected override void Configure(IObjectTypeDescriptor<KpiCheckinView> d)
    {
        d.Name("KpiCheckin").Description("A department head's periodic note against a KPI.");
        d.Field("id").Type("ID!").Resolve(ctx => KpiType.Id(ctx.ParentAs<KpiCheckinView>().Id));
        d.Field("kpiId").Type("ID!").Resolve(ctx => KpiType.Id(ctx.ParentAs<KpiCheckinView>().KpiId));
        d.Field("periodStart").Type("Date!").Resolve(ctx => ctx.ParentAs<KpiCheckinView>().PeriodStart);
        d.Field("value").Type("Float").Resolve(ctx => (double?)ctx.ParentAs<KpiCheckinView>().Value);
        d.Field("status").Type("KpiStatus!").Resolve(ctx => ctx.ParentAs<KpiCheckinView>().Status);
        d.Field("note").Type("String").Resolve(ctx => ctx.ParentAs<KpiCheckinView>().Note);
        d.Field("author").Type("String!").Resolve(ctx => ctx.ParentAs<KpiCheckinView>().Author);
        d.Field("createdAt").Type("DateTime!").Resolve(ctx => ctx.ParentAs<KpiCheckinView>().CreatedAt);
    }
}
