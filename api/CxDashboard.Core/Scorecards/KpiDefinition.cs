using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A KPI as the scorecard reads it: its definition with its unit and its metric, read in the same row.</summary>
public sealed record KpiDefinition(
    long Id, OrgNode Unit, Metric Metric,
    string? SliceDimension, string? SliceValue, long? ParentKpiId,
    decimal Weight, bool IsShared, string? Owner, StatusRule Rule, DateTimeOffset CreatedAt)
{
    public long UnitId => Unit.Id;
    public string UnitCode => Unit.Code;
    public string UnitName => Unit.Name;
    public string MetricCode => Metric.Code;
    public string MetricName => Metric.Name;
    public string MetricKind => Metric.Kind;
    public string MetricUnit => Metric.Unit;
    public string Direction => Metric.Direction;

    public bool IsOutcome => MetricKind == "outcome";

    /// <summary>The rollup-cell slice the actual is read from: (<c>all</c>, "") without a slice.</summary>
    public (string Dim, string Value) Cell => (SliceDimension ?? "all", SliceValue ?? "");
}
