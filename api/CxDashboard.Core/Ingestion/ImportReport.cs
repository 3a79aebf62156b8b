namespace CxDashboard.Core.Ingestion;

/// <summary>What an import did. <see cref="Succeeded"/> is false when the file was rejected (nothing written).</summary>
public sealed record ImportReport
{
    public required string Kind { get; init; }
    public required string File { get; init; }
    public required string Mode { get; init; }
    public bool Succeeded { get; init; }
    public long RowsRead { get; init; }
    public long Inserted { get; init; }
    public long Updated { get; init; }
    public long Unchanged { get; init; }
    /// <summary>Written rows dated before the current month: their days are marked for recomputation.</summary>
    public long Late { get; init; }
    public long Rejected { get; init; }
    /// <summary>Org units that got a new parent.</summary>
    public long Moved { get; init; }
    public long ErrorCount { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public IReadOnlyList<RejectedRow> RejectedRows { get; init; } = [];
    public double Seconds { get; init; }
    /// <summary>Of <see cref="Seconds"/>, the time spent reading, validating and staging rows (the rest is the merge).</summary>
    public double ParseSeconds { get; init; }
    public double RowsPerSecond => Seconds > 0 ? RowsRead / Seconds : 0;
}

/// <summary>A row left out in quarantine mode, with its original text and reasons (in English, and as coded problems).</summary>
public sealed record RejectedRow(int Line, string Text, IReadOnlyList<string> Reasons)
{
    public IReadOnlyList<ImportError> Problems { get; init; } = [];
}
