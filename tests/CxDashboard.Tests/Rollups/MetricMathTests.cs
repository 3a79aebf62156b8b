using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Tests.Rollups;

/// <summary>Hand-worked examples for the metric math of DESIGN §6.</summary>
public sealed class MetricMathTests
{
    [Fact]
    public void Csat_is_the_top2_share_and_the_mean_is_separate()
    {
        // Counts 10, 20, 10, 5, 5 for scores 5..1: top-2 = 30/50 = 60%, mean = (50+80+30+10+5)/50 = 3.5.
        Assert.Equal(60.0, MetricMath.Percent(30, 50));
        Assert.Equal(3.5, MetricMath.Mean(10 * 5 + 20 * 4 + 10 * 3 + 5 * 2 + 5 * 1, 50));
    }

    [Fact]
    public void Nps_interval_is_the_adjusted_wald_one()
    {
        // P = 50, D = 20, N = 100: N′ = 103, p = 50.75/103 = 0.492718, d = 20.75/103 = 0.201456,
        // centre = 29.1262, half = 1.96·100·√((0.694175 − 0.084834)/103) = 15.0753.
        var (low, high) = MetricMath.NpsInterval(50, 20, 100)!.Value;
        Assert.Equal(30.0, MetricMath.Nps(50, 20, 100));
        Assert.Equal(29.1262 - 15.0753, low, 3);
        Assert.Equal(29.1262 + 15.0753, high, 3);
    }

    [Fact]
    public void Nps_change_is_significant_only_beyond_1_96_standard_errors()
    {
        // 40 vs 30 at n = 200 each: V1 = 0.55 + 0.15 − 0.16 = 0.54, V2 = 0.50 + 0.20 − 0.09 = 0.61,
        // SE = 100·√(0.54/200 + 0.61/200) = 7.5829, z = 10/7.5829 = 1.3188 → not significant.
        var small = MetricMath.NpsChange(110, 30, 200, 100, 40, 200)!.Value;
        Assert.Equal(10.0, small.Difference, 9);
        Assert.Equal(1.3188, small.Z, 3);
        Assert.False(small.Significant);
        // Same shares at n = 1000 each: z = 2.949 → significant.
        Assert.True(MetricMath.NpsChange(550, 150, 1000, 500, 200, 1000)!.Value.Significant);
    }

    [Fact]
    public void Empty_cells_have_no_value_rather_than_zero()
    {
        Assert.Null(MetricMath.Nps(0, 0, 0));
        Assert.Null(MetricMath.Percent(0, 0));
        Assert.Null(DurationHistogram.Percentile(new long[DurationHistogram.Buckets], 0.5));
    }

    [Fact]
    public void Histogram_percentile_interpolates_inside_the_bucket()
    {
        var counts = new long[DurationHistogram.Buckets];
        counts[DurationHistogram.BucketOf(100)] = 10; // bucket [68.72, 109.95)
        var median = DurationHistogram.Percentile(counts, 0.5)!.Value;
        Assert.Equal(68.72 + (109.95 - 68.72) * 0.5, median, 1);
    }
}
