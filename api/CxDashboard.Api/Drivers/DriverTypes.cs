using CxDashboard.Api.Cascade;
using CxDashboard.Core.Drivers;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Drivers;

public sealed class DriverAnalysisType : ObjectTypeDefinition<DriverAnalysis>
{
    protected override void Configure(IObjectTypeDescriptor<DriverAnalysis> d)
    {
        d.Name("DriverAnalysis").Description("How CSAT and NPS differ when a process condition holds, over responses linked to their interactions (the unit and everything under it).");
        d.Field("unitId").Type("ID!").ResolveFromParent<DriverAnalysis>(p => KpiType.Id(p.UnitId));
        d.Field("period").Type("String!").ResolveFromParent<DriverAnalysis>(p => p.Period.ToString());
        d.Field("linkedResponses").Type("Int!").ResolveFromParent<DriverAnalysis>(p => (int)p.LinkedResponses);
        d.Field("drivers").Type("[Driver!]!").ResolveFromParent<DriverAnalysis>(p => p.Drivers);
    }
}

public sealed class DriverType : ObjectTypeDefinition<DriverResult>
{
    protected override void Configure(IObjectTypeDescriptor<DriverResult> d)
    {
        d.Name("Driver").Description("One process condition and its effect on each outcome.");
        d.Field("condition").Type("DriverCondition!").ResolveFromParent<DriverResult>(p => p.Condition);
        d.Field("processMetric").Type("String!").Description("The process metric whose rate is the share of contacts with the condition.")
            .ResolveFromParent<DriverResult>(p => p.ProcessMetric);
        d.Field("processKpiId").Type("ID").Description("The unit's KPI on that metric, whose target drives the what-if.")
            .ResolveFromParent<DriverResult>(p => p.ProcessKpiId is { } id ? KpiType.Id(id) : null);
        d.Field("processTarget").Type("Float").ResolveFromParent<DriverResult>(p => p.ProcessTarget);
        d.Field("csat").Type("OutcomeSplit!").Description("CSAT % (top-2 box).").ResolveFromParent<DriverResult>(p => p.Csat);
        d.Field("nps").Type("OutcomeSplit!").ResolveFromParent<DriverResult>(p => p.Nps);
    }
}

public sealed class OutcomeSplitType : ObjectTypeDefinition<OutcomeSplit>
{
    protected override void Configure(IObjectTypeDescriptor<OutcomeSplit> d)
    {
        d.Name("OutcomeSplit").Description(
            "An outcome with and without the condition. gap = with − without; its 95% interval uses adjusted counts (Agresti–Caffo for CSAT, adjusted Wald per group for NPS). " +
            "estimatedChange = gap × (target share − current share): the outcome change if the process KPI met its target.");
        d.Field("nWith").Type("Int!").ResolveFromParent<OutcomeSplit>(p => (int)p.NWith);
        d.Field("valueWith").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.ValueWith);
        d.Field("nWithout").Type("Int!").ResolveFromParent<OutcomeSplit>(p => (int)p.NWithout);
        d.Field("valueWithout").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.ValueWithout);
        d.Field("gap").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.Gap);
        d.Field("gapLow").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.GapLow);
        d.Field("gapHigh").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.GapHigh);
        d.Field("significant").Type("Boolean").Description("The interval excludes zero.").ResolveFromParent<OutcomeSplit>(p => p.Significant);
        d.Field("shareWith").Type("Float").Description("Share (0–1) of the responses with the condition: the volume affected.")
            .ResolveFromParent<OutcomeSplit>(p => p.ShareWith);
        d.Field("targetShare").Type("Float").Description("The process KPI's target as a share (0–1).").ResolveFromParent<OutcomeSplit>(p => p.TargetShare);
        d.Field("estimatedChange").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.EstimatedChange);
        d.Field("estimatedChangeLow").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.EstimatedChangeLow);
        d.Field("estimatedChangeHigh").Type("Float").ResolveFromParent<OutcomeSplit>(p => p.EstimatedChangeHigh);
        d.Field("suppressed").Type("Boolean!")
            .Description("Under the privacy floor: a group the split is made of (a unit's responses in a month, with or without the condition) is below the floor, so values, gap and estimate are null; the n stay.")
            .ResolveFromParent<OutcomeSplit>(p => p.Suppressed);
    }
}
