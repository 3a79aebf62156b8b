namespace CxDashboard.Core.Rollups;

/// <summary>What a rollup run did (also written to job_run).</summary>
public sealed record RollupRun(long JobRunId, string Mode, long RowsRead, long CellsWritten, int DaysRecomputed, TimeSpan Duration, DateTimeOffset Watermark);

