using CxDashboard.Api.Cascade;
using CxDashboard.Core.Drivers;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Drivers;

public sealed class DriverAnalysisType : ObjectTypeDefinition<DriverAnalysis>
{
    protected override void Configure(IObjectTypeDescriptor<DriverAnalysis> d)
    {
        d.Name("DriverAnalysis").Description("How CSAT and NPS differ when a process condition holds, over responses linked to their interactions (the unit and everything under it).");
        d.Field("unitId").Type("ID!").Resolve(ctx => KpiType.Id(ctx.ParentAs<DriverAnalysis>().UnitId));
        d.Field("period").Type("String!").Resolve(ctx => ctx.ParentAs<DriverAnalysis>().Period.ToString());
        d.Field("linkedResponses").Type("Int!").Resolve(ctx => (int)ctx.ParentAs<DriverAnalysis>().LinkedResponses);
        d.Field("drivers").Type("[Driver!]!").Resolve(ctx => ctx.ParentAs<DriverAnalysis>().Drivers);
    }
}

public sealed class DriverType : ObjectTypeDefinition<DriverResult>
{
    protected override void Configure(IObjectTypeDescriptor<DriverResult> d)
    {
        d.Name("Driver").Description("One process condition and its effect on each outcome.");
        d.Field("condition").Type("DriverCondition!").Resolve(ctx => ctx.ParentAs<DriverResult>().Condition);
        d.Field("processMetric").Type("String!").Description("The process metric whose rate is the share of contacts with the condition.")
            .Resolve(ctx => ctx.ParentAs<DriverResult>().ProcessMetric);
        d.Field("processKpiId").Type("ID").Description("The unit's KPI on that metric, whose target drives the what-if.")
            .Resolve(ctx => ctx.ParentAs<DriverResult>().ProcessKpiId is { } id ? KpiType.Id(id) : null);
        d.Field("processTarget").Type("Float").Resolve(ctx => ctx.ParentAs<DriverResult>().ProcessTarget);
        d.Field("csat").Type("OutcomeSplit!").Description("CSAT % (top-2 box).").Resolve(ctx => ctx.ParentAs<DriverResult>().Csat);
        d.Field("nps").Type("OutcomeSplit!").Resolve(ctx => ctx.ParentAs<DriverResult>().Nps);
    }
}

public sealed class OutcomeSplitType : ObjectTypeDefinition<OutcomeSplit>
{
    protected override void Configure(IObjectTypeDescriptor<OutcomeSplit> d)
    {
        d.Name("OutcomeSplit").Description(
            "An outcome with and without the condition. gap = with − without; its 95% interval uses adjusted counts (Agresti–Caffo for CSAT, adjusted Wald per group for NPS). " +
            "estimatedChange = gap × (target share − current share): the outcome change if the process KPI met its target.");
        d.Field("nWith").Type("Int!").Resolve(ctx => (int)ctx.ParentAs<OutcomeSplit>().NWith);
        d.Field("valueWith").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().ValueWith);
        d.Field("nWithout").Type("Int!").Resolve(ctx => (int)ctx.ParentAs<OutcomeSplit>().NWithout);
        d.Field("valueWithout").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().ValueWithout);
        d.Field("gap").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().Gap);
        d.Field("gapLow").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().GapLow);
        d.Field("gapHigh").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().GapHigh);
        d.Field("significant").Type("Boolean").Description("The interval excludes zero.").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().Significant);
        d.Field("shareWith").Type("Float").Description("Share (0–1) of the responses with the condition: the volume affected.")
            .Resolve(ctx => ctx.ParentAs<OutcomeSplit>().ShareWith);
        d.Field("targetShare").Type("Float").Description("The process KPI's target as a share (0–1).").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().TargetShare);
        d.Field("estimatedChange").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().EstimatedChange);
        d.Field("estimatedChangeLow").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().EstimatedChangeLow);
        d.Field("estimatedChangeHigh").Type("Float").Resolve(ctx => ctx.ParentAs<OutcomeSplit>().EstimatedChangeHigh);
    }
}
