namespace CxDashboard.Core.Jobs;

/// <summary>
/// How far a run is, written by the run as it advances: steps done of the total, the step under way, and the fact rows
/// read and cells written so far. Its own row, beside job_run: a rollup run updates job_run inside its REPEATABLE READ
/// transaction at the end, and a row changed meanwhile by another transaction would fail that update (40001).
/// </summary>
public sealed class JobRunProgress
{
    public long JobRunId { get; set; }
    public required string Step { get; set; }
    public int StepsDone { get; set; }
    public int StepsTotal { get; set; }
    public long RowsRead { get; set; }
    public long CellsWritten { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
