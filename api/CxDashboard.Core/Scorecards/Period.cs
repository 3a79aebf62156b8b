using System.Globalization;
using System.Text.RegularExpressions;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// A reporting period: one rollup period (day, ISO week, month, quarter, year) or a day range,
/// with <see cref="First"/> and <see cref="Last"/> inclusive. Ranges are read as sums of day cells,
/// which is exact because cells are additive.
/// </summary>
public sealed partial record Period(string Grain, DateOnly First, DateOnly Last)
{
    public const string Range = "range";

    /// <summary>
    /// The dates a period may cover. Far wider than any data, and narrow enough that everything derived from a
    /// period (its end, the period before it, a 120-period series ending in it) stays a valid date: 9999-12-31 has no
    /// next day to end on, 0001-01-01 no previous period.
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2999, 12, 31);

    /// <summary>The grains a period (and a time series) can have.</summary>
    public static readonly string[] Grains = ["day", "week", "month", "quarter", "year"];

    public static Period Of(string grain, DateOnly anyDay)
    {
        var first = Rollups.RollupGrains.PeriodStart(grain, anyDay);
        return new Period(grain, first, EndOf(grain, first));
    }

    public static Period Between(DateOnly first, DateOnly last)
    {
        if (last < first) throw new PeriodException($"the range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd})");
        return new Period(Range, first, last);
    }

    /// <summary>Whole days covered.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>The same kind of period just before this one (a range: the same number of days before it).</summary>
    public Period Previous() => Back(1);

    /// <summary>The period <paramref name="steps"/> periods earlier.</summary>
    public Period Back(int steps) => Grain switch
    {
        Range => new Period(Range, First.AddDays(-Days * steps), Last.AddDays(-Days * steps)),
        _ => Of(Grain, Shift(Grain, First, -steps)),
    };

    /// <summary>
    /// <paramref name="count"/> consecutive periods of <paramref name="grain"/>, oldest first, the last
    /// one containing this period's last day.
    /// </summary>
    public IReadOnlyList<Period> SeriesEndingHere(string grain, int count)
    {
        if (grain == Range || Array.IndexOf(Grains, grain) < 0) throw new PeriodException($"unknown grain '{grain}'; use one of {string.Join(", ", Grains)}");
        var end = Of(grain, Last);
        return Enumerable.Range(0, count).Select(i => end.Back(count - 1 - i)).ToArray();
    }

    /// <summary>The canonical text form, as accepted by <see cref="Parse"/>.</summary>
    public override string ToString() => Grain switch
    {
        "day" => First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "week" => $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)):D2}",
        "month" => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "quarter" => $"{First.Year}-Q{(First.Month - 1) / 3 + 1}",
        "year" => First.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}",
    };

    /// <summary>
    /// Reads <c>2025-03</c> (month), <c>2025-Q1</c> (quarter), <c>2025</c> (year), <c>2025-W05</c>
    /// (ISO week), <c>2025-03-14</c> (day) or <c>2025-03-01..2025-03-15</c> (day range).
    /// </summary>
    public static Period Parse(string text)
    {
        var t = text.Trim();
        Match m;
        if ((m = RangeRx().Match(t)).Success)
        {
            var (first, last) = (Day(m.Groups[1].Value, text), Day(m.Groups[2].Value, text));
            return last >= first ? Between(first, last) : throw new PeriodException($"'{text}' ends before it starts");
        }
        if (DayRx().IsMatch(t)) return Of("day", Day(t, text));
        if ((m = MonthRx().Match(t)).Success) return Of("month", Date(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), text));
        if ((m = QuarterRx().Match(t)).Success) return Of("quarter", Date(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 3 * int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - 2, text));
        if ((m = YearRx().Match(t)).Success) return Of("year", Date(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1, text));
        if ((m = WeekRx().Match(t)).Success)
        {
            var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (year < Earliest.Year || year > Latest.Year) throw OutOfRange(text);
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year)) throw Bad(text);
            return Of("week", DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
        }
        throw Bad(text);
    }

    private static PeriodException Bad(string text) => new(
        $"'{text}' is not a period; use 2025-03 (month), 2025-Q1 (quarter), 2025 (year), 2025-W05 (ISO week), 2025-03-14 (day) or 2025-03-01..2025-03-15 (day range)");

    private static PeriodException OutOfRange(string text) => new(
        $"'{text}' is outside the dates this service reads ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd})");

    private static DateOnly Day(string s, string text) =>
        !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? throw Bad(text)
        : d < Earliest || d > Latest ? throw OutOfRange(text)
        : d;

    private static DateOnly Date(int year, int month, string text) =>
        month is < 1 or > 12 ? throw Bad(text)
        : year < Earliest.Year || year > Latest.Year ? throw OutOfRange(text)
        : new DateOnly(year, month, 1);

    private static DateOnly Shift(string grain, DateOnly d, int steps) => grain switch
    {
        "day" => d.AddDays(steps),
        "week" => d.AddDays(7 * steps),
        "month" => d.AddMonths(steps),
        "quarter" => d.AddMonths(3 * steps),
        "year" => d.AddYears(steps),
        _ => throw new PeriodException($"unknown grain '{grain}'"),
    };

    private static DateOnly EndOf(string grain, DateOnly first) => Shift(grain, first, 1).AddDays(-1);

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")] private static partial Regex RangeRx();
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")] private static partial Regex DayRx();
    [GeneratedRegex(@"^(\d{4})-(\d{2})$")] private static partial Regex MonthRx();
    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase)] private static partial Regex QuarterRx();
    [GeneratedRegex(@"^(\d{4})$")] private static partial Regex YearRx();
    [GeneratedRegex(@"^(\d{4})-W(\d{2})$", RegexOptions.IgnoreCase)] private static partial Regex WeekRx();
}

/// <summary>A period argument that cannot be read; the message says what is accepted.</summary>
public sealed class PeriodException(string message) : Exception(message);
