using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A KPI in one period: actual (with its n), target, attainment (% of target), gap and status.</summary>
public sealed record KpiPeriodValue(Period Period, double? Actual, long N, double? Target, double? Attainment, double? Gap, KpiStatus Status)
{
    /// <summary>n below the configured minimum (default 30).</summary>
    public bool LowConfidence { get; init; }

    /// <summary>Hidden for this caller (partner or embedded) below the privacy floor; n stays visible and the status is no data.</summary>
    public bool Suppressed { get; init; }
}

/// <summary>The latest check-in recorded against a KPI for a period.</summary>
public sealed record KpiCheckinView(long Id, long KpiId, DateOnly PeriodStart, decimal? Value, KpiStatus Status, string? Note, string Author, DateTimeOffset CreatedAt);

/// <summary>One KPI line of a scorecard.</summary>
public sealed class ScorecardKpi
{
    public required KpiDefinition Kpi { get; init; }

    public required KpiPeriodValue Current { get; init; }

    /// <summary>The <see cref="ScorecardService.TrendLength"/> periods ending with the scorecard's period, oldest first.</summary>
    public required IReadOnlyList<KpiPeriodValue> Trend { get; init; }

    /// <summary>The same KPI (same unit, metric and slice) in the period before, as the caller may see it.</summary>
    public required KpiPeriodValue Previous { get; init; }

    /// <summary>
    /// <see cref="Current"/> minus <see cref="Previous"/> with its significance test, on this line's own cells (so a sliced
    /// KPI compares its slice); null when either side has no value or is hidden from the caller.
    /// </summary>
    public ValueChange? Change { get; init; }

    /// <summary>Weight in the unit's score: the KPI's weight, multiplied for shared KPIs.</summary>
    public required double EffectiveWeight { get; init; }

    /// <summary>
    /// True for the lines of the units the scorecard was loaded for and of the cascade levels read with them: only
    /// they carry <see cref="Children"/>, <see cref="Drivers"/> and <see cref="Reconciliation"/>. The lines of the
    /// last level read have empty links (reading the whole cascade for every scorecard would read every unit's
    /// cells); the API reads as many levels as a query nests.
    /// </summary>
    public bool Expanded { get; init; }

    /// <summary>Cascade children at child units (same metric), only those inside the caller's scope.</summary>
    public List<ScorecardKpi> Children { get; } = [];

    /// <summary>Process KPIs of the same unit that drive this (outcome) KPI.</summary>
    public List<ScorecardKpi> Drivers { get; } = [];

    public TargetReconciliation? Reconciliation { get; set; }

    public KpiCheckinView? LatestCheckin { get; set; }
}

/// <summary>A unit's scorecard for a period: its KPIs (each outcome followed by its drivers) and weighted score.</summary>
public sealed record Scorecard(long UnitId, Period Period, IReadOnlyList<ScorecardKpi> Kpis, double? Score, double ScoredWeight, double TotalWeight);

/// <summary>
/// Do the children's targets, at expected volumes, add up to the parent's target (DESIGN §7)? The
/// implied parent figure is Σ(nᵢ·targetᵢ) / Σnᵢ with nᵢ each child's volume in <see cref="VolumeBasis"/>
/// (the previous period); the gap is implied − parent target, turned so that positive is better.
/// </summary>
public sealed record TargetReconciliation(
    Period VolumeBasis, double? ParentTarget, double? ImpliedParentTarget, double? Gap, bool? AddsUp,
    long ParentVolume, long ChildrenVolume, double? Coverage, int ChildrenWithoutTarget,
    IReadOnlyList<ReconciliationChild> Children);

public sealed record ReconciliationChild(long KpiId, long UnitId, string UnitCode, string UnitName, double? Target, long ExpectedVolume, double? VolumeShare);
