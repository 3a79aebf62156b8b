namespace CxDashboard.Core.Ingestion;

/// <summary>One file to import.</summary>
public sealed record ImportRequest
{
    public required ImportKind Kind { get; init; }
    public required Stream Content { get; init; }
    /// <summary>Name used in error messages (and to pick the format when <see cref="Format"/> is null).</summary>
    public required string FileName { get; init; }
    public ImportFormat? Format { get; init; }
    /// <summary>The file's encoding (default UTF-8, where an invalid byte is a row error).</summary>
    public ImportEncoding Encoding { get; init; } = ImportEncoding.Utf8;
    /// <summary>Import the good rows and hand back the rejected ones, instead of all-or-nothing.</summary>
    public bool Quarantine { get; init; }
    /// <summary>Receives rejected rows as they are found (quarantine mode).</summary>
    public IRejectSink? Rejects { get; init; }
    public string Source { get; init; } = "default";
    /// <summary>Size in bytes when known, for percent-done progress.</summary>
    public long? Length { get; init; }
    /// <summary>Units the caller may write (null: any, e.g. the CLI).</summary>
    public ImportScope? Scope { get; init; }
    /// <summary>Where progress lines go (null: none).</summary>
    public TextWriter? Progress { get; init; }
}

/// <summary>Destination of rejected rows in quarantine mode.</summary>
public interface IRejectSink
{
    void Write(RejectedRow row, IReadOnlyList<string> header);
}
