using System.Globalization;

namespace CxDashboard.Core.Ingestion;

/// <summary>Reads typed values from the current record, collecting one error per bad field.</summary>
public sealed class FieldReader(IRecordSource source, string file, List<ImportError> errors)
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public int Line => source.Line;

    public int ErrorsBefore { get; private set; }

    public void StartRecord() => ErrorsBefore = errors.Count;

    public bool RecordHasErrors => errors.Count > ErrorsBefore;

    public void Fail(string field, int column, string reason) =>
        errors.Add(new ImportError(file, source.Line, column > 0 ? column : null, field, reason));

    public void FailRecord(string reason) => errors.Add(new ImportError(file, source.Line, null, null, reason));

    public string? Text(string field, bool required = false, int maxLength = 4000)
    {
        var v = source.Get(field, out var col);
        if (v is null)
        {
            if (required) Fail(field, col, "required value is missing");
            return null;
        }
        if (v.Length > maxLength)
        {
            Fail(field, col, $"longer than {maxLength} characters");
            return null;
        }
        return v;
    }

    public string? OneOf(string field, string[] allowed, bool required = true)
    {
        var v = source.Get(field, out var col);
        if (v is null)
        {
            if (required) Fail(field, col, "required value is missing");
            return null;
        }
        var lower = v.ToLowerInvariant();
        if (Array.IndexOf(allowed, lower) < 0)
        {
            Fail(field, col, $"'{v}' is not one of {string.Join(", ", allowed)}");
            return null;
        }
        return allowed[Array.IndexOf(allowed, lower)];
    }

    /// <summary>ISO 8601 timestamp with an offset or Z (a bare local time is ambiguous, so refused).</summary>
    public DateTime? Timestamp(string field, bool required = false)
    {
        var v = source.Get(field, out var col);
        if (v is null)
        {
            if (required) Fail(field, col, "required value is missing");
            return null;
        }
        if (DateTimeOffset.TryParseExact(v, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts)
            && (v.EndsWith('Z') || v.EndsWith('z') || HasOffset(v)))
        {
            return ts.UtcDateTime;
        }
        Fail(field, col, $"'{v}' is not an ISO 8601 timestamp with offset (e.g. 2026-03-01T14:05:00Z)");
        return null;
    }

    public DateOnly? Date(string field, bool required = false)
    {
        var v = source.Get(field, out var col);
        if (v is null)
        {
            if (required) Fail(field, col, "required value is missing");
            return null;
        }
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Fail(field, col, $"'{v}' is not a date (yyyy-MM-dd)");
        return null;
    }

    public int? Integer(string field, int min, int max, bool required = false)
    {
        var v = source.Get(field, out var col);
        if (v is null)
        {
            if (required) Fail(field, col, "required value is missing");
            return null;
        }
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            Fail(field, col, $"'{v}' is not a whole number");
            return null;
        }
        if (n < min || n > max)
        {
            Fail(field, col, $"{n} is out of range {min}–{max}");
            return null;
        }
        return n;
    }

    public bool? Boolean(string field)
    {
        var v = source.Get(field, out var col);
        switch (v?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "1" or "yes" or "y" or "t": return true;
            case "false" or "0" or "no" or "n" or "f": return false;
            default:
                Fail(field, col, $"'{v}' is not a boolean (true/false, 1/0)");
                return null;
        }
    }

    public int ColumnOf(string field)
    {
        source.Get(field, out var col);
        return col;
    }

    private static bool HasOffset(string v)
    {
        var t = v.IndexOf('T') is var i and >= 0 ? i : v.IndexOf(' ');
        return t >= 0 && (v.IndexOf('+', t) > 0 || v.IndexOf('-', t) > 0);
    }
}
