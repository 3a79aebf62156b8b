namespace CxDashboard.Core.Metrics;

/// <summary>A value with its sample size and, where defined, a 95% interval.</summary>
public readonly record struct Estimate(double? Value, long N, double? Low = null, double? High = null);

/// <summary>A two-sample comparison: the difference, its z statistic, and whether |z| &gt; 1.96.</summary>
public readonly record struct Change(double Difference, double Z, bool Significant)
{
    /// <summary>The difference's standard error (0 when both samples have no spread), for its 95% interval.</summary>
    public double StandardError { get; init; }
}

/// <summary>
/// The exact metric math of DESIGN §6, on pooled counts — never on averages of child values.
/// </summary>
public static class MetricMath
{
    public const double Z95 = 1.96;

    /// <summary>NPS = 100·(P − D)/N on the raw counts.</summary>
    public static double? Nps(long promoters, long detractors, long n) => n == 0 ? null : 100.0 * (promoters - detractors) / n;

    /// <summary>
    /// Adjusted-Wald 95% interval: N′ = N + 3, P′ = P + ¾, D′ = D + ¾, centre 100·(p − d),
    /// half-width 1.96·100·√((p + d − (p − d)²)/N′). The displayed NPS stays the raw one.
    /// </summary>
    public static (double Low, double High)? NpsInterval(long promoters, long detractors, long n)
    {
        if (n == 0) return null;
        var nAdj = n + 3.0;
        var p = (promoters + 0.75) / nAdj;
        var d = (detractors + 0.75) / nAdj;
        var centre = 100 * (p - d);
        var half = Z95 * 100 * Math.Sqrt((p + d - (p - d) * (p - d)) / nAdj);
        return (centre - half, centre + half);
    }

    public static Estimate NpsEstimate(long promoters, long detractors, long n)
    {
        var ci = NpsInterval(promoters, detractors, n);
        return new Estimate(Nps(promoters, detractors, n), n, ci?.Low, ci?.High);
    }

    /// <summary>z for the difference of two NPS values, with V = p + d − (p − d)² from the raw shares.</summary>
    public static Change? NpsChange(long p1, long d1, long n1, long p2, long d2, long n2)
    {
        if (n1 == 0 || n2 == 0) return null;
        double V(long p, long d, long n) { var a = (double)p / n; var b = (double)d / n; return a + b - (a - b) * (a - b); }
        var diff = Nps(p1, d1, n1)!.Value - Nps(p2, d2, n2)!.Value;
        var se = 100 * Math.Sqrt(V(p1, d1, n1) / n1 + V(p2, d2, n2) / n2);
        return Compare(diff, se);
    }

    /// <summary>A share in percent (CSAT top-2, FCR, SLA, …).</summary>
    public static double? Percent(long numerator, long denominator) => denominator == 0 ? null : 100.0 * numerator / denominator;

    /// <summary>Wilson 95% interval for a share, in percent.</summary>
    public static (double Low, double High)? PercentInterval(long numerator, long denominator)
    {
        if (denominator == 0) return null;
        double n = denominator, p = numerator / n, z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (100 * (centre - half), 100 * (centre + half));
    }

    /// <summary>Two-proportion z test on shares (pooled variance), difference in percentage points.</summary>
    public static Change? PercentChange(long x1, long n1, long x2, long n2)
    {
        if (n1 == 0 || n2 == 0) return null;
        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = 100 * Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return Compare(100 * (p1 - p2), se);
    }

    public static double? Mean(double sum, long n) => n == 0 ? null : sum / n;

    /// <summary>Sample variance from n, Σx and Σx².</summary>
    public static double? Variance(double sum, double sumSq, long n) => n < 2 ? null : Math.Max(0, (sumSq - sum * sum / n) / (n - 1));

    /// <summary>95% interval of a mean (normal approximation).</summary>
    public static (double Low, double High)? MeanInterval(double sum, double sumSq, long n)
    {
        if (Variance(sum, sumSq, n) is not { } v) return null;
        var mean = sum / n;
        var half = Z95 * Math.Sqrt(v / n);
        return (mean - half, mean + half);
    }

    /// <summary>Welch's test for a difference of means.</summary>
    public static Change? MeanChange(double sum1, double sumSq1, long n1, double sum2, double sumSq2, long n2)
    {
        if (Variance(sum1, sumSq1, n1) is not { } v1 || Variance(sum2, sumSq2, n2) is not { } v2) return null;
        return Compare(sum1 / n1 - sum2 / n2, Math.Sqrt(v1 / n1 + v2 / n2));
    }

    private static Change Compare(double diff, double se) =>
        (se == 0 ? new Change(diff, diff == 0 ? 0 : double.PositiveInfinity * Math.Sign(diff), diff != 0) : new Change(diff, diff / se, Math.Abs(diff / se) > Z95))
            with { StandardError = se };
}
