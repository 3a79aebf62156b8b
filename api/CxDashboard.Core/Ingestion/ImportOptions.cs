namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Limits every import checks (configuration section <c>Imports</c>): no row may push the database into
/// work its data cannot justify (thousands of partitions for one absurd date, one quote swallowing a file).
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Earliest plausible fact date (UTC day). Older timestamps are row errors.</summary>
    public DateOnly EarliestDate { get; set; } = new(2000, 1, 1);

    /// <summary>How far past now a fact may be dated (clock skew, time zones). Later timestamps are row errors.</summary>
    public TimeSpan LatestAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most monthly partitions one import may create (per fact table); a file needing more is rejected.</summary>
    public int MaxNewPartitions { get; set; } = 120;

    /// <summary>Most lines one quoted CSV field may span; past it the quote is taken as never closed and the file is rejected.</summary>
    public int MaxQuotedFieldLines { get; set; } = 100;

    /// <summary>Largest CSV record or JSON line, in bytes, the reader buffers.</summary>
    public int MaxRecordBytes { get; set; } = 1 << 20;

    /// <summary>The window of plausible fact timestamps, [from, to), as of <paramref name="now"/>.</summary>
    public DateWindow WindowAt(DateTime now) =>
        new(EarliestDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), now.ToUniversalTime() + LatestAhead);
}

/// <summary>Plausible fact timestamps: from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive), UTC.</summary>
public readonly record struct DateWindow(DateTime From, DateTime To)
{
    public bool Contains(DateTime utc) => utc >= From && utc < To;

    public override string ToString() => $"{From:yyyy-MM-dd} to {To:yyyy-MM-dd'T'HH:mm}Z";
}

/// <summary>Character encoding of an input file.</summary>
public enum ImportEncoding
{
    /// <summary>The default: invalid byte sequences are row errors, never replaced.</summary>
    Utf8,
    /// <summary>ISO-8859-1: every byte is one character, converted to UTF-8.</summary>
    Latin1,
}
