namespace CxDashboard.Core.Rollups;

/// <summary>What a rollup run did (also written to job_run).</summary>
public sealed record RollupRun(long JobRunId, string Mode, long RowsRead, long CellsWritten, int DaysRecomputed, TimeSpan Duration, DateTimeOffset Watermark);

/// <summary>How job_run marks a run whose node stopped before it finished (it is not a failure of the job).</summary>
public static class RollupAbandoned
{
    public const string Prefix = "abandoned:";
}
