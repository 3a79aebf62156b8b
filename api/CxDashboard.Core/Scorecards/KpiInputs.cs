using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A new KPI: the unit and metric (optionally one slice of it), its cascade parent, weight and status rule.</summary>
public sealed record KpiCreateInput(
    long UnitId, string Metric, string? SliceDimension = null, string? SliceValue = null, long? ParentKpiId = null,
    decimal Weight = 1m, bool IsShared = false, string? Owner = null, IReadOnlyList<StatusCondition>? StatusRule = null);

/// <summary>Changes to a KPI; null leaves a field as it is. Unit, metric and slice are fixed once targets refer to them.</summary>
public sealed record KpiUpdateInput(
    long KpiId, decimal? Weight = null, bool? IsShared = null, string? Owner = null, long? ParentKpiId = null, bool ClearParent = false);

/// <summary>
/// A KPI with its status rule and targets, saved as one (<see cref="KpiAdminService.SaveAsync"/>). Without
/// <see cref="KpiId"/> a KPI is created (<see cref="UnitId"/> and <see cref="Metric"/> required, slice optional);
/// with it, unit, metric and slice are fixed and null leaves a field as it is. <see cref="StatusRule"/> replaces the
/// rule, <see cref="DefaultStatusRule"/> restores the default; <see cref="Targets"/> are upserted at
/// <see cref="TargetGrain"/> (a null value removes one).
/// </summary>
public sealed record KpiSaveInput(
    long? KpiId, long? UnitId = null, string? Metric = null, string? SliceDimension = null, string? SliceValue = null,
    decimal? Weight = null, bool? IsShared = null, string? Owner = null, long? ParentKpiId = null, bool ClearParent = false,
    IReadOnlyList<StatusCondition>? StatusRule = null, bool DefaultStatusRule = false,
    string TargetGrain = "month", IReadOnlyList<KpiTargetValue>? Targets = null);

/// <summary>Per-period targets at one grain, written as a set (existing periods are replaced).</summary>
public sealed record KpiTargetsInput(long KpiId, string Grain, IReadOnlyList<KpiTargetValue> Targets);

/// <summary>One target; a null value removes the period's target.</summary>
public sealed record KpiTargetValue(DateOnly PeriodStart, decimal? Value);

public sealed record KpiCheckinInput(long KpiId, DateOnly PeriodStart, KpiStatus Status, decimal? Value = null, string? Note = null);
