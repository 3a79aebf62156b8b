using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>The values a metric can take in display units, for checking targets and check-in values.</summary>
internal static class MetricValueRange
{
    public static (decimal Min, decimal Max) Of(Metric m) => m.Unit switch
    {
        "score" => (-100m, 100m),
        "percent" => (0m, 100m),
        "mean" => (m.ScaleMin ?? 0, m.ScaleMax ?? 10),
        _ => (0m, 30m * 86400m), // seconds: up to 30 days
    };

    public static string Describe(Metric m)
    {
        var (min, max) = Of(m);
        return $"{m.Code} ({m.Unit}) takes values from {min} to {max}";
    }
}
