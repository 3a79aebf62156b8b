using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;
using CxDashboard.Core.Scorecards;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// Scorecard reads leave the column groups a KPI's metric does not read unread (0). That is only right if
/// <see cref="MetricReading.GroupsOf"/> names every group <see cref="MetricReading.Read"/> touches.
/// </summary>
public sealed class MetricGroupsTests
{
    [Fact]
    public void Every_metric_reads_the_same_from_a_cell_holding_only_its_column_groups()
    {
        var random = new Random(7);
        var full = new double[CellStats.Width];
        for (var i = 0; i < full.Length; i++) full[i] = random.Next(1, 500);
        full[Array.FindIndex(CellColumns.All, c => c.Name == "nps_n")] = 2000; // n ≥ promoters + detractors

        // The loop below only proves something for the metrics it visits: the 14 of DESIGN §6, by name.
        Assert.Equal(
            ["abandonment", "ces", "ces_agree", "channel_switch", "containment", "csat", "csat_mean", "fcr", "handle_time", "nps",
             "repeat_rate", "response_time", "sla", "transfer_rate"],
            MetricCatalogue.All.Select(m => m.Code).Order());
        foreach (var metric in MetricCatalogue.All.Select(m => m.Code))
        {
            var groups = MetricReading.GroupsOf(metric);
            var kept = full.Select((v, i) => (CellColumns.Groups[i] & groups) != 0 ? v : 0).ToArray();
            var expected = MetricReading.Read(metric, new CellStats(full));
            var actual = MetricReading.Read(metric, new CellStats(kept));
            Assert.True(expected.Value is not null, $"{metric} has a value from the full cell");
            Assert.Equal((metric, expected.Value, expected.N, expected.Low, expected.High, expected.P90, expected.Mean),
                (metric, actual.Value, actual.N, actual.Low, actual.High, actual.P90, actual.Mean));
        }
    }

    [Fact]
    public void Only_the_duration_metrics_read_the_duration_columns()
    {
        const CellColumnGroup durations = CellColumnGroup.ResponseTime | CellColumnGroup.HandleTime;
        var readers = MetricCatalogue.All.Where(m => (MetricReading.GroupsOf(m.Code) & durations) != 0).Select(m => m.Code);
        Assert.Equal(["handle_time", "response_time"], readers.Order());
        // Per duration (response, handle): 28 histogram buckets — [0, 1) s, 26 buckets of ×1.6 from 1 s up to
        // 1.6^26 s ≈ 2.35 days, and one for anything longer — plus its n and its sum: 2 × (28 + 2) = 60 columns.
        Assert.Equal(60, CellColumns.Groups.Count(g => (g & durations) != 0));
    }
}
