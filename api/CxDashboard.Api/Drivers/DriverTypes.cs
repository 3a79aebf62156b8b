using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Scorecards;
using CxDashboard.Api.Values;
using CxDashboard.Core.Drivers;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Drivers;

public sealed class DriverAnalysisType : ObjectTypeDefinition<DriverAnalysis>
{
    protected override void Configure(IObjectTypeDescriptor<DriverAnalysis> d)
    {
        d.Name("DriverAnalysis").Description("How CSAT and NPS differ when a process condition holds, over responses linked to their interactions (the unit and everything under it).");
        d.Field("unit").Type("OrgUnit!").Description("The unit analysed (with everything under it).").Resolve(async ctx => await ctx.UnitAsync(ctx.ParentAs<DriverAnalysis>().UnitId));
        d.Field("period").Type("String!").Description("The period analysed.").ResolveFromParent<DriverAnalysis>(p => p.Period.ToString());
        d.Field(p => (int)p.LinkedResponses).Description("Survey responses linked to an interaction in the period (the analysis' sample).");
        d.Field(p => p.Drivers).Description("One entry per process condition.");
    }
}

public sealed class DriverType : ObjectTypeDefinition<DriverResult>
{
    protected override void Configure(IObjectTypeDescriptor<DriverResult> d)
    {
        d.Name("Driver").Description("One process condition and its effect on each outcome.");
        d.Field(p => p.Condition).Description("The process condition.");
        d.Field("processMetric").Type("Metric!").Description("The process metric whose rate is the share of contacts with the condition.")
            .Resolve(async ctx => await ctx.MetricAsync(ctx.ParentAs<DriverResult>().ProcessMetric));
        d.Field("processKpi").Type("Kpi").Description("The unit's KPI on that metric, whose target drives the what-if; null without one.")
            .Resolve(async ctx => ctx.ParentAs<DriverResult>().ProcessKpiId is { } id ? await ctx.KpiAsync(id) : null);
        d.Field(p => p.ProcessTarget).Description("That KPI's target for the period, in percent.");
        d.Field(p => p.Csat).Description("CSAT % (top-2 box).");
        d.Field(p => p.Nps).Description("NPS.");
    }
}

public sealed class OutcomeSplitType : ObjectTypeDefinition<OutcomeSplit>
{
    protected override void Configure(IObjectTypeDescriptor<OutcomeSplit> d)
    {
        d.Name("OutcomeSplit").Description(
            "An outcome with and without the condition. gap = with − without; its 95% interval uses adjusted counts (Agresti–Caffo for CSAT, adjusted Wald per group for NPS). " +
            "estimatedChange = gap × (target share − current share): the outcome change if the process KPI met its target.");
        d.Field(p => (int)p.NWith).Description("Responses with the condition.");
        d.Field(p => p.ValueWith).Description("The outcome over responses with the condition.");
        d.Field(p => (int)p.NWithout).Description("Responses without the condition.");
        d.Field(p => p.ValueWithout).Description("The outcome over responses without the condition.");
        d.Field(p => p.Gap).Description("valueWith − valueWithout.");
        d.Field(p => p.GapLow).Description("Lower end of the gap's 95% interval.");
        d.Field(p => p.GapHigh).Description("Upper end of the gap's 95% interval.");
        d.Field(p => p.Significant).Description("The interval excludes zero.");
        d.Field(p => p.ShareWith).Description("Share (0–1) of the responses with the condition: the volume affected.");
        d.Field(p => p.TargetShare).Description("The process KPI's target as a share (0–1).");
        d.Field(p => p.EstimatedChange).Description("gap × (target share − current share): the outcome change if the process KPI met its target.");
        d.Field(p => p.EstimatedChangeLow).Description("Lower end of the estimated change's 95% interval.");
        d.Field(p => p.EstimatedChangeHigh).Description("Upper end of the estimated change's 95% interval.");
        d.Field(p => p.Suppressed)
            .Description("Under the privacy floor: a group the split is made of (a unit's responses in a month, with or without the condition) is below the floor, so values, gap and estimate are null; the n stay.");
    }
}
