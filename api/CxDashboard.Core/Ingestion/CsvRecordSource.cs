using System.Text;
using CsvHelper;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// CSV with a header row; columns by name in any order. Column numbers are field positions. Values must be
/// valid UTF-8 (a Latin-1 file is converted when the request says so); a quote that is never closed, or
/// that runs over <see cref="ImportOptions.MaxQuotedFieldLines"/> lines, ends the file with <see cref="Fatal"/>.
/// </summary>
public sealed class CsvRecordSource : IRecordSource
{
    private readonly CsvReader reader;
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private readonly string file;
    private readonly int maxQuotedLines;
    private int[] columns = [];
    private char[] buffer = new char[256];
    private CsvMalformedReason? malformed;

    public CsvRecordSource(Stream stream, string file, ImportEncoding encoding = ImportEncoding.Utf8, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        this.file = file;
        maxQuotedLines = options.MaxQuotedFieldLines;
        reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = m => malformed ??= m.Reason,
            // Latin-1 is transcoded to UTF-8 by the reader; otherwise bytes pass through and are checked here.
            Encoding = encoding == ImportEncoding.Latin1 ? Encoding.Latin1 : null,
            MaxRecordSize = options.MaxRecordBytes,
        }, leaveOpen: true);
        try
        {
            reader.ReadHeader();
            Header = reader.Headers ?? [];
        }
        catch (CsvFormatException ex)
        {
            Header = [];
            Fatal = new ImportError(file, Math.Max(1, (int)ex.LineNumber), null, null, ImportProblem.HeaderUnreadable, "the header row cannot be read: a quote in it is never closed");
        }
        catch (InvalidOperationException)
        {
            Header = [];
        }
        for (var i = 0; i < Header.Count; i++) index.TryAdd(Header[i].Trim().TrimStart('\uFEFF'), i);
    }

    public IReadOnlyList<string> Header { get; }

    public ImportError? Fatal { get; private set; }

    public int Line { get; private set; } = 1;

    public string RawText => Encoding.UTF8.GetString(reader.RawRecord).TrimEnd('\r', '\n');

    public bool Read(List<ImportError> errors, out bool recordIsUsable)
    {
        malformed = null;
        recordIsUsable = false;
        if (Fatal is not null) return false;
        try
        {
            if (!reader.Read()) return false;
        }
        catch (CsvFormatException ex)
        {
            // Only a record larger than MaxRecordBytes gets here: in practice a quote that never closes.
            Fatal = new ImportError(file, Math.Max(1, (int)ex.LineNumber), null, null, ImportProblem.RecordTooLong,
                "a record starting here is too long to be one row: a quoted field in it is probably never closed; the file is rejected");
            return false;
        }
        Line = (int)reader.LineNumber;
        var raw = reader.RawRecord;
        if (malformed == CsvMalformedReason.UnterminatedQuote || raw.Count((byte)'\n') > maxQuotedLines)
        {
            var (line, field, spanned) = QuoteOrigin(raw, Line, (byte)reader.Separator);
            var where = field < Header.Count ? Header[field] : null;
            Fatal = malformed == CsvMalformedReason.UnterminatedQuote
                ? new ImportError(file, line, field + 1, where, ImportProblem.UnclosedQuote,
                    "a quoted field opened here is never closed: the rest of the file cannot be read as rows, so the file is rejected")
                : new ImportError(file, line, field + 1, where, ImportProblem.UnclosedQuote,
                    $"a quoted field opened here runs over {spanned} lines (the limit is {maxQuotedLines}, Imports:MaxQuotedFieldLines): " +
                    "probably a quote that is never closed, so the file is rejected", ("lines", spanned), ("max", maxQuotedLines));
            return false;
        }
        if (malformed is { } reason)
        {
            errors.Add(new ImportError(file, Line, null, null, ImportProblem.MalformedCsv, Describe(reason), ("kind", KindOf(reason))));
        }
        else if (reader.FieldCount != Header.Count)
        {
            errors.Add(new ImportError(file, Line, null, null, ImportProblem.FieldCount, $"expected {Header.Count} fields as in the header, found {reader.FieldCount}",
                ("expected", Header.Count), ("found", reader.FieldCount)));
        }
        else if (!CheckUtf8(errors))
        {
            return true;
        }
        else
        {
            recordIsUsable = true;
        }
        return true;
    }

    /// <summary>Every field of the record is valid UTF-8; else one error per bad field, at its column.</summary>
    private bool CheckUtf8(List<ImportError> errors)
    {
        if (Utf8Check.FirstInvalid(reader.RawRecord) < 0) return true;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var bytes = reader.GetSpan(i);
            var at = Utf8Check.FirstInvalid(bytes);
            if (at >= 0) errors.Add(Utf8Check.Error(file, Line, i + 1, i < Header.Count ? Header[i] : null, bytes, at));
        }
        return false;
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

    /// <summary>
    /// Where the offending quote of a record opened: the quote left open at its end, else the quoted field
    /// spanning the most lines. Returns its line, its 0-based field and the lines it spans.
    /// </summary>
    internal static (int Line, int Field, int Lines) QuoteOrigin(ReadOnlySpan<byte> raw, int startLine, byte separator)
    {
        int line = startLine, field = 0, openLine = startLine, openField = 0;
        var inQuotes = false;
        var atFieldStart = true;
        (int Line, int Field, int Lines) widest = (startLine, 0, 0);
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (inQuotes)
            {
                if (b == '"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == '"') i++;
                    else
                    {
                        inQuotes = false;
                        if (line - openLine + 1 > widest.Lines) widest = (openLine, openField, line - openLine + 1);
                    }
                }
                else if (b == '\n') line++;
                continue;
            }
            if (b == separator)
            {
                field++;
                atFieldStart = true;
                continue;
            }
            if (b == '\n') line++;
            if (b == '"' && atFieldStart)
            {
                inQuotes = true;
                openLine = line;
                openField = field;
            }
            if (b is not ((byte)' ' or (byte)'\t')) atFieldStart = false;
        }
        return inQuotes ? (openLine, openField, line - openLine + 1) : widest;
    }

    private static string KindOf(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "stray_quote",
        CsvMalformedReason.TextAfterClosingQuote => "text_after_quote",
        CsvMalformedReason.UnterminatedQuote => "unterminated_quote",
        CsvMalformedReason.LineBreakInQuotes => "line_break_in_quotes",
        CsvMalformedReason.TrailingEscape => "trailing_escape",
        _ => "other",
    };

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
