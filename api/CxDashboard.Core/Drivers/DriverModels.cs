using CxDashboard.Core.Scorecards;

namespace CxDashboard.Core.Drivers;

/// <summary>A process condition of an interaction whose effect on the outcome the driver analysis measures.</summary>
public enum DriverCondition
{
    /// <summary>Resolved at first contact (interaction flag); drives the <c>fcr</c> KPI.</summary>
    ResolvedFirstContact,

    /// <summary>First response within the SLA target (no response = not within); drives <c>sla</c>.</summary>
    WithinSla,

    /// <summary>Passed on at least once; drives <c>transfer_rate</c>.</summary>
    Transferred,

    /// <summary>Continued in another channel; drives <c>channel_switch</c>.</summary>
    SwitchedChannel,

    /// <summary>Low effort: the response agrees it was easy (CES 5–7 on 1–7); drives <c>ces_agree</c>.</summary>
    LowEffort,
}

/// <summary>
/// An outcome split by one condition: value with and without it, the gap (with − without) and its
/// 95% interval, the share of responses with the condition, and what the outcome would do if that
/// share moved to the process KPI's target: gap × (target share − current share).
/// </summary>
public sealed record OutcomeSplit(
    long NWith, double? ValueWith, long NWithout, double? ValueWithout,
    double? Gap, double? GapLow, double? GapHigh, bool? Significant,
    double? ShareWith, double? TargetShare, double? EstimatedChange, double? EstimatedChangeLow, double? EstimatedChangeHigh)
{
    /// <summary>Hidden under the privacy floor: a group it is made of is below the floor (n stay visible).</summary>
    public bool Suppressed { get; init; }
}

public sealed record DriverResult(DriverCondition Condition, string ProcessMetric, long? ProcessKpiId, double? ProcessTarget, OutcomeSplit Csat, OutcomeSplit Nps);

/// <summary>The driver analysis of a unit (with its subtree) for a period, over responses linked to an interaction.</summary>
public sealed record DriverAnalysis(long UnitId, Period Period, long LinkedResponses, IReadOnlyList<DriverResult> Drivers);
