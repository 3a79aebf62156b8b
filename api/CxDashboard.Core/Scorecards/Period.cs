namespace CxDashboard.Core.Scorecards;

/// <summary>
/// A reporting period at a KPI grain: <c>month</c>, <c>quarter</c> or <c>year</c> (the grains a
/// <c>kpi_target</c> may carry), starting on the first day of that period.
/// </summary>
public readonly record struct Period(string Grain, DateOnly Start)
{
    public static readonly string[] Grains = ["month", "quarter", "year"];

    public static bool IsGrain(string grain) => Array.IndexOf(Grains, grain) >= 0;

    /// <summary>Whether <paramref name="start"/> is the first day of a period of <paramref name="grain"/>.</summary>
    public static bool IsAligned(string grain, DateOnly start) => start.Day == 1 && grain switch
    {
        "month" => true,
        "quarter" => (start.Month - 1) % 3 == 0,
        "year" => start.Month == 1,
        _ => false,
    };

    /// <summary>The period of <paramref name="grain"/> that contains <paramref name="day"/>.</summary>
    public static Period Containing(string grain, DateOnly day) => grain switch
    {
        "month" => new(grain, new DateOnly(day.Year, day.Month, 1)),
        "quarter" => new(grain, new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1)),
        "year" => new(grain, new DateOnly(day.Year, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "grain must be month, quarter or year"),
    };

    private int Months => Grain switch { "month" => 1, "quarter" => 3, _ => 12 };

    /// <summary>The first day after the period.</summary>
    public DateOnly End => Start.AddMonths(Months);

    public Period Shift(int periods) => new(Grain, Start.AddMonths(Months * periods));

    /// <summary>The <paramref name="count"/> periods ending with this one, oldest first.</summary>
    public Period[] Trailing(int count)
    {
        var last = this;
        return [.. Enumerable.Range(0, count).Select(i => last.Shift(i - count + 1))];
    }

    public override string ToString() => $"{Grain} {Start:yyyy-MM-dd}";
}
