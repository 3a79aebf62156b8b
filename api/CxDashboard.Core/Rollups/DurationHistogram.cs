namespace CxDashboard.Core.Rollups;

/// <summary>
/// Fixed log-scale buckets for durations, so percentiles roll up exactly like counts do.
/// Bucket 0 is [0, 1) s; bucket k (1 … 26) is [1.6^(k−1), 1.6^k) s; bucket 27 is [1.6^26 s, ∞)
/// (about 2.4 days and more). A percentile is interpolated linearly inside its bucket, so its error
/// is at most the bucket's width (60% of its lower edge).
/// </summary>
public static class DurationHistogram
{
    public const int Buckets = 28;
    public const double Factor = 1.6;

    public static double LowerEdge(int k) => k == 0 ? 0 : Math.Pow(Factor, k - 1);

    public static double UpperEdge(int k) => k >= Buckets - 1 ? double.PositiveInfinity : Math.Pow(Factor, k);

    public static int BucketOf(double seconds) =>
        seconds < 1 ? 0 : Math.Min(Buckets - 1, 1 + (int)Math.Floor(Math.Log(seconds) / Math.Log(Factor)));

    /// <summary>The same bucket function in SQL, for an expression in seconds; NULL stays NULL (no duration, no bucket).</summary>
    public static string SqlBucket(string secondsExpr) =>
        $"CASE WHEN {secondsExpr} IS NULL THEN NULL WHEN {secondsExpr} < 1 THEN 0 " +
        $"ELSE LEAST({Buckets - 1}, 1 + floor(ln({secondsExpr}) / ln({Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)}))::int) END";

    /// <summary>The q-quantile (0 &lt; q &lt; 1) interpolated within its bucket; null without data.</summary>
    public static double? Percentile(IReadOnlyList<long> counts, double q)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return null;
        var rank = q * total;
        long before = 0;
        for (var k = 0; k < counts.Count; k++)
        {
            if (counts[k] == 0) continue;
            if (before + counts[k] >= rank)
            {
                var lo = LowerEdge(k);
                var hi = double.IsInfinity(UpperEdge(k)) ? lo * Factor : UpperEdge(k);
                return lo + (hi - lo) * ((rank - before) / counts[k]);
            }
            before += counts[k];
        }
        return LowerEdge(counts.Count - 1);
    }
}
