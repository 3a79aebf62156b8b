using System.Text;
using System.Text.Json;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// JSON lines: one object per line, scalar values only. Columns are character positions of the
/// value within its line (1-based), so an editor can jump to them.
/// </summary>
public sealed class JsonLinesRecordSource(TextReader reader, string file) : IRecordSource
{
    private readonly Dictionary<string, (string? Value, int Column)> fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> header = [];
    private int nextLine = 1;

    public IReadOnlyList<string> Header => header;

    public int Line { get; private set; }

    public string RawText { get; private set; } = "";

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
        fields.Clear();
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            var json = new Utf8JsonReader(bytes);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new ImportError(file, Line, 1, null, "expected a JSON object on each line"));
                return true;
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                json.Read();
                var column = CharColumn(bytes, (int)json.TokenStartIndex);
                string? value = json.TokenType switch
                {
                    JsonTokenType.String => json.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(json.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => null,
                    _ => throw new FormatException($"{name}: expected a string, number, boolean or null at column {column}"),
                };
                if (!fields.TryAdd(name, (string.IsNullOrWhiteSpace(value) ? null : value.Trim(), column)))
                {
                    errors.Add(new ImportError(file, Line, column, name, "property appears twice"));
                    return true;
                }
                if (!header.Contains(name, StringComparer.OrdinalIgnoreCase)) header.Add(name);
            }
            if (json.TokenType != JsonTokenType.EndObject || json.Read())
            {
                errors.Add(new ImportError(file, Line, CharColumn(bytes, (int)json.TokenStartIndex), null, "unexpected content after the object"));
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

    public string? Get(string field, out int column)
    {
        if (fields.TryGetValue(field, out var f))
        {
            column = f.Column;
            return f.Value;
        }
        column = 0;
        return null;
    }

    public IEnumerable<(string Field, int Column)> UnknownFields(IReadOnlySet<string> known) =>
        fields.Where(f => !known.Contains(f.Key)).Select(f => (f.Key, f.Value.Column));

    public void Dispose() => reader.Dispose();

    private static int CharColumn(byte[] bytes, int byteIndex) => Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(byteIndex, bytes.Length)) + 1;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.') : message;
    }
}
