using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Scorecards;

/// <summary>A KPI definition: unit, metric (optionally one slice), cascade parent, weight, shared flag, owner, status rule.</summary>
public sealed class KpiType : ObjectTypeDefinition<KpiDefinition>
{
    protected override void Configure(IObjectTypeDescriptor<KpiDefinition> d)
    {
        d.Name("Kpi").Description("A unit's KPI on a metric (optionally one slice of it), linked to its parent KPI by a cascade edge.");
        d.Field("id").Type("ID!").Description("The KPI's id (kpi(id:), the mutations).").ResolveFromParent<KpiDefinition>(p => Ids.Format(p.Id));
        d.Field("unit").Type("OrgUnit!").Description("The unit that owns the KPI.").ResolveFromParent<KpiDefinition>(p => p.Unit);
        d.Field("metric").Type("Metric!").Description("The metric the KPI tracks.").ResolveFromParent<KpiDefinition>(p => p.Metric);
        d.Field("kind").Type("MetricKind!").Description("The metric's kind: outcome (what the customer felt) or process (what the organisation did).")
            .ResolveFromParent<KpiDefinition>(p => MetricEnums.Kind(p.MetricKind));
        d.Field("direction").Type("MetricDirection!").Description("Which way the metric improves.").ResolveFromParent<KpiDefinition>(p => MetricEnums.Direction(p.Direction));
        d.Field("valueUnit").Type("MetricUnit!").Description("The unit of actuals and targets.").ResolveFromParent<KpiDefinition>(p => MetricEnums.Unit(p.MetricUnit));
        d.Field("sliceDimension").Type("SliceDimension").Description("The dimension of the one slice the KPI tracks; null for the whole metric.")
            .ResolveFromParent<KpiDefinition>(p => p.SliceDimension is { } dim ? MetricEnums.Dimension(dim) : null);
        d.Field("sliceValue").Type("String").Description("The slice's value (e.g. phone); null for the whole metric.").ResolveFromParent<KpiDefinition>(p => p.SliceValue);
        d.Field("parent").Type("Kpi").Description("The KPI this one cascades from (the same metric above, or the outcome this process KPI drives); null at the top or outside the caller's scope.")
            .Resolve(async ctx => ctx.ParentAs<KpiDefinition>().ParentKpiId is { } parent ? await ctx.KpiAsync(parent) : null);
        d.Field("weight").Type("Float!").Description("The KPI's weight in its unit's score.").ResolveFromParent<KpiDefinition>(p => (double)p.Weight);
        d.Field("shared").Type("Boolean!").Description("Shared KPIs (company NPS, CSAT) weigh double in a unit's score.")
            .ResolveFromParent<KpiDefinition>(p => p.IsShared);
        d.Field("owner").Type("String").Description("Who answers for the KPI.").ResolveFromParent<KpiDefinition>(p => p.Owner);
        d.Field("statusRule").Type("[StatusCondition!]!").Description("Ordered: the first condition that matches gives the status.")
            .ResolveFromParent<KpiDefinition>(p => p.Rule.Conditions);
        d.Field("targets").Type("[KpiTarget!]!").Description("The KPI's targets, by grain then period.")
            .Argument("grain", "TargetGrain", a => a.Description("Only this grain; all grains when absent."))
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                var grain = ctx.Argument<TargetGrain?>("grain") is { } g ? TargetGrainNames.Name(g) : null;
                return await ctx.Service<VisibleScorecards>().TargetsAsync(k, grain, ctx.CancellationToken);
            });
        d.Field("checkins").Type("[KpiCheckin!]!").Description("Check-ins, newest first.")
            .Argument("first", "Int!", a => a.DefaultValue(10).Description("How many (1–100)."))
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                var first = Math.Clamp(ctx.Argument<int>("first"), 1, 100);
                return await ctx.Service<VisibleScorecards>().CheckinsAsync(k, first, ctx.CancellationToken);
            });
    }
}

public sealed class StatusConditionType : ObjectTypeDefinition<StatusCondition>
{
    protected override void Configure(IObjectTypeDescriptor<StatusCondition> d)
    {
        d.Name("StatusCondition").Description("Gives its status when min ≤ measure ≤ max (a missing bound is open).");
        d.Field("status").Type("KpiStatus!").Description("The status this condition gives.").ResolveFromParent<StatusCondition>(p => p.Status);
        d.Field("measure").Type("StatusMeasure!").Description("What is compared with min and max.").ResolveFromParent<StatusCondition>(p => p.Measure);
        d.Field("min").Type("Float").Description("Lower bound, inclusive; null is open.").ResolveFromParent<StatusCondition>(p => p.Min);
        d.Field("max").Type("Float").Description("Upper bound, inclusive; null is open.").ResolveFromParent<StatusCondition>(p => p.Max);
    }
}

public sealed class KpiTargetType : ObjectTypeDefinition<KpiTarget>
{
    protected override void Configure(IObjectTypeDescriptor<KpiTarget> d)
    {
        d.Name("KpiTarget").Description("A target for one period, in the metric's unit.");
        d.Field("grain").Type("TargetGrain!").Description("The period's grain.").ResolveFromParent<KpiTarget>(p => TargetGrainNames.Of(p.Grain));
        d.Field("periodStart").Type("Date!").Description("The period's first day.").ResolveFromParent<KpiTarget>(p => p.PeriodStart);
        d.Field("target").Type("Float!").Description("The target value.").ResolveFromParent<KpiTarget>(p => (double)p.Target);
    }
}

public sealed class KpiCheckinType : ObjectTypeDefinition<KpiCheckinView>
{
    protected override void Configure(IObjectTypeDescriptor<KpiCheckinView> d)
    {
        d.Name("KpiCheckin").Description("A department head's periodic note against a KPI.");
        d.Field("id").Type("ID!").Description("The check-in's id.").ResolveFromParent<KpiCheckinView>(p => Ids.Format(p.Id));
        d.Field("kpi").Type("Kpi!").Description("The KPI the check-in is about.")
            .Resolve(async ctx => await ctx.KpiAsync(ctx.ParentAs<KpiCheckinView>().KpiId));
        d.Field("periodStart").Type("Date!").Description("First day of the month the check-in is about.").ResolveFromParent<KpiCheckinView>(p => p.PeriodStart);
        d.Field("value").Type("Float").Description("A value the author reports, in the metric's unit.").ResolveFromParent<KpiCheckinView>(p => (double?)p.Value);
        d.Field("status").Type("KpiStatus!").Description("The status the author gives.").ResolveFromParent<KpiCheckinView>(p => p.Status);
        d.Field("note").Type("String").Description("The author's note.").ResolveFromParent<KpiCheckinView>(p => p.Note);
        d.Field("author").Type("String!").Description("Who recorded it (the token's name).").ResolveFromParent<KpiCheckinView>(p => p.Author);
        d.Field("createdAt").Type("DateTime!").Description("When it was recorded.").ResolveFromParent<KpiCheckinView>(p => p.CreatedAt);
    }
}
