using System.Text;
using System.Text.Json;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// JSON lines: one object per line, scalar values only. Columns are character positions of the
/// value within its line (1-based), so an editor can jump to them.
/// </summary>
public sealed class JsonLinesRecordSource(TextReader reader, string file) : IRecordSource
{
    private readonly List<string> header = [];
    private readonly HashSet<string> headerSet = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Field, int Column)> unknown = [];
    private Dictionary<string, int> slotOf = new(StringComparer.OrdinalIgnoreCase);
    private (string? Value, int Column)[] slots = [];
    private byte[] bytes = new byte[1024];
    private int nextLine = 1;

    public IReadOnlyList<string> Header => header;

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
        string? text;
        do
        {
            text = reader.ReadLine();
            if (text is null) return false;
            Line = nextLine++;
        }
        while (string.IsNullOrWhiteSpace(text));

        RawText = text;
        Array.Clear(slots);
        unknown.Clear();
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > bytes.Length) bytes = new byte[Math.Max(max, bytes.Length * 2)];
        var line = bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes));
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new ImportError(file, Line, 1, null, "expected a JSON object on each line"));
                return true;
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                json.Read();
                var column = CharColumn(line, (int)json.TokenStartIndex);
                string? value = json.TokenType switch
                {
                    JsonTokenType.String => json.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(json.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => null,
                    _ => throw new FormatException($"{name}: expected a string, number, boolean or null at column {column}"),
                };
                var known = slotOf.TryGetValue(name, out var slot);
                if (known ? slots[slot].Column != 0 : unknown.Exists(u => string.Equals(u.Field, name, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new ImportError(file, Line, column, name, "property appears twice"));
                    return true;
                }
                if (headerSet.Add(name)) header.Add(name);
                if (known) slots[slot] = (value, column);
                else unknown.Add((name, column));
            }
            if (json.TokenType != JsonTokenType.EndObject || json.Read())
            {
                errors.Add(new ImportError(file, Line, CharColumn(line, (int)json.TokenStartIndex), null, "unexpected content after the object"));
                return true;
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(file, Line, (int)(ex.BytePositionInLine ?? 0) + 1, null, $"malformed JSON: {FirstSentence(ex.Message)}"));
            return true;
        }
        catch (FormatException ex)
        {
            errors.Add(new ImportError(file, Line, null, null, ex.Message));
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

    public void Dispose() => reader.Dispose();

    private static int CharColumn(ReadOnlySpan<byte> line, int byteIndex) => Encoding.UTF8.GetCharCount(line[..Math.Min(byteIndex, line.Length)]) + 1;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.') : message;
    }
}
