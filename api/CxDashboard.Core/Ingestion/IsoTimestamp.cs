namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Fast path for the common timestamp shape <c>yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±HH:mm)</c>, which
/// is most of every file; anything else falls back to the general parser in <see cref="FieldReader"/>.
/// </summary>
internal static class IsoTimestamp
{
    private static readonly long[] FractionScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    public static bool TryParse(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or ' ') || s[13] != ':' || s[16] != ':') return false;
        if (!Number(s, 0, 4, out var year) || !Number(s, 5, 2, out var month) || !Number(s, 8, 2, out var day)
            || !Number(s, 11, 2, out var hour) || !Number(s, 14, 2, out var minute) || !Number(s, 17, 2, out var second))
        {
            return false;
        }
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i - start is 0 or > 7 || !Number(s, start, i - start, out var digits)) return false;
            fraction = digits * FractionScale[i - start];
        }
        int offsetMinutes;
        var zone = s[i..];
        if (zone is "Z") offsetMinutes = 0;
        else if (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':' && Number(zone, 1, 2, out var oh) && Number(zone, 4, 2, out var om)
                 && oh <= 14 && om <= 59)
        {
            offsetMinutes = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
        }
        else return false;
        // Outside this window the general parser decides (it knows the calendar's edges).
        if (year is < 1000 or > 9000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        utc = new DateTime(local - offsetMinutes * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        foreach (var c in s.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
