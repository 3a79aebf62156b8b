namespace CxDashboard.Core.Rollups;

/// <summary>Period grains; weeks are ISO weeks (Monday start).</summary>
public static class RollupGrains
{
    public const string Day = "day";
    public static readonly string[] Coarser = ["week", "month", "quarter", "year"];
    public static readonly string[] All = [Day, .. Coarser];

    public static DateOnly PeriodStart(string grain, DateOnly day) => grain switch
    {
        "day" => day,
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        "month" => new DateOnly(day.Year, day.Month, 1),
        "quarter" => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        "year" => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown grain"),
    };

    /// <summary>Slices: the whole cell plus one breakdown per dimension.</summary>
    public static readonly string[] Dimensions = ["all", "channel", "journey_stage", "segment"];
}
