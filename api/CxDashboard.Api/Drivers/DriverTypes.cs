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
        d.Field("linkedResponses").Type("Int!").Description("Survey responses linked to an interaction in the period (the analysis' sample).").ResolveFromParent<DriverAnalysis>(p => (int)p.LinkedResponses);
        d.Field("drivers").Type("[Driver!]!").Description("One entry per process condition.").ResolveFromParent<DriverAnalysis>(p => p.Drivers);
    }
}

public sealed class DriverType : ObjectTypeDefinition<DriverResult>
{
    protected override void Configure(IObjectTypeDescriptor<DriverResult> d)
    {
        d.Name("Driver").Description("One process condition and its effect on each outcome.");
        d.Field("condition").Type("DriverCondition!").Description("The process condition.").ResolveFromParent<DriverResult>(p => p.Condition);
        d.Field("processMetric").Type("Metric!").Description("The process metric whose rate is the share of contacts with the condition.")
            .Resolve(async ctx => await ctx.MetricAsync(ctx.ParentAs<DriverResult>().ProcessMetric));
        d.Field("processKpi").Type("Kpi").Description("The unit's KPI on that metric, whose target drives the what-if; null without one.")
            .Resolve(async ctx => ctx.ParentAs<DriverResult>().ProcessKpiId is { } id ? await ctx.KpiAsync(id) : null);
        d.Field("processTarget").Type("Float").Description("That KPI's target for the period, in percent.").ResolveFromParent<DriverResult>(p => p.ProcessTarget);
        d.Field("csat").Type("OutcomeSplit!").Description("CSAT % (top-2 box).").ResolveFromParent<DriverResult>(p => p.Csat);
        d.Field("nps").Type("OutcomeSplit!").Description("NPS.").ResolveFromParent<DriverResult>(p => p.Nps);
    }
}

public sealed class OutcomeSplitType : ObjectTypeDefinition<OutcomeSplit>
{
    protected override void Configure(IObjectTypeDescriptor<OutcomeSplit> d)
    {
        d.Name("OutcomeSplit").Description(
            "An outcome with and without the condition. gap = with − without; its 95% interval uses adjusted counts (Agresti–Caffo for CSAT, adjusted Wald per group for NPS). " +
            "estimatedChange = gap × (target share − current share): the outcome change if the process KPI met its target.");
        d.Field("nWith").Type("Int!").Description("Responses with the condition.").ResolveFromParent<OutcomeSplit>(p => (int)p.NWith);
        d.Field("valueWith").Type("Float").Description("The outcome over responses with the condition.").ResolveFromParent<OutcomeSplit>(p => p.ValueWith);
        d.Field("nWithout").Type("Int!").Description("Responses without the condition.").ResolveFromParent<OutcomeSplit>(p => (int)p.NWithout);
        d.Field("valueWithout").Type("Float").Description("The outcome over responses without the condition.").ResolveFromParent<OutcomeSplit>(p => p.ValueWithout);
        d.Field("gap").Type("Float").Description("valueWith − valueWithout.").ResolveFromParent<OutcomeSplit>(p => p.Gap);
        d.Field("gapLow").Type("Float").Description("Lower end of the gap's 95% interval.").ResolveFromParent<OutcomeSplit>(p => p.GapLow);
        d.Field("gapHigh").Type("Float").Description("Upper end of the gap's 95% interval.").ResolveFromParent<OutcomeSplit>(p => p.GapHigh);
        d.Field("significant").Type("Boolean").Description("The interval excludes zero.").ResolveFromParent<OutcomeSplit>(p => p.Significant);
        d.Field("shareWith").Type("Float").Description("Share (0–1) of the responses with the condition: the volume affected.")
            .ResolveFromParent<OutcomeSplit>(p => p.ShareWith);
        d.Field("targetShare").Type("Float").Description("The process KPI's target as a share (0–1).").ResolveFromParent<OutcomeSplit>(p => p.TargetShare);
        d.Field("estimatedChange").Type("Float").Description("gap × (target share − current share): the outcome change if the process KPI met its target.").ResolveFromParent<OutcomeSplit>(p => p.EstimatedChange);
        d.Field("estimatedChangeLow").Type("Float").Description("Lower end of the estimated change's 95% interval.").ResolveFromParent<OutcomeSplit>(p => p.EstimatedChangeLow);
        d.Field("estimatedChangeHigh").Type("Float").Description("Upper end of the estimated change's 95% interval.").ResolveFromParent<OutcomeSplit>(p => p.EstimatedChangeHigh);
        d.Field("suppressed").Type("Boolean!")
            .Description("Under the privacy floor: a group the split is made of (a unit's responses in a month, with or without the condition) is below the floor, so values, gap and estimate are null; the n stay.")
            .ResolveFromParent<OutcomeSplit>(p => p.Suppressed);
    }
}
