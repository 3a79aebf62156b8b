using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A KPI as the scorecard reads it: its definition joined with its unit and metric.</summary>
public sealed record KpiDefinition(
    long Id, long UnitId, string UnitCode, string UnitName,
    string MetricCode, string MetricName, string MetricKind, string MetricUnit, string Direction,
    string? SliceDimension, string? SliceValue, long? ParentKpiId,
    decimal Weight, bool IsShared, string? Owner, StatusRule Rule, DateTimeOffset CreatedAt)
{
    public bool IsOutcome => MetricKind == "outcome";

    /// <summary>The rollup-cell slice the actual is read from: (<c>all</c>, "") without a slice.</summary>
    public (string Dim, string Value) Cell => (SliceDimension ?? "all", SliceValue ?? "");
}
