using System.Text;
using System.Text.Json;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// JSON lines: one object per line, scalar values only. Columns are character positions of the
/// value within its line (1-based), so an editor can jump to them. Lines are read as bytes: invalid
/// UTF-8 is a row error at its column (Latin-1 files are converted when the request says so).
/// </summary>
public sealed class JsonLinesRecordSource : IRecordSource
{
    private readonly ByteLineReader lines;
    private readonly string file;
    private readonly int maxLineBytes;
    private readonly List<string> header = [];
    private readonly HashSet<string> headerSet = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Field, int Column)> unknown = [];
    private Dictionary<string, int> slotOf = new(StringComparer.OrdinalIgnoreCase);
    private (string? Value, int Column)[] slots = [];
    private int nextLine = 1;

    public JsonLinesRecordSource(Stream stream, string file, ImportEncoding encoding = ImportEncoding.Utf8, ImportOptions? options = null)
    {
        maxLineBytes = (options ?? new ImportOptions()).MaxRecordBytes;
        lines = new ByteLineReader(stream, encoding, maxLineBytes);
        this.file = file;
    }

    public IReadOnlyList<string> Header => header;

    public ImportError? Fatal => null;

    public int Line { get; private set; }

    public string RawText { get; private set; } = "";

    public void Bind(FieldSet fields)
    {
        slotOf = fields.Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.OrdinalIgnoreCase);
        slots = new (string?, int)[fields.Names.Count];
    }

    public bool Read(List<ImportError> errors, out bool recordIsUsable)
    {
        recordIsUsable = false;
        ReadOnlySpan<byte> line;
        do
        {
            if (!lines.TryReadLine(out line)) return false;
            Line = nextLine++;
        }
        while (IsBlank(line));

        RawText = Encoding.UTF8.GetString(line);
        Array.Clear(slots);
        unknown.Clear();
        if (lines.Truncated)
        {
            errors.Add(new ImportError(file, Line, null, null, ImportProblem.LineTooLong, $"the line is longer than {maxLineBytes:N0} bytes (Imports:MaxRecordBytes)",
                ("max", maxLineBytes)));
            return true;
        }
        var invalid = Utf8Check.FirstInvalid(line);
        if (invalid >= 0)
        {
            errors.Add(Utf8Check.Error(file, Line, Utf8Check.CharColumn(line, invalid), PropertyAt(line, invalid), line, invalid));
            return true;
        }
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new ImportError(file, Line, 1, null, ImportProblem.NotJsonObject, "expected a JSON object on each line"));
                return true;
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                json.Read();
                var column = Utf8Check.CharColumn(line, (int)json.TokenStartIndex);
                string? value;
                switch (json.TokenType)
                {
                    case JsonTokenType.String: value = json.GetString(); break;
                    case JsonTokenType.Number: value = Encoding.UTF8.GetString(json.ValueSpan); break;
                    case JsonTokenType.True: value = "true"; break;
                    case JsonTokenType.False: value = "false"; break;
                    case JsonTokenType.Null: value = null; break;
                    default:
                        errors.Add(new ImportError(file, Line, column, name, ImportProblem.NotScalar,
                            $"expected a string, number, boolean or null, found {(json.TokenType == JsonTokenType.StartObject ? "an object" : "an array")}"));
                        return true;
                }
                var known = slotOf.TryGetValue(name, out var slot);
                if (known ? slots[slot].Column != 0 : unknown.Exists(u => string.Equals(u.Field, name, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new ImportError(file, Line, column, name, ImportProblem.PropertyTwice, "property appears twice"));
                    return true;
                }
                if (headerSet.Add(name)) header.Add(name);
                if (known) slots[slot] = (value, column);
                else unknown.Add((name, column));
            }
            if (json.TokenType != JsonTokenType.EndObject || json.Read())
            {
                errors.Add(new ImportError(file, Line, Utf8Check.CharColumn(line, (int)json.TokenStartIndex), null, ImportProblem.ContentAfterObject, "unexpected content after the object"));
                return true;
            }
        }
        catch (JsonException ex)
        {
            // The reader's own position is within this one line; its message names its own line counter and
            // options, which mean nothing to the file's author.
            var column = Utf8Check.CharColumn(line, (int)(ex.BytePositionInLine ?? 0));
            var detail = JsonReason(ex.Message);
            errors.Add(new ImportError(file, Line, column, null, ImportProblem.MalformedJson, $"malformed JSON at line {Line}, column {column}: {detail}", ("detail", detail)));
            return true;
        }
        recordIsUsable = true;
        return true;
    }

    public ReadOnlySpan<char> Get(int field, out int column)
    {
        var (value, col) = slots[field];
        column = col;
        return value.AsSpan().Trim();
    }

    public IEnumerable<(string Field, int Column)> UnknownFields() => unknown;

    public void Dispose() => lines.Dispose();

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    /// <summary>The property whose value holds byte <paramref name="index"/>, when the line parses that far.</summary>
    private static string? PropertyAt(ReadOnlySpan<byte> line, int index)
    {
        string? name = null;
        try
        {
            var json = new Utf8JsonReader(line);
            while (json.Read())
            {
                if (json.TokenType == JsonTokenType.PropertyName) name = Encoding.UTF8.GetString(json.ValueSpan);
                if (json.BytesConsumed > index) return json.TokenType == JsonTokenType.PropertyName ? null : name;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }
        return name;
    }

    /// <summary>The reason of a System.Text.Json error without its positions, paths and advice about reader options.</summary>
    internal static string JsonReason(string message)
    {
        var sentences = message.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim().TrimEnd('.'))
            .Where(s => !s.Contains("LineNumber", StringComparison.Ordinal) && !s.Contains("reader options", StringComparison.OrdinalIgnoreCase)
                        && !s.StartsWith("Path:", StringComparison.Ordinal) && !s.Contains("BytePosition", StringComparison.Ordinal))
            .ToList();
        var text = string.Join(". ", sentences);
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0) text = text[..cut];
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) text = text[..cut];
        text = text.Replace("The JSON object contains a trailing comma at the end which is not supported in this mode", "the object ends with a trailing comma")
                   .Replace("The JSON array contains a trailing comma at the end which is not supported in this mode", "the array ends with a trailing comma");
        return text.Length == 0 ? "not valid JSON" : text.TrimEnd('.', ' ');
    }
}
