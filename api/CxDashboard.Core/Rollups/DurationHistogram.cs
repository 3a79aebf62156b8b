namespace CxDashboard.Core.Rollups;

/// <summary>
/// Fixed log-scale buckets for durations, so percentiles roll up exactly like counts do.
/// Bucket 0 is [0, 1) s; bucket k (1 … 26) is [1.6^(k−1), 1.6^k) s; bucket 27 is [1.6^26 s, ∞)
/// (about 2.3 days and more), except that a duration of exactly 1.6^k s, k = 2 … 6, is in bucket k (see
/// <see cref="MicrosecondEdges"/>). A percentile is interpolated linearly inside its bucket, so its error
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

    /// <summary>
    /// The bucket in SQL of a duration given as an interval (NULL stays NULL: no duration, no bucket). Until session 13
    /// this was <c>1 + floor(ln(seconds) / ln(1.6))</c> over <c>extract(epoch …)</c>, a numeric since PostgreSQL 14, and a
    /// numeric <c>ln</c> per row cost ~6 s per million interactions; now it is a binary search over the bucket edges in
    /// whole microseconds (<see cref="MicrosecondEdges"/>), exact and the same bucket for every duration as the numeric
    /// form (DurationBucketTests checks both at each edge and over the data).
    /// </summary>
    public static string SqlBucketOfInterval(string intervalExpr) =>
        $"width_bucket({intervalExpr}, '{{{string.Join(",", MicrosecondEdges().Select(us => $"\"{us} microseconds\""))}}}'::interval[])";

    /// <summary>The bucket in SQL of a whole number of seconds (an integer column), against <see cref="WholeSecondEdges"/>.</summary>
    public static string SqlBucketOfWholeSeconds(string secondsExpr) =>
        $"width_bucket({secondsExpr}, '{{{string.Join(",", WholeSecondEdges())}}}'::int[])";

    /// <summary>
    /// The first duration in microseconds of buckets 1 … 27, as the numeric form bucketed them: 1 s, 1.6 s, then one
    /// microsecond past each 1.6^k s (k = 2 … 26). A duration of exactly 1.6^k s (k = 2 … 6 have whole microseconds) went
    /// to bucket k, not k + 1: the numeric <c>ln(1.6^k) / ln(1.6)</c> comes out a hair under k (for k = 1 it is exactly 1).
    /// Kept that way so that no stored cell changes.
    /// </summary>
    public static IEnumerable<long> MicrosecondEdges() =>
        Enumerable.Range(0, Buckets - 1).Select(k => k switch { 0 => 1_000_000L, 1 => 1_600_000L, _ => (long)FloorPow16(k, 6) + 1 });

    /// <summary>The first whole second of buckets 1 … 27: 1, then the first integer past each 1.6^k (never an integer itself).</summary>
    public static IEnumerable<long> WholeSecondEdges() =>
        Enumerable.Range(0, Buckets - 1).Select(k => k == 0 ? 1L : (long)FloorPow16(k, 0) + 1);

    /// <summary>floor(1.6^k · 10^digits), exactly: 1.6^k = 16^k / 10^k.</summary>
    private static System.Numerics.BigInteger FloorPow16(int k, int digits) =>
        System.Numerics.BigInteger.Divide(System.Numerics.BigInteger.Pow(16, k) * System.Numerics.BigInteger.Pow(10, digits), System.Numerics.BigInteger.Pow(10, k));

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
