using System.Text.Json;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A unit's KPI on a metric (optionally a slice), linked to its parent KPI by a cascade edge.</summary>
public sealed class Kpi
{
    public long Id { get; set; }
    public long OrgUnitId { get; set; }
    public required string MetricCode { get; set; }
    public string? SliceDimension { get; set; }
    public string? SliceValue { get; set; }
    public long? ParentKpiId { get; set; }
    public decimal Weight { get; set; } = 1m;
    public bool IsShared { get; set; }
    public string? Owner { get; set; }
    public JsonDocument? StatusRule { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
