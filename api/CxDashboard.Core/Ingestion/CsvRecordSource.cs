using System.Text;
using CsvHelper;

namespace CxDashboard.Core.Ingestion;

/// <summary>CSV with a header row; columns by name in any order. Column numbers are field positions.</summary>
public sealed class CsvRecordSource : IRecordSource
{
    private readonly CsvReader reader;
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private readonly string file;
    private int[] columns = [];
    private char[] buffer = new char[256];
    private string? malformed;

    public CsvRecordSource(Stream stream, string file)
    {
        this.file = file;
        reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = m => malformed ??= Describe(m.Reason),
        }, leaveOpen: true);
        try
        {
            reader.ReadHeader();
            Header = reader.Headers ?? [];
        }
        catch (Exception ex) when (ex is InvalidOperationException or CsvFormatException)
        {
            Header = [];
        }
        for (var i = 0; i < Header.Count; i++) index.TryAdd(Header[i].Trim().TrimStart('\uFEFF'), i);
    }

    public IReadOnlyList<string> Header { get; }

    public int Line { get; private set; } = 1;

    public string RawText => Encoding.UTF8.GetString(reader.RawRecord).TrimEnd('\r', '\n');

    public bool Read(List<ImportError> errors, out bool recordIsUsable)
    {
        malformed = null;
        recordIsUsable = false;
        if (!reader.Read()) return false;
        Line = (int)reader.LineNumber;
        if (malformed is not null)
        {
            errors.Add(new ImportError(file, Line, null, null, malformed));
        }
        else if (reader.FieldCount != Header.Count)
        {
            errors.Add(new ImportError(file, Line, null, null, $"expected {Header.Count} fields as in the header, found {reader.FieldCount}"));
        }
        else
        {
            recordIsUsable = true;
        }
        return true;
    }

    public void Bind(FieldSet fields) =>
        columns = fields.Names.Select(n => index.TryGetValue(n, out var i) ? i : -1).ToArray();

    public ReadOnlySpan<char> Get(int field, out int column)
    {
        var i = columns[field];
        if (i < 0)
        {
            column = 0;
            return default;
        }
        column = i + 1;
        // Decoded into one reused buffer: no string per field unless the caller keeps the value.
        var bytes = reader.GetSpan(i);
        if (bytes.Length > buffer.Length) buffer = new char[Math.Max(bytes.Length, buffer.Length * 2)];
        var n = Encoding.UTF8.GetChars(bytes, buffer);
        return buffer.AsSpan(0, n).Trim();
    }

    public IEnumerable<(string Field, int Column)> UnknownFields() => [];

    public void Dispose() => reader.Dispose();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed CSV: a stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "malformed CSV: line break inside quotes",
        CsvMalformedReason.TrailingEscape => "malformed CSV: trailing escape character",
        _ => $"malformed CSV: {reason}",
    };
}
