namespace CxDashboard.Core.Jobs;

/// <summary>What one background run did; never deleted by the run itself, so failures stay visible.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public string? Scope { get; set; }
    public string? Node { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long? RowsRead { get; set; }
    public long? CellsWritten { get; set; }
    public DateTimeOffset? Watermark { get; set; }
    /// <summary><c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Outcome { get; set; }
    public string? Error { get; set; }
    /// <summary>How far the run got (steps, rows, cells); null for runs that report none.</summary>
    public JobRunProgress? Progress { get; set; }
}
