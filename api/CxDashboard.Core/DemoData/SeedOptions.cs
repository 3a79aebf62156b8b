namespace CxDashboard.Core.DemoData;

public sealed record SeedOptions
{
    public long Responses { get; init; } = 300_000;
    public long Interactions { get; init; } = 600_000;
    public ulong Seed { get; init; } = 42;

    /// <summary>Last day of the data set; 13 whole months end with this day's month.</summary>
    public DateOnly End { get; init; } = new(2026, 10, 31);

    public int Months { get; init; } = 13;

    public DateOnly FirstMonth => new DateOnly(End.Year, End.Month, 1).AddMonths(-(Months - 1));
}
