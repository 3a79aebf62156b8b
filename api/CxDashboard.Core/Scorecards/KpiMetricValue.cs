using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// A metric's displayed value and sample size from one cell's statistics (DESIGN §6): ratios from
/// pooled counts, NPS from promoter/detractor counts, durations as the histogram median.
/// </summary>
public static class KpiMetricValue
{
    public static (double? Value, long N) Of(string metric, CellStats s) => metric switch
    {
        "nps" => (MetricMath.Nps(s.Count("promoters"), s.Count("detractors"), s.Count("nps_n")), s.Count("nps_n")),
        "csat" => Ratio(s, "csat_top2", "csat_n"),
        "csat_mean" => (MetricMath.Mean(s["csat_sum"], s.Count("csat_n")), s.Count("csat_n")),
        "ces" => (MetricMath.Mean(s["ces_sum"], s.Count("ces_n")), s.Count("ces_n")),
        "ces_agree" => Ratio(s, "ces_agree", "ces_n"),
        "fcr" => Ratio(s, "fcr_num", "fcr_den"),
        "repeat_rate" => Ratio(s, "repeat_num", "repeat_den"),
        "sla" => Ratio(s, "sla_num", "sla_den"),
        "transfer_rate" => Ratio(s, "transfer_num", "contacts"),
        "channel_switch" => Ratio(s, "switch_num", "contacts"),
        "abandonment" => Ratio(s, "abandon_num", "contacts"),
        "containment" => Ratio(s, "ss_contained", "ss_started"),
        "response_time" => (DurationHistogram.Percentile(s.Histogram("rt"), 0.5), s.Count("rt_n")),
        "handle_time" => (DurationHistogram.Percentile(s.Histogram("ht"), 0.5), s.Count("ht_n")),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    /// <summary>
    /// Whether a parent's value is exactly the n-weighted combination of its parts' values — true for
    /// shares, NPS (linear in the promoter and detractor shares) and means; not for medians.
    /// </summary>
    public static bool IsVolumeWeighted(string metric) => metric is not ("response_time" or "handle_time");

    private static (double?, long) Ratio(CellStats s, string num, string den) => (MetricMath.Percent(s.Count(num), s.Count(den)), s.Count(den));
}
