namespace CxDashboard.Core.Rollups;

/// <summary>What a rollup run did (also written to job_run); <paramref name="Connections"/>: how many a full rebuild read and summed on.</summary>
public sealed record RollupRun(long JobRunId, string Mode, long RowsRead, long CellsWritten, int DaysRecomputed, TimeSpan Duration, DateTimeOffset Watermark,
    int Connections = 1);

