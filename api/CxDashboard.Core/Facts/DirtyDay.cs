namespace CxDashboard.Core.Facts;

/// <summary>A (unit, day) whose raw facts changed since the last rollup; consumed by the incremental refresh.</summary>
public sealed class DirtyDay
{
    public long OrgUnitId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary><c>response</c> or <c>interaction</c>.</summary>
    public required string Fact { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}
