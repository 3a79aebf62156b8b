using System.Globalization;
using CxDashboard.Api.Security;
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
        d.Field("id").Type("ID!").ResolveFromParent<KpiDefinition>(p => Id(p.Id));
        d.Field("unitId").Type("ID!").ResolveFromParent<KpiDefinition>(p => Id(p.UnitId));
        d.Field("unitCode").Type("String!").ResolveFromParent<KpiDefinition>(p => p.UnitCode);
        d.Field("unitName").Type("String!").ResolveFromParent<KpiDefinition>(p => p.UnitName);
        d.Field("metric").Type("String!").Description("Metric code (the query 'metrics' lists them).").ResolveFromParent<KpiDefinition>(p => p.MetricCode);
        d.Field("metricName").Type("String!").ResolveFromParent<KpiDefinition>(p => p.MetricName);
        d.Field("kind").Type("String!").Description("outcome (what the customer felt) or process (what the organisation did).")
            .ResolveFromParent<KpiDefinition>(p => p.MetricKind);
        d.Field("direction").Type("String!").Description("higher or lower is better.").ResolveFromParent<KpiDefinition>(p => p.Direction);
        d.Field("valueUnit").Type("String!").Description("score (NPS points), percent, seconds or mean.").ResolveFromParent<KpiDefinition>(p => p.MetricUnit);
        d.Field("sliceDimension").Type("String").ResolveFromParent<KpiDefinition>(p => p.SliceDimension);
        d.Field("sliceValue").Type("String").ResolveFromParent<KpiDefinition>(p => p.SliceValue);
        d.Field("parentId").Type("ID").Description("The KPI this one cascades from (same metric above, or the outcome this process KPI drives).")
            .ResolveFromParent<KpiDefinition>(k => k.ParentKpiId is { } p ? Id(p) : null);
        d.Field("weight").Type("Float!").ResolveFromParent<KpiDefinition>(p => (double)p.Weight);
        d.Field("shared").Type("Boolean!").Description("Shared KPIs (company NPS, CSAT) weigh double in a unit's score.")
            .ResolveFromParent<KpiDefinition>(p => p.IsShared);
        d.Field("owner").Type("String").ResolveFromParent<KpiDefinition>(p => p.Owner);
        d.Field("statusRule").Type("[StatusCondition!]!").Description("Ordered: the first condition that matches gives the status.")
            .ResolveFromParent<KpiDefinition>(p => p.Rule.Conditions);
        d.Field("targets").Type("[KpiTarget!]!").Argument("grain", "String", a => a.Description("month, quarter or year; all grains when absent."))
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                return await ctx.Service<VisibleUnits>().TargetsAsync(k, ctx.Argument<string>("grain"), ctx.CancellationToken);
            });
        d.Field("checkins").Type("[KpiCheckin!]!").Description("Newest first.")
            .Argument("first", "Int!", a => a.DefaultValue(10))
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                var first = Math.Clamp(ctx.Argument<int>("first"), 1, 100);
                return await ctx.Service<VisibleUnits>().CheckinsAsync(k, first, ctx.CancellationToken);
            });
    }

    internal static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class StatusConditionType : ObjectTypeDefinition<StatusCondition>
{
    protected override void Configure(IObjectTypeDescriptor<StatusCondition> d)
    {
        d.Name("StatusCondition").Description("Gives its status when min ≤ measure ≤ max (a missing bound is open).");
        d.Field("status").Type("KpiStatus!").ResolveFromParent<StatusCondition>(p => p.Status);
        d.Field("measure").Type("StatusMeasure!").ResolveFromParent<StatusCondition>(p => p.Measure);
        d.Field("min").Type("Float").ResolveFromParent<StatusCondition>(p => p.Min);
        d.Field("max").Type("Float").ResolveFromParent<StatusCondition>(p => p.Max);
    }
}

public sealed class KpiTargetType : ObjectTypeDefinition<KpiTarget>
{
    protected override void Configure(IObjectTypeDescriptor<KpiTarget> d)
    {
        d.Name("KpiTarget").Description("A target for one period, in the metric's unit.");
        d.Field("grain").Type("String!").ResolveFromParent<KpiTarget>(p => p.Grain);
        d.Field("periodStart").Type("Date!").ResolveFromParent<KpiTarget>(p => p.PeriodStart);
        d.Field("target").Type("Float!").ResolveFromParent<KpiTarget>(p => (double)p.Target);
    }
}

public sealed class KpiCheckinType : ObjectTypeDefinition<KpiCheckinView>
{
    protected override void Configure(IObjectTypeDescriptor<KpiCheckinView> d)
    {
        d.Name("KpiCheckin").Description("A department head's periodic note against a KPI.");
        d.Field("id").Type("ID!").ResolveFromParent<KpiCheckinView>(p => KpiType.Id(p.Id));
        d.Field("kpiId").Type("ID!").ResolveFromParent<KpiCheckinView>(p => KpiType.Id(p.KpiId));
        d.Field("periodStart").Type("Date!").ResolveFromParent<KpiCheckinView>(p => p.PeriodStart);
        d.Field("value").Type("Float").ResolveFromParent<KpiCheckinView>(p => (double?)p.Value);
        d.Field("status").Type("KpiStatus!").ResolveFromParent<KpiCheckinView>(p => p.Status);
        d.Field("note").Type("String").ResolveFromParent<KpiCheckinView>(p => p.Note);
        d.Field("author").Type("String!").ResolveFromParent<KpiCheckinView>(p => p.Author);
        d.Field("createdAt").Type("DateTime!").ResolveFromParent<KpiCheckinView>(p => p.CreatedAt);
    }
}
