using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A department head's periodic note against a KPI (value, status, note).</summary>
public sealed class KpiCheckin
{
    public long Id { get; set; }
    public long KpiId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public decimal? Value { get; set; }
    public required string Status { get; set; }
    public string? Note { get; set; }
    public required string Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
