using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Cascade;

public sealed class ScorecardType : ObjectTypeDefinition<Scorecard>
{
    protected override void Configure(IObjectTypeDescriptor<Scorecard> d)
    {
        d.Name("Scorecard").Description("A unit's KPIs for a period (each outcome KPI followed by the process KPIs that drive it) and its weighted score.");
        d.Field("unitId").Type("ID!").Resolve(ctx => KpiType.Id(ctx.ParentAs<Scorecard>().UnitId));
        d.Field("period").Type("String!").Resolve(ctx => ctx.ParentAs<Scorecard>().Period.ToString());
        d.Field("score").Type("Float").Description(
                $"Weighted attainment in percent: Σ w·min(attainment, {ScorecardService.ScoreCap}) / Σ w over KPIs with an attainment; shared KPIs count ×{ScorecardService.SharedWeightFactor}.")
            .Resolve(ctx => ctx.ParentAs<Scorecard>().Score);
        d.Field("scoredWeight").Type("Float!").Description("Effective weight of the KPIs that have an attainment this period.")
            .Resolve(ctx => ctx.ParentAs<Scorecard>().ScoredWeight);
        d.Field("totalWeight").Type("Float!").Resolve(ctx => ctx.ParentAs<Scorecard>().TotalWeight);
        d.Field("kpis").Type("[ScorecardKpi!]!").Resolve(ctx => ctx.ParentAs<Scorecard>().Kpis);
    }
}

public sealed class ScorecardKpiType : ObjectTypeDefinition<ScorecardKpi>
{
    protected override void Configure(IObjectTypeDescriptor<ScorecardKpi> d)
    {
        d.Name("ScorecardKpi").Description("One KPI line of a scorecard.");
        d.Field("kpi").Type("Kpi!").Resolve(ctx => ctx.ParentAs<ScorecardKpi>().Kpi);
        PointFields.Add(d, ctx => ctx.ParentAs<ScorecardKpi>().Current);
        d.Field("effectiveWeight").Type("Float!").Description("Weight in the unit's score (×2 when shared).")
            .Resolve(ctx => ctx.ParentAs<ScorecardKpi>().EffectiveWeight);
        d.Field("trend").Type("[KpiPoint!]!").Description($"The {ScorecardService.TrendLength} periods ending with this one, oldest first.")
            .Resolve(ctx => ctx.ParentAs<ScorecardKpi>().Trend);
        d.Field("children").Type("[ScorecardKpi!]!").Description("Cascade children at units below (inside the caller's scope); nest to go further down: the scorecard reads as many levels as the query nests, in one round trip.")
            .Resolve(async ctx => (await ScorecardLoader.ExpandedAsync(ctx, ctx.ParentAs<ScorecardKpi>())).Children);
        d.Field("drivers").Type("[ScorecardKpi!]!").Description("Process KPIs of this unit that drive this outcome KPI.")
            .Resolve(async ctx => (await ScorecardLoader.ExpandedAsync(ctx, ctx.ParentAs<ScorecardKpi>())).Drivers);
        d.Field("reconciliation").Type("TargetReconciliation")
            .Description("Do the children's targets, at last period's volumes, add up to this KPI's target? Null without same-metric children or for medians.")
            .Resolve(async ctx => (await ScorecardLoader.ExpandedAsync(ctx, ctx.ParentAs<ScorecardKpi>())).Reconciliation);
        d.Field("latestCheckin").Type("KpiCheckin").Resolve(ctx => ctx.ParentAs<ScorecardKpi>().LatestCheckin);
    }
}

public sealed class KpiPointType : ObjectTypeDefinition<KpiPeriodValue>
{
    protected override void Configure(IObjectTypeDescriptor<KpiPeriodValue> d)
    {
        d.Name("KpiPoint").Description("A KPI in one period.");
        PointFields.Add(d, ctx => ctx.ParentAs<KpiPeriodValue>());
    }
}

/// <summary>The period fields shared by a scorecard line and its trend points.</summary>
internal static class PointFields
{
    public static void Add<T>(IObjectTypeDescriptor<T> d, Func<CxDashboard.GraphQL.Execution.IResolveContext, KpiPeriodValue> value)
    {
        d.Field("period").Type("String!").Resolve(ctx => value(ctx).Period.ToString());
        d.Field("periodStart").Type("Date!").Resolve(ctx => value(ctx).Period.First);
        d.Field("actual").Type("Float").Description("From the rollup cells, in the metric's unit; null without data.").Resolve(ctx => value(ctx).Actual);
        d.Field("n").Type("Int!").Resolve(ctx => (int)Math.Min(int.MaxValue, value(ctx).N));
        d.Field("target").Type("Float").Resolve(ctx => value(ctx).Target);
        d.Field("attainment").Type("Float")
            .Description("Actual as a percentage of target in the metric's direction (100 = on target; NPS shifted onto 0–200 first).")
            .Resolve(ctx => value(ctx).Attainment);
        d.Field("gap").Type("Float").Description("Actual − target, positive when better than target.").Resolve(ctx => value(ctx).Gap);
        d.Field("status").Type("KpiStatus!").Resolve(ctx => value(ctx).Status);
        d.Field("lowConfidence").Type("Boolean!").Description("n below the configured minimum (Scorecards:MinN, default 30).")
            .Resolve(ctx => value(ctx).LowConfidence);
        d.Field("suppressed").Type("Boolean!").Description("Hidden below the privacy floor for partner and embedded callers; n stays visible.")
            .Resolve(ctx => value(ctx).Suppressed);
    }
}

public sealed class TargetReconciliationType : ObjectTypeDefinition<TargetReconciliation>
{
    protected override void Configure(IObjectTypeDescriptor<TargetReconciliation> d)
    {
        d.Name("TargetReconciliation").Description(
            "For ratio metrics the parent value is the volume-weighted combination of its children: implied parent target = Σ nᵢ·targetᵢ / Σ nᵢ with nᵢ the children's volumes in the previous period.");
        d.Field("volumeBasis").Type("String!").Description("The period whose volumes weigh the children.").Resolve(ctx => ctx.ParentAs<TargetReconciliation>().VolumeBasis.ToString());
        d.Field("parentTarget").Type("Float").Resolve(ctx => ctx.ParentAs<TargetReconciliation>().ParentTarget);
        d.Field("impliedParentTarget").Type("Float").Resolve(ctx => ctx.ParentAs<TargetReconciliation>().ImpliedParentTarget);
        d.Field("gap").Type("Float").Description("Implied − parent target, positive when the children's targets more than cover it.")
            .Resolve(ctx => ctx.ParentAs<TargetReconciliation>().Gap);
        d.Field("addsUp").Type("Boolean").Resolve(ctx => ctx.ParentAs<TargetReconciliation>().AddsUp);
        d.Field("parentVolume").Type("Int!").Resolve(ctx => (int)ctx.ParentAs<TargetReconciliation>().ParentVolume);
        d.Field("childrenVolume").Type("Int!").Resolve(ctx => (int)ctx.ParentAs<TargetReconciliation>().ChildrenVolume);
        d.Field("coverage").Type("Float").Description("Share of the parent's volume that the children with KPIs carry.")
            .Resolve(ctx => ctx.ParentAs<TargetReconciliation>().Coverage);
        d.Field("childrenWithoutTarget").Type("Int!").Resolve(ctx => ctx.ParentAs<TargetReconciliation>().ChildrenWithoutTarget);
        d.Field("children").Type("[ReconciliationChild!]!").Description("Children inside the caller's scope (all of them count in the figures above).")
            .Resolve(ctx => ctx.ParentAs<TargetReconciliation>().Children);
    }
}

public sealed class ReconciliationChildType : ObjectTypeDefinition<ReconciliationChild>
{
    protected override void Configure(IObjectTypeDescriptor<ReconciliationChild> d)
    {
        d.Name("ReconciliationChild");
        d.Field("kpiId").Type("ID!").Resolve(ctx => KpiType.Id(ctx.ParentAs<ReconciliationChild>().KpiId));
        d.Field("unitId").Type("ID!").Resolve(ctx => KpiType.Id(ctx.ParentAs<ReconciliationChild>().UnitId));
        d.Field("unitCode").Type("String!").Resolve(ctx => ctx.ParentAs<ReconciliationChild>().UnitCode);
        d.Field("unitName").Type("String!").Resolve(ctx => ctx.ParentAs<ReconciliationChild>().UnitName);
        d.Field("target").Type("Float").Resolve(ctx => ctx.ParentAs<ReconciliationChild>().Target);
        d.Field("expectedVolume").Type("Int!").Resolve(ctx => (int)ctx.ParentAs<ReconciliationChild>().ExpectedVolume);
        d.Field("volumeShare").Type("Float").Resolve(ctx => ctx.ParentAs<ReconciliationChild>().VolumeShare);
    }
}
