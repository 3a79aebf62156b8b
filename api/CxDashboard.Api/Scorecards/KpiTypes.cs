using System.ComponentModel;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Scorecards;

/// <summary>The arguments of a KPI's <c>targets</c> field.</summary>
public sealed record TargetsArgs([Description("Only this grain; all grains when absent.")] TargetGrain? Grain = null);

/// <summary>The arguments of a KPI's <c>checkins</c> field.</summary>
public sealed record CheckinsArgs([Description("How many (1–100).")] int First = 10);

/// <summary>A KPI definition: unit, metric (optionally one slice), cascade parent, weight, shared flag, owner, status rule.</summary>
public sealed class KpiType : ObjectTypeDefinition<KpiDefinition>
{
    protected override void Configure(IObjectTypeDescriptor<KpiDefinition> d)
    {
        d.Name("Kpi").Description("A unit's KPI on a metric (optionally one slice of it), linked to its parent KPI by a cascade edge.");
        d.Field("id").Type("ID!").Description("The KPI's id (kpi(id:), the mutations).").ResolveFromParent<KpiDefinition>(p => Ids.Format(p.Id));
        d.Field(p => p.Unit).Description("The unit that owns the KPI.");
        d.Field(p => p.Metric).Description("The metric the KPI tracks.");
        d.Field("kind").Type("MetricKind!").Description("The metric's kind: outcome (what the customer felt) or process (what the organisation did).")
            .ResolveFromParent<KpiDefinition>(p => MetricEnums.Kind(p.MetricKind));
        d.Field("direction").Type("MetricDirection!").Description("Which way the metric improves.").ResolveFromParent<KpiDefinition>(p => MetricEnums.Direction(p.Direction));
        d.Field("valueUnit").Type("MetricUnit!").Description("The unit of actuals and targets.").ResolveFromParent<KpiDefinition>(p => MetricEnums.Unit(p.MetricUnit));
        d.Field("sliceDimension").Type("SliceDimension").Description("The dimension of the one slice the KPI tracks; null for the whole metric.")
            .ResolveFromParent<KpiDefinition>(p => p.SliceDimension is { } dim ? MetricEnums.Dimension(dim) : null);
        d.Field(p => p.SliceValue).Description("The slice's value (e.g. phone); null for the whole metric.");
        d.Field("parent").Type("Kpi").Description("The KPI this one cascades from (the same metric above, or the outcome this process KPI drives); null at the top or outside the caller's scope.")
            .Resolve(async ctx => ctx.ParentAs<KpiDefinition>().ParentKpiId is { } parent ? await ctx.KpiAsync(parent) : null);
        d.Field(p => (double)p.Weight).Description("The KPI's weight in its unit's score.");
        d.Field("shared").Type("Boolean!").Description("Shared KPIs (company NPS, CSAT) weigh double in a unit's score.")
            .ResolveFromParent<KpiDefinition>(p => p.IsShared);
        d.Field(p => p.Owner).Description("Who answers for the KPI.");
        d.Field("statusRule").Type("[StatusCondition!]!").Description("Ordered: the first condition that matches gives the status.")
            .ResolveFromParent<KpiDefinition>(p => p.Rule.Conditions);
        d.Field("defaultStatusRule").Type("Boolean!").Description("True when the KPI has no rule of its own and statusRule is the default.")
            .ResolveFromParent<KpiDefinition>(p => p.Rule.IsDefault);
        d.Field("targets").Type("[KpiTarget!]!").Description("The KPI's targets, by grain then period.")
            .Arguments<TargetsArgs>()
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                var grain = ctx.ArgumentsAs<TargetsArgs>().Grain is { } g ? TargetGrainNames.Name(g) : null;
                return await ctx.Service<VisibleScorecards>().TargetsAsync(k, grain, ctx.CancellationToken);
            });
        d.Field("checkins").Type("[KpiCheckin!]!").Description("Check-ins, newest first.")
            .Arguments<CheckinsArgs>()
            .Resolve(async ctx =>
            {
                var k = ctx.ParentAs<KpiDefinition>();
                var first = Math.Clamp(ctx.ArgumentsAs<CheckinsArgs>().First, 1, 100);
                return await ctx.Service<VisibleScorecards>().CheckinsAsync(k, first, ctx.CancellationToken);
            });
    }
}

public sealed class StatusConditionType : ObjectTypeDefinition<StatusCondition>
{
    protected override void Configure(IObjectTypeDescriptor<StatusCondition> d)
    {
        d.Name("StatusCondition").Description("Gives its status when min ≤ measure ≤ max (a missing bound is open).");
        d.Field(p => p.Status).Description("The status this condition gives.");
        d.Field(p => p.Measure).Description("What is compared with min and max.");
        d.Field(p => p.Min).Description("Lower bound, inclusive; null is open.");
        d.Field(p => p.Max).Description("Upper bound, inclusive; null is open.");
    }
}

public sealed class KpiTargetType : ObjectTypeDefinition<KpiTarget>
{
    protected override void Configure(IObjectTypeDescriptor<KpiTarget> d)
    {
        d.Name("KpiTarget").Description("A target for one period, in the metric's unit.");
        d.Field("grain").Type("TargetGrain!").Description("The period's grain.").ResolveFromParent<KpiTarget>(p => TargetGrainNames.Of(p.Grain));
        d.Field(p => p.PeriodStart).Description("The period's first day.");
        d.Field(p => (double)p.Target).Description("The target value.");
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
        d.Field(p => p.PeriodStart).Description("First day of the month the check-in is about.");
        d.Field(p => (double?)p.Value).Description("A value the author reports, in the metric's unit.");
        d.Field(p => p.Status).Description("The status the author gives.");
        d.Field(p => p.Note).Description("The author's note.");
        d.Field(p => p.Author).Description("Who recorded it (the token's name).");
        d.Field(p => p.CreatedAt).Description("When it was recorded.");
    }
}
