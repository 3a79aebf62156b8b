using System.Text;
using CsvHelper;

namespace CxDashboard.Core.Ingestion;

/// <summary>CSV with a header row; columns by name in any order. Column numbers are field positions.</summary>
public sealed class CsvRecordSource : IRecordSource
{
    private readonly CsvReader reader;
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private string? malformed;

    public CsvRecordSource(Stream stream, string file)
    {
        _ = file;
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
            errors.Add(new ImportError(FileName, Line, null, null, malformed));
        }
        else if (reader.FieldCount != Header.Count)
        {
            errors.Add(new ImportError(FileName, Line, null, null, $"expected {Header.Count} fields as in the header, found {reader.FieldCount}"));
        }
        else
        {
            recordIsUsable = true;
        }
        return true;
    }

    public string FileName { get; init; } = "";

    public string? Get(string field, out int column)
    {
        if (!index.TryGetValue(field, out var i))
        {
            column = 0;
            return null;
        }
        column = i + 1;
        var value = reader.GetStringOrNull(i);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public IEnumerable<(string Field, int Column)> UnknownFields(IReadOnlySet<string> known) => [];

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
