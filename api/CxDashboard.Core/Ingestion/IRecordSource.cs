namespace CxDashboard.Core.Ingestion;

/// <summary>A stream of records (CSV rows or JSON lines) with named fields and their positions.</summary>
public interface IRecordSource : IDisposable
{
    /// <summary>Field names in file order (CSV header, or the union seen so far for JSON lines).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Advances to the next record. Structural problems (bad JSON, bad quoting) go to <paramref name="errors"/>.</summary>
    bool Read(List<ImportError> errors, out bool recordIsUsable);

    /// <summary>1-based line the current record starts on.</summary>
    int Line { get; }

    /// <summary>The current record's original text (for quarantine files).</summary>
    string RawText { get; }

    /// <summary>The field's value (null when absent or empty) and its 1-based column.</summary>
    string? Get(string field, out int column);

    /// <summary>Fields present in the current record that the kind does not know (JSON lines).</summary>
    IEnumerable<(string Field, int Column)> UnknownFields(IReadOnlySet<string> known);
}
