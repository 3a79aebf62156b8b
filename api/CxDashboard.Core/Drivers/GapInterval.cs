using CxDashboard.Core.Metrics;

namespace CxDashboard.Core.Drivers;

/// <summary>
/// 95% intervals of the difference between two independent groups (DESIGN §6), on the 0–100 scale.
/// The gap itself is the raw difference; the interval uses adjusted counts so it keeps its coverage
/// in the small groups a department-month gives (a raw Wald interval collapses to zero width at 0% or
/// 100% and misses far more than 5% of the time there):
/// shares by Agresti–Caffo (one success and one failure added to each group), NPS by the adjusted
/// Wald of DESIGN §6 per group (N + 3, P + ¾, D + ¾) with variance V = p + d − (p − d)².
/// </summary>
public static class GapInterval
{
    public static (double Gap, double Low, double High)? Percent(long x1, long n1, long x2, long n2)
    {
        if (n1 == 0 || n2 == 0) return null;
        double a1 = (x1 + 1.0) / (n1 + 2), a2 = (x2 + 1.0) / (n2 + 2);
        var se = 100 * Math.Sqrt(a1 * (1 - a1) / (n1 + 2) + a2 * (1 - a2) / (n2 + 2));
        return (100.0 * x1 / n1 - 100.0 * x2 / n2, 100 * (a1 - a2) - MetricMath.Z95 * se, 100 * (a1 - a2) + MetricMath.Z95 * se);
    }

    public static (double Gap, double Low, double High)? Nps(long p1, long d1, long n1, long p2, long d2, long n2)
    {
        if (n1 == 0 || n2 == 0) return null;
        static (double Centre, double Var) Adjusted(long p, long d, long n)
        {
            var nAdj = n + 3.0;
            double a = (p + 0.75) / nAdj, b = (d + 0.75) / nAdj;
            return (100 * (a - b), (a + b - (a - b) * (a - b)) / nAdj);
        }
        var (c1, v1) = Adjusted(p1, d1, n1);
        var (c2, v2) = Adjusted(p2, d2, n2);
        var half = MetricMath.Z95 * 100 * Math.Sqrt(v1 + v2);
        var gap = MetricMath.Nps(p1, d1, n1)!.Value - MetricMath.Nps(p2, d2, n2)!.Value;
        return (gap, c1 - c2 - half, c1 - c2 + half);
    }
}
