using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Scorecards;

public sealed class ScorecardType : ObjectTypeDefinition<Scorecard>
{
    protected override void Configure(IObjectTypeDescriptor<Scorecard> d)
    {
        d.Name("Scorecard").Description("A unit's KPIs for a period (each outcome KPI followed by the process KPIs that drive it) and its weighted score.");
        d.Field("unit").Type("OrgUnit!").Description("The unit the scorecard is for.").Resolve(async ctx => await ctx.UnitAsync(ctx.ParentAs<Scorecard>().UnitId));
        d.Field("period").Type("String!").Description("The period (2026-05, 2026-Q2 or 2026).").ResolveFromParent<Scorecard>(p => p.Period.ToString());
        d.Field("score").Type("Float").Description(
                $"Weighted attainment in percent: Σ w·min(attainment, {ScorecardService.ScoreCap}) / Σ w over KPIs with an attainment; shared KPIs count ×{ScorecardService.SharedWeightFactor}.")
            .ResolveFromParent<Scorecard>(p => p.Score);
        d.Field(p => p.ScoredWeight).Description("Effective weight of the KPIs that have an attainment this period.");
        d.Field(p => p.TotalWeight).Description("Effective weight of all its KPIs.");
        d.Field(p => p.Kpis).Description("The unit's KPI lines: each outcome KPI followed by the process KPIs that drive it.");
    }
}

public sealed class ScorecardKpiType : ObjectTypeDefinition<ScorecardKpi>
{
    protected override void Configure(IObjectTypeDescriptor<ScorecardKpi> d)
    {
        d.Name("ScorecardKpi").Description("One KPI line of a scorecard.");
        d.Field(p => p.Kpi).Description("The KPI on this line.");
        PointFields.Add(d, line => line.Current);
        d.Field(line => line.EffectiveWeight).Description("Weight in the unit's score (×2 when shared).");
        d.Field(p => p.Previous).Description("The same KPI (unit, metric and slice) in the period before, with its own target and status.");
        d.Field("change").Type("Change").Description(
                "This period's actual minus the previous period's on the line's own cells (a sliced KPI compares its slice), with the test of DESIGN §6; null when either is missing or hidden.")
            .ResolveFromParent<ScorecardKpi>(p => p.Change);
        d.Field("trend").Type("[KpiPoint!]!").Description($"The {ScorecardService.TrendLength} periods ending with this one, oldest first.")
            .ResolveFromParent<ScorecardKpi>(p => p.Trend);
        d.Field("children").Type("[ScorecardKpi!]!").Description("Cascade children at units below (inside the caller's scope); nest to go further down: the scorecard reads as many levels as the query nests, in one round trip.")
            .Resolve(async ctx => (await ScorecardLoader.ExpandedAsync(ctx, ctx.ParentAs<ScorecardKpi>())).Children);
        d.Field("drivers").Type("[ScorecardKpi!]!").Description("Process KPIs of this unit that drive this outcome KPI.")
            .Resolve(async ctx => (await ScorecardLoader.ExpandedAsync(ctx, ctx.ParentAs<ScorecardKpi>())).Drivers);
        d.Field("reconciliation").Type("TargetReconciliation")
            .Description("Do the children's targets, at last period's volumes, add up to this KPI's target? Null without same-metric children or for medians.")
            .Resolve(async ctx => (await ScorecardLoader.ExpandedAsync(ctx, ctx.ParentAs<ScorecardKpi>())).Reconciliation);
        d.Field(p => p.LatestCheckin).Description("The newest check-in about this period, if any.");
    }
}

public sealed class KpiPointType : ObjectTypeDefinition<KpiPeriodValue>
{
    protected override void Configure(IObjectTypeDescriptor<KpiPeriodValue> d)
    {
        d.Name("KpiPoint").Description("A KPI in one period.");
        PointFields.Add(d, point => point);
    }
}

/// <summary>The period fields shared by a scorecard line and its trend points (read from the parent alone: thousands per scorecard).</summary>
internal static class PointFields
{
    public static void Add<T>(IObjectTypeDescriptor<T> d, Func<T, KpiPeriodValue> value)
    {
        d.Field("period").Type("String!").Description("The period (2026-05, 2026-Q2 or 2026).").ResolveFromParent<T>(p => value(p).Period.ToString());
        d.Field("periodStart").Type("Date!").Description("The period's first day.").ResolveFromParent<T>(p => value(p).Period.First);
        d.Field("actual").Type("Float").Description("From the rollup cells, in the metric's unit; null without data.").ResolveFromParent<T>(p => value(p).Actual);
        d.Field("n").Type("Int!").Description("Responses or contacts the actual is computed from.").ResolveFromParent<T>(p => (int)Math.Min(int.MaxValue, value(p).N));
        d.Field("target").Type("Float").Description("The target for the period, in the metric's unit; null without one.").ResolveFromParent<T>(p => value(p).Target);
        d.Field("attainment").Type("Float")
            .Description("Actual as a percentage of target in the metric's direction (100 = on target; NPS shifted onto 0–200 first).")
            .ResolveFromParent<T>(p => value(p).Attainment);
        d.Field("gap").Type("Float").Description("Actual − target, positive when better than target.").ResolveFromParent<T>(p => value(p).Gap);
        d.Field("status").Type("KpiStatus!").Description("From the KPI's status rule (first matching condition).").ResolveFromParent<T>(p => value(p).Status);
        d.Field("lowConfidence").Type("Boolean!").Description("n below the configured minimum (Scorecards:MinN, default 30).")
            .ResolveFromParent<T>(p => value(p).LowConfidence);
        d.Field("suppressed").Type("Boolean!").Description("Hidden below the privacy floor for partner and embedded callers; n stays visible.")
            .ResolveFromParent<T>(p => value(p).Suppressed);
    }
}

public sealed class TargetReconciliationType : ObjectTypeDefinition<TargetReconciliation>
{
    protected override void Configure(IObjectTypeDescriptor<TargetReconciliation> d)
    {
        d.Name("TargetReconciliation").Description(
            "For ratio metrics the parent value is the volume-weighted combination of its children: implied parent target = Σ nᵢ·targetᵢ / Σ nᵢ with nᵢ the children's volumes in the previous period.");
        d.Field("volumeBasis").Type("String!").Description("The period whose volumes weigh the children.").ResolveFromParent<TargetReconciliation>(p => p.VolumeBasis.ToString());
        d.Field(p => p.ParentTarget).Description("This KPI's target.");
        d.Field(p => p.ImpliedParentTarget).Description("Σ nᵢ·targetᵢ / Σ nᵢ over the children with a target.");
        d.Field(p => p.Gap).Description("Implied − parent target, positive when the children's targets more than cover it.");
        d.Field(p => p.AddsUp).Description("The implied target meets this KPI's target; null without both.");
        d.Field(p => (int)p.ParentVolume).Description("This KPI's unit's volume in the volume basis period.");
        d.Field(p => (int)p.ChildrenVolume).Description("The children's volume in that period.");
        d.Field(p => p.Coverage).Description("Share of the parent's volume that the children with KPIs carry.");
        d.Field(p => p.ChildrenWithoutTarget).Description("Children with no target for the period (left out of the implied target).");
        d.Field(p => p.Children).Description("Children inside the caller's scope (all of them count in the figures above).");
    }
}

public sealed class ReconciliationChildType : ObjectTypeDefinition<ReconciliationChild>
{
    protected override void Configure(IObjectTypeDescriptor<ReconciliationChild> d)
    {
        d.Name("ReconciliationChild").Description("One child KPI in a target reconciliation.");
        d.Field("kpi").Type("Kpi!").Description("The child KPI.").Resolve(async ctx => await ctx.KpiAsync(ctx.ParentAs<ReconciliationChild>().KpiId));
        d.Field("unit").Type("OrgUnit!").Description("The child KPI's unit.").Resolve(async ctx => await ctx.UnitAsync(ctx.ParentAs<ReconciliationChild>().UnitId));
        d.Field(p => p.Target).Description("The child's target; null without one.");
        d.Field(p => (int)p.ExpectedVolume).Description("Its volume in the volume basis period (the weight of its target).");
        d.Field(p => p.VolumeShare).Description("Its share (0–1) of the children's volume.");
    }
}
