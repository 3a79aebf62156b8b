namespace CxDashboard.Core.Ingestion;

/// <summary>A stream of records (CSV rows or JSON lines) with named fields and their positions.</summary>
public interface IRecordSource : IDisposable
{
    /// <summary>Field names in file order (CSV header, or the union seen so far for JSON lines).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>Tells the source the kind's fields; afterwards <see cref="Get"/> takes their index in this list.</summary>
    void Bind(FieldSet fields);

    /// <summary>
    /// Advances to the next record. Problems of the record (bad JSON, bad quoting, invalid bytes) go to
    /// <paramref name="errors"/>. False at the end of the input, or when the file cannot be read on (then
    /// <see cref="Fatal"/> says why).
    /// </summary>
    bool Read(List<ImportError> errors, out bool recordIsUsable);

    /// <summary>
    /// Set when the rest of the file cannot be split into records (a quote never closed): the file is
    /// rejected whatever the mode, since the records after it cannot be counted.
    /// </summary>
    ImportError? Fatal { get; }

    /// <summary>1-based line the current record starts on.</summary>
    int Line { get; }

    /// <summary>The current record's original text (for quarantine files).</summary>
    string RawText { get; }

    /// <summary>
    /// The bound field's value, trimmed (empty when absent or blank), and its 1-based column (0 when the
    /// field is not in the file). The span is only valid until the next call.
    /// </summary>
    ReadOnlySpan<char> Get(int field, out int column);

    /// <summary>Fields present in the current record that the kind does not know (JSON lines).</summary>
    IEnumerable<(string Field, int Column)> UnknownFields();
}
