using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Tests.Scorecards;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2025-03", "month", "2025-03-01", "2025-03-31", "2025-02")]
    [InlineData("2025-Q1", "quarter", "2025-01-01", "2025-03-31", "2024-Q4")]
    [InlineData("2024", "year", "2024-01-01", "2024-12-31", "2023")]
    [InlineData("2025-W01", "week", "2024-12-30", "2025-01-05", "2024-W52")]
    [InlineData("2024-03-01", "day", "2024-03-01", "2024-03-01", "2024-02-29")]
    [InlineData("2025-03-10..2025-03-16", "range", "2025-03-10", "2025-03-16", "2025-03-03..2025-03-09")]
    public void Periods_parse_and_step_back_by_one_period_of_their_kind(string text, string grain, string first, string last, string previous)
    {
        var p = Period.Parse(text);

        Assert.Equal(grain, p.Grain);
        Assert.Equal(DateOnly.Parse(first), p.First);
        Assert.Equal(DateOnly.Parse(last), p.Last);
        Assert.Equal(text, p.ToString());
        Assert.Equal(previous, p.Previous().ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-Q5")]
    [InlineData("March")]
    [InlineData("2025-03-31..2025-03-01")]
    [InlineData("2025-02-30")]
    public void Bad_periods_are_refused_with_a_message_saying_what_is_accepted(string text)
    {
        var e = Assert.Throws<PeriodException>(() => Period.Parse(text));
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void A_13_month_series_ends_with_the_month_containing_the_period_end()
    {
        var series = Period.Parse("2025-Q2").SeriesEndingHere("month", 13);

        Assert.Equal(13, series.Count);
        Assert.Equal("2024-06", series[0].ToString());
        Assert.Equal("2025-06", series[^1].ToString());
    }
}
