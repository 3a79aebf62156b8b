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
    public string? SliceDimension { get; set; }
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

public sealed class TargetArgs
{
    public DateOnly PeriodStart { get; set; }
    public double? Target { get; set; }
}

public sealed class SetTargetsArgs
{
    public string Kpi { get; set; } = "";
    public string Grain { get; set; } = "month";
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
        d.Field("status").Type("KpiStatus!");
        d.Field("measure").Type("StatusMeasure!").Description("PERCENT_OF_TARGET (100 = on target), GAP_TO_TARGET (positive = better), ACTUAL or ALWAYS.");
        d.Field("min").Type("Float");
        d.Field("max").Type("Float");
    }
}

public sealed class CreateKpiInputType : InputObjectTypeDefinition<CreateKpiArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<CreateKpiArgs> d)
    {
        d.Name("CreateKpiInput");
        d.Field("unit").Type("ID!");
        d.Field("metric").Type("String!").Description("Metric code, e.g. nps, csat, fcr.");
        d.Field("sliceDimension").Type("String").Description("channel, journey_stage or segment (with sliceValue).");
        d.Field("sliceValue").Type("String");
        d.Field("parent").Type("ID").Description("Parent KPI: the same metric at a unit above, or (for a process KPI) the outcome KPI of this unit it drives.");
        d.Field("weight").Type("Float!").DefaultValue(1.0);
        d.Field("shared").Type("Boolean!").DefaultValue(false);
        d.Field("owner").Type("String");
        d.Field("statusRule").Type("[StatusConditionInput!]").Description("Absent: on track from 100% of target, at risk from 95%, else off track.");
    }
}

public sealed class UpdateKpiInputType : InputObjectTypeDefinition<UpdateKpiArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<UpdateKpiArgs> d)
    {
        d.Name("UpdateKpiInput").Description("Absent fields stay as they are; unit, metric and slice are fixed.");
        d.Field("id").Type("ID!");
        d.Field("weight").Type("Float");
        d.Field("shared").Type("Boolean");
        d.Field("owner").Type("String");
        d.Field("parent").Type("ID");
        d.Field("clearParent").Type("Boolean!").DefaultValue(false);
    }
}

public sealed class TargetInputType : InputObjectTypeDefinition<TargetArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<TargetArgs> d)
    {
        d.Name("KpiTargetInput").Description("A target for the period starting on periodStart; null removes it.");
        d.Field("periodStart").Type("Date!");
        d.Field("target").Type("Float");
    }
}

public sealed class SetTargetsInputType : InputObjectTypeDefinition<SetTargetsArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<SetTargetsArgs> d)
    {
        d.Name("SetKpiTargetsInput").Description("All or nothing: one bad target refuses the whole call.");
        d.Field("kpi").Type("ID!");
        d.Field("grain").Type("String!").DefaultValue("month").Description("month, quarter or year.");
        d.Field("targets").Type("[KpiTargetInput!]!");
    }
}

public sealed class CheckinInputType : InputObjectTypeDefinition<CheckinArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<CheckinArgs> d)
    {
        d.Name("KpiCheckinInput");
        d.Field("kpi").Type("ID!");
        d.Field("periodStart").Type("Date!").Description("First day of the month the check-in is about.");
        d.Field("status").Type("KpiStatus!");
        d.Field("value").Type("Float");
        d.Field("note").Type("String");
    }
}
