using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Core.Values;

/// <summary>How a metric's value is derived from cell statistics (DESIGN §6).</summary>
public enum ReadingShape
{
    /// <summary>NPS from promoter/detractor counts.</summary>
    Nps,
    /// <summary>A share in percent (numerator / denominator).</summary>
    Share,
    /// <summary>A mean of scores, with Σx and Σx².</summary>
    Mean,
    /// <summary>A duration: median from log-scale histogram buckets, plus p90 and mean.</summary>
    Duration,
}

/// <summary>
/// One metric read from one cell: the displayed value, n, the 95% interval where defined, and the
/// raw statistics needed to test a change against another reading.
/// </summary>
public sealed record MetricReading(string Metric, ReadingShape Shape, double? Value, long N, double? Low, double? High)
{
    /// <summary>Promoters / detractors (NPS), numerator (shares), Σx and Σx² (means).</summary>
    internal (double A, double B) Raw { get; init; }

    /// <summary>90th percentile (durations only).</summary>
    public double? P90 { get; init; }

    /// <summary>Arithmetic mean (durations and means).</summary>
    public double? Mean { get; init; }

    /// <summary>Which statistics each metric reads; unknown codes are refused.</summary>
    public static MetricReading Read(string metric, CellStats s) => metric switch
    {
        "nps" => Nps(metric, s.Count("promoters"), s.Count("detractors"), s.Count("nps_n")),
        "csat" => Share(metric, s.Count("csat_top2"), s.Count("csat_n")),
        "ces_agree" => Share(metric, s.Count("ces_agree"), s.Count("ces_n")),
        "fcr" => Share(metric, s.Count("fcr_num"), s.Count("fcr_den")),
        "repeat_rate" => Share(metric, s.Count("repeat_num"), s.Count("repeat_den")),
        "sla" => Share(metric, s.Count("sla_num"), s.Count("sla_den")),
        "transfer_rate" => Share(metric, s.Count("transfer_num"), s.Count("contacts")),
        "channel_switch" => Share(metric, s.Count("switch_num"), s.Count("contacts")),
        "abandonment" => Share(metric, s.Count("abandon_num"), s.Count("contacts")),
        "containment" => Share(metric, s.Count("ss_contained"), s.Count("ss_started")),
        "csat_mean" => MeanOf(metric, s["csat_sum"], s["csat_sum_sq"], s.Count("csat_n")),
        "ces" => MeanOf(metric, s["ces_sum"], s["ces_sum_sq"], s.Count("ces_n")),
        "response_time" => Duration(metric, s.Histogram("rt"), s["rt_sum"], s.Count("rt_n")),
        "handle_time" => Duration(metric, s.Histogram("ht"), s["ht_sum"], s.Count("ht_n")),
        _ => throw new ArgumentException($"unknown metric '{metric}'"),
    };

    /// <summary>
    /// The column groups <see cref="Read"/> touches for <paramref name="metric"/>, so a reader that knows its
    /// metrics can leave the rest of a cell unread. Unknown codes read everything.
    /// </summary>
    public static CellColumnGroup GroupsOf(string metric) => metric switch
    {
        "nps" or "csat" or "ces_agree" or "csat_mean" or "ces" => CellColumnGroup.Responses,
        "fcr" or "repeat_rate" or "sla" or "transfer_rate" or "channel_switch" or "abandonment" or "containment" => CellColumnGroup.Interactions,
        "response_time" => CellColumnGroup.ResponseTime,
        "handle_time" => CellColumnGroup.HandleTime,
        _ => CellColumnGroup.Responses | CellColumnGroup.Interactions | CellColumnGroup.ResponseTime | CellColumnGroup.HandleTime,
    };

    public static bool IsKnown(string metric) => MetricCatalogue.All.Any(m => m.Code == metric);

    /// <summary>
    /// This reading minus <paramref name="other"/>, with the test of DESIGN §6: z on the NPS variance
    /// for NPS, two proportions for shares, Welch for means. Durations have no variance in the cells
    /// (only histograms), so their change carries no test.
    /// </summary>
    public ValueChange? ComparedWith(MetricReading other)
    {
        if (Value is not { } v1 || other.Value is not { } v2) return null;
        Change? test = Shape switch
        {
            ReadingShape.Nps => MetricMath.NpsChange((long)Raw.A, (long)Raw.B, N, (long)other.Raw.A, (long)other.Raw.B, other.N),
            ReadingShape.Share => MetricMath.PercentChange((long)Raw.A, N, (long)other.Raw.A, other.N),
            ReadingShape.Mean => MetricMath.MeanChange(Raw.A, Raw.B, N, other.Raw.A, other.Raw.B, other.N),
            _ => null,
        };
        return test is { } t
            ? new ValueChange(v1 - v2, t.Z, t.Significant) { Low = v1 - v2 - MetricMath.Z95 * t.StandardError, High = v1 - v2 + MetricMath.Z95 * t.StandardError }
            : new ValueChange(v1 - v2, null, null);
    }

    private static MetricReading Nps(string metric, long p, long d, long n)
    {
        var e = MetricMath.NpsEstimate(p, d, n);
        return new MetricReading(metric, ReadingShape.Nps, e.Value, n, e.Low, e.High) { Raw = (p, d) };
    }

    private static MetricReading Share(string metric, long num, long den)
    {
        var ci = MetricMath.PercentInterval(num, den);
        return new MetricReading(metric, ReadingShape.Share, MetricMath.Percent(num, den), den, ci?.Low, ci?.High) { Raw = (num, 0) };
    }

    private static MetricReading MeanOf(string metric, double sum, double sumSq, long n)
    {
        var ci = MetricMath.MeanInterval(sum, sumSq, n);
        var mean = MetricMath.Mean(sum, n);
        return new MetricReading(metric, ReadingShape.Mean, mean, n, ci?.Low, ci?.High) { Raw = (sum, sumSq), Mean = mean };
    }

    private static MetricReading Duration(string metric, long[] histogram, double sum, long n) =>
        new(metric, ReadingShape.Duration, DurationHistogram.Percentile(histogram, 0.5), n, null, null)
        {
            P90 = DurationHistogram.Percentile(histogram, 0.9),
            Mean = MetricMath.Mean(sum, n),
        };
}

/// <summary>A difference between two readings; <see cref="Z"/>, <see cref="Significant"/> and the interval are null when no test applies.</summary>
public sealed record ValueChange(double Difference, double? Z, bool? Significant)
{
    /// <summary>95% interval of the difference: difference ± 1.96 · its standard error.</summary>
    public double? Low { get; init; }

    public double? High { get; init; }
}
