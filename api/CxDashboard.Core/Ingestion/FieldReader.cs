using System.Globalization;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Reads typed values from the current record, collecting one error per bad field. Values are
/// parsed from spans; a string is only made for text that is kept.
/// </summary>
public sealed class FieldReader(IRecordSource source, string file, List<ImportError> errors)
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public int Line => source.Line;

    /// <summary>Plausible fact timestamps (null: any). A timestamp outside is a row error naming the window.</summary>
    public DateWindow? Window { get; init; }

    public string File => file;

    public int ErrorsBefore { get; private set; }

    public void StartRecord() => ErrorsBefore = errors.Count;

    public bool RecordHasErrors => errors.Count > ErrorsBefore;

    /// <summary>A problem at <paramref name="field"/>: its <see cref="ImportProblem"/> code, English reason and the values it names.</summary>
    public void Fail(Field field, string code, string reason, params (string Name, object? Value)[] values) =>
        Fail(field, ColumnOf(field), code, reason, values);

    public void FailRecord(string code, string reason) => errors.Add(new ImportError(file, source.Line, null, null, code, reason));

    public int ColumnOf(Field field)
    {
        source.Get(field.Index, out var col);
        return col;
    }

    /// <summary>The raw (trimmed) value, valid until the next read of a field.</summary>
    public ReadOnlySpan<char> Span(Field field) => source.Get(field.Index, out _);

    private readonly Dictionary<string, string> shared = new(StringComparer.Ordinal);

    public string? Text(Field field, bool required = false, int maxLength = 4000) => Text(field, out _, required, maxLength);

    /// <summary>
    /// Like <see cref="Text(Field, bool, int)"/> for columns with few distinct values (segment,
    /// touchpoint, source): each distinct value is one string for the whole file, not one per row.
    /// </summary>
    public string? Label(Field field, bool required = false, int maxLength = 4000)
    {
        if (!TryText(field, out _, required, maxLength, out var v)) return null;
        var lookup = shared.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(v, out var known)) return known;
        var text = new string(v);
        // Bounded: a column that turns out to be unique per row stops being remembered.
        if (shared.Count < 10_000) shared[text] = text;
        return text;
    }

    public string? Text(Field field, out int col, bool required = false, int maxLength = 4000) =>
        TryText(field, out col, required, maxLength, out var v) ? new string(v) : null;

    /// <summary>The non-empty value within <paramref name="maxLength"/>; otherwise false, with an error when it is required, too long or holds a NUL.</summary>
    private bool TryText(Field field, out int col, bool required, int maxLength, out ReadOnlySpan<char> value)
    {
        value = source.Get(field.Index, out col);
        if (value.IsEmpty)
        {
            Missing(field, col, required);
            return false;
        }
        if (value.Length > maxLength)
        {
            Fail(field, col, ImportProblem.TooLong, $"longer than {maxLength} characters", ("max", maxLength));
            return false;
        }
        // PostgreSQL text cannot hold U+0000: it would fail the whole COPY with a server error instead.
        if (value.Contains('\0'))
        {
            Fail(field, col, ImportProblem.NulCharacter, "contains a NUL character (U+0000)");
            return false;
        }
        return true;
    }

    /// <summary>One of <paramref name="allowed"/> (lower-case constants), matched ignoring case; returns the constant.</summary>
    public string? OneOf(Field field, string[] allowed, bool required = true)
    {
        var v = source.Get(field.Index, out var col);
        if (v.IsEmpty)
        {
            Missing(field, col, required);
            return null;
        }
        foreach (var a in allowed)
        {
            if (v.Equals(a, StringComparison.OrdinalIgnoreCase)) return a;
        }
        Fail(field, col, ImportProblem.NotOneOf, $"'{v}' is not one of {string.Join(", ", allowed)}", ("value", v.ToString()), ("allowed", allowed));
        return null;
    }

    /// <summary>ISO 8601 timestamp with an offset or Z (a bare local time is ambiguous, so refused), as UTC.</summary>
    public DateTime? Timestamp(Field field, bool required = false)
    {
        var v = source.Get(field.Index, out var col);
        if (v.IsEmpty)
        {
            Missing(field, col, required);
            return null;
        }
        DateTime? parsed = null;
        if (IsoTimestamp.TryParse(v, out var utc)) parsed = utc;
        else if (DateTimeOffset.TryParseExact(v, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts)
            && (v[^1] is 'Z' or 'z' || HasOffset(v)))
        {
            parsed = ts.UtcDateTime;
        }
        if (parsed is not { } value)
        {
            if (CalendarCheck.Problem(v) is { } problem) Fail(field, col, ImportProblem.NoSuchDate, $"'{v}': {problem}", ("value", v.ToString()));
            else Fail(field, col, ImportProblem.NotTimestamp, $"'{v}' is not an ISO 8601 timestamp with offset (e.g. 2026-03-01T14:05:00Z)", ("value", v.ToString()));
            return null;
        }
        if (Window is { } w && !w.Contains(value))
        {
            Fail(field, col, ImportProblem.OutsideDateWindow, $"'{v}' is outside the plausible date window {w} (settings Imports:EarliestDate and Imports:LatestAhead)",
                ("value", v.ToString()), ("from", w.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", w.To.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)));
            return null;
        }
        return value;
    }

    public DateOnly? Date(Field field, bool required = false)
    {
        var v = source.Get(field.Index, out var col);
        if (v.IsEmpty)
        {
            Missing(field, col, required);
            return null;
        }
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (CalendarCheck.Problem(v) is { } problem) Fail(field, col, ImportProblem.NoSuchDate, $"'{v}': {problem}", ("value", v.ToString()));
        else Fail(field, col, ImportProblem.NotDate, $"'{v}' is not a date (yyyy-MM-dd)", ("value", v.ToString()));
        return null;
    }

    public int? Integer(Field field, int min, int max, bool required = false)
    {
        var v = source.Get(field.Index, out var col);
        if (v.IsEmpty)
        {
            Missing(field, col, required);
            return null;
        }
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            Fail(field, col, ImportProblem.NotWholeNumber, $"'{v}' is not a whole number", ("value", v.ToString()));
            return null;
        }
        if (n < min || n > max)
        {
            Fail(field, col, ImportProblem.OutOfRange, $"{n} is out of range {min}–{max}", ("value", n), ("min", min), ("max", max));
            return null;
        }
        return n;
    }

    public bool? Boolean(Field field)
    {
        var v = source.Get(field.Index, out var col);
        if (v.IsEmpty) return null;
        if (IsAny(v, "true", "1", "yes", "y", "t")) return true;
        if (IsAny(v, "false", "0", "no", "n", "f")) return false;
        Fail(field, col, ImportProblem.NotBoolean, $"'{v}' is not a boolean (true/false, 1/0)", ("value", v.ToString()));
        return null;
    }

    private void Fail(Field field, int column, string code, string reason, params (string Name, object? Value)[] values) =>
        errors.Add(new ImportError(file, source.Line, column > 0 ? column : null, field.Name, code, reason, values));

    private void Missing(Field field, int column, bool required)
    {
        if (required) Fail(field, column, ImportProblem.Required, "required value is missing");
    }

    private static bool IsAny(ReadOnlySpan<char> v, params ReadOnlySpan<string> options)
    {
        foreach (var o in options)
        {
            if (v.Equals(o, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool HasOffset(ReadOnlySpan<char> v)
    {
        var t = v.IndexOf('T') is var i and >= 0 ? i : v.IndexOf(' ');
        return t >= 0 && (v[t..].IndexOf('+') > 0 || v[t..].IndexOf('-') > 0);
    }
}
