using CxDashboard.Api.Values;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Scorecards;

public sealed class StatusConditionArgs
{
    public KpiStatus Status { get; set; }
    public StatusMeasure Measure { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }

    public StatusCondition ToCondition() => new(Status, Measure, Min, Max);
}

public sealed class CreateKpiArgs
{
    public string Unit { get; set; } = "";
    public string Metric { get; set; } = "";
    public SliceDimension? SliceDimension { get; set; }
    public string? SliceValue { get; set; }
    public string? Parent { get; set; }
    public double Weight { get; set; } = 1;
    public bool Shared { get; set; }
    public string? Owner { get; set; }
    public List<StatusConditionArgs>? StatusRule { get; set; }
}

public sealed class UpdateKpiArgs
{
    public string Id { get; set; } = "";
    public double? Weight { get; set; }
    public bool? Shared { get; set; }
    public string? Owner { get; set; }
    public string? Parent { get; set; }
    public bool ClearParent { get; set; }
}

public sealed class SaveKpiArgs
{
    public string? Id { get; set; }
    public string? Unit { get; set; }
    public string? Metric { get; set; }
    public SliceDimension? SliceDimension { get; set; }
    public string? SliceValue { get; set; }
    public double? Weight { get; set; }
    public bool? Shared { get; set; }
    public string? Owner { get; set; }
    public string? Parent { get; set; }
    public bool ClearParent { get; set; }
    public List<StatusConditionArgs>? StatusRule { get; set; }
    public bool DefaultStatusRule { get; set; }
    public TargetGrain TargetGrain { get; set; } = TargetGrain.Month;
    public List<TargetArgs> Targets { get; set; } = [];
}

public sealed class TargetArgs
{
    public DateOnly PeriodStart { get; set; }
    public double? Target { get; set; }
}

public sealed class SetTargetsArgs
{
    public string Kpi { get; set; } = "";
    public TargetGrain Grain { get; set; } = TargetGrain.Month;
    public List<TargetArgs> Targets { get; set; } = [];
}

public sealed class CheckinArgs
{
    public string Kpi { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public KpiStatus Status { get; set; }
    public double? Value { get; set; }
    public string? Note { get; set; }
}

public sealed class StatusConditionInputType : InputObjectTypeDefinition<StatusConditionArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<StatusConditionArgs> d)
    {
        d.Name("StatusConditionInput").Description("One line of an ordered status rule: gives its status when min ≤ measure ≤ max.");
        d.Field("status").Type("KpiStatus!").Description("The status the condition gives.");
        d.Field("measure").Type("StatusMeasure!").Description("PERCENT_OF_TARGET (100 = on target), GAP_TO_TARGET (positive = better), ACTUAL or ALWAYS.");
        d.Field("min").Type("Float").Description("Lower bound, inclusive; absent is open.");
        d.Field("max").Type("Float").Description("Upper bound, inclusive; absent is open.");
    }
}

public sealed class CreateKpiInputType : InputObjectTypeDefinition<CreateKpiArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<CreateKpiArgs> d)
    {
        d.Name("CreateKpiInput").Description("A new KPI: a unit's metric, optionally one slice of it, and its place in the cascade.");
        d.Field("unit").Type("ID!").Description("The unit that owns the KPI (inside the caller's scope).");
        d.Field("metric").Type("String!").Description("Metric code, e.g. nps, csat, fcr.");
        d.Field("sliceDimension").Type("SliceDimension").Description("Track one slice of the metric: its dimension (with sliceValue).");
        d.Field("sliceValue").Type("String").Description("The slice's value, e.g. phone (with sliceDimension).");
        d.Field("parent").Type("ID").Description("Parent KPI: the same metric at a unit above, or (for a process KPI) the outcome KPI of this unit it drives.");
        d.Field("weight").Type("Float!").DefaultValue(1.0).Description("Weight in the unit's score.");
        d.Field("shared").Type("Boolean!").DefaultValue(false).Description("Shared KPIs weigh double in a unit's score.");
        d.Field("owner").Type("String").Description("Who answers for the KPI.");
        d.Field("statusRule").Type("[StatusConditionInput!]").Description("Absent: on track from 100% of target, at risk from 95%, else off track.");
    }
}

public sealed class UpdateKpiInputType : InputObjectTypeDefinition<UpdateKpiArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<UpdateKpiArgs> d)
    {
        d.Name("UpdateKpiInput").Description("Absent fields stay as they are; unit, metric and slice are fixed.");
        d.Field("id").Type("ID!").Description("The KPI to change.");
        d.Field("weight").Type("Float").Description("New weight.");
        d.Field("shared").Type("Boolean").Description("New shared flag.");
        d.Field("owner").Type("String").Description("New owner.");
        d.Field("parent").Type("ID").Description("New parent KPI (same rules as on creation).");
        d.Field("clearParent").Type("Boolean!").DefaultValue(false).Description("Removes the parent KPI (the KPI becomes a cascade top).");
    }
}

public sealed class SaveKpiInputType : InputObjectTypeDefinition<SaveKpiArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<SaveKpiArgs> d)
    {
        d.Name("SaveKpiInput").Description(
            "A KPI with its status rule and targets, saved in one transaction after everything is checked: any refused field or target saves nothing.");
        d.Field("id").Type("ID").Description("The KPI to change; absent creates one (then unit and metric are required).");
        d.Field("unit").Type("ID").Description("A new KPI's unit (inside the caller's scope); fixed once created.");
        d.Field("metric").Type("String").Description("A new KPI's metric code, e.g. nps; fixed once created.");
        d.Field("sliceDimension").Type("SliceDimension").Description("A new KPI's slice dimension (with sliceValue); fixed once created.");
        d.Field("sliceValue").Type("String").Description("A new KPI's slice value, e.g. phone; fixed once created.");
        d.Field("weight").Type("Float").Description("Weight in the unit's score (a new KPI: 1 when absent).");
        d.Field("shared").Type("Boolean").Description("Shared KPIs weigh double in a unit's score.");
        d.Field("owner").Type("String").Description("Who answers for the KPI.");
        d.Field("parent").Type("ID").Description("Parent KPI: the same metric at a unit above, or (for a process KPI) the outcome KPI of this unit it drives.");
        d.Field("clearParent").Type("Boolean!").DefaultValue(false).Description("Removes the parent KPI.");
        d.Field("statusRule").Type("[StatusConditionInput!]").Description("Replaces the ordered status rule (first match wins); absent leaves it.");
        d.Field("defaultStatusRule").Type("Boolean!").DefaultValue(false).Description("Restores the default rule: on track from 100% of target, at risk from 95%, else off track.");
        d.Field("targetGrain").Type("TargetGrain!").DefaultValue(TargetGrain.Month).Description("The grain of every target given.");
        d.Field("targets").Type("[KpiTargetInput!]!").DefaultValue(new List<TargetArgs>()).Description("Targets to set (a null target removes the period's); other periods stay as they are.");
    }
}

public sealed class TargetInputType : InputObjectTypeDefinition<TargetArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<TargetArgs> d)
    {
        d.Name("KpiTargetInput").Description("A target for the period starting on periodStart; null removes it.");
        d.Field("periodStart").Type("Date!").Description("The period's first day (the first of a month, quarter or year).");
        d.Field("target").Type("Float").Description("The target in the metric's unit; null removes the period's target.");
    }
}

public sealed class SetTargetsInputType : InputObjectTypeDefinition<SetTargetsArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<SetTargetsArgs> d)
    {
        d.Name("SetKpiTargetsInput").Description("All or nothing: one bad target refuses the whole call.");
        d.Field("kpi").Type("ID!").Description("The KPI whose targets are set.");
        d.Field("grain").Type("TargetGrain!").DefaultValue(TargetGrain.Month).Description("The grain of every target given.");
        d.Field("targets").Type("[KpiTargetInput!]!").Description("The periods to set (others stay as they are).");
    }
}

public sealed class CheckinInputType : InputObjectTypeDefinition<CheckinArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<CheckinArgs> d)
    {
        d.Name("KpiCheckinInput").Description("A check-in against a KPI for one month.");
        d.Field("kpi").Type("ID!").Description("The KPI the check-in is about.");
        d.Field("periodStart").Type("Date!").Description("First day of the month the check-in is about.");
        d.Field("status").Type("KpiStatus!").Description("The status the author gives.");
        d.Field("value").Type("Float").Description("A value to report, in the metric's unit.");
        d.Field("note").Type("String").Description("A note.");
    }
}
