using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

public sealed class KpiTarget
{
    public long KpiId { get; set; }
    /// <summary><c>month</c>, <c>quarter</c> or <c>year</c>.</summary>
    public required string Grain { get; set; }
    public DateOnly PeriodStart { get; set; }
    public decimal Target { get; set; }
}
