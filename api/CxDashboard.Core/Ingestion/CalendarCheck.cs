using System.Globalization;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Says why a value shaped like <c>yyyy-MM-dd[Thh:mm[:ss]]…</c> is still no date: the day or the time does not
/// exist (2026-02-30, 25:00). Values of another shape get the parser's generic message instead.
/// </summary>
internal static class CalendarCheck
{
    public static string? Problem(ReadOnlySpan<char> v)
    {
        if (v.Length < 10 || v[4] != '-' || v[7] != '-' || !Digits(v[..4], out var year) || !Digits(v[5..7], out var month)
            || !Digits(v[8..10], out var day))
        {
            return null;
        }
        if (year == 0) return "year 0000 does not exist";
        if (month is < 1 or > 12) return $"month {month:00} does not exist";
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            return $"the day {v[..10]} does not exist ({name} {year} has {days} days)";
        }
        if (v.Length >= 16 && v[10] is 'T' or 't' or ' ' && v[13] == ':' && Digits(v[11..13], out var hour) && Digits(v[14..16], out var minute))
        {
            var second = v.Length >= 19 && v[16] == ':' && Digits(v[17..19], out var s) ? s : 0;
            if (hour > 23 || minute > 59 || second > 59) return $"the time {v[11..Math.Min(v.Length, 19)]} does not exist (hours 00–23, minutes and seconds 00–59)";
        }
        return null;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
