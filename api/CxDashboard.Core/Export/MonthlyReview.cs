using CxDashboard.Core.Drivers;
using CxDashboard.Core.Scorecards;

namespace CxDashboard.Core.Export;

/// <summary>
/// Everything a monthly review workbook shows, already read through the caller's scope gate: the
/// workbook writer only lays it out, it reads nothing itself (so it cannot see more than the caller).
/// </summary>
public sealed record MonthlyReview(
    ReviewHeader Header,
    IReadOnlyList<SummaryLine> Summary,
    double? Score,
    IReadOnlyList<Period> TrendMonths,
    IReadOnlyList<ReviewUnit> Units,
    DriverAnalysis? Drivers,
    IReadOnlyList<LeagueLine> League);

public sealed record ReviewHeader(
    string UnitCode, string UnitName, Period Month, DateTimeOffset? DataAsOf, string Caller, DateTimeOffset GeneratedAt, bool PrivacyFloor);

/// <summary>A value as the caller may see it; <see cref="Value"/> is null when empty or suppressed.</summary>
public sealed record ReviewValue(double? Value, long N, bool Suppressed, bool LowConfidence, long? Numerator, long? Detractors)
{
    public static readonly ReviewValue None = new(null, 0, false, false, null, null);

    public static ReviewValue Of(MetricValue v) =>
        new(v.N > 0 ? v.Value : null, v.N, v.Suppressed, v.N > 0 && v.LowConfidence, v.Numerator, v.Detractors);
}

/// <summary>One KPI line of the Summary sheet.</summary>
public sealed record SummaryLine(
    string Name, string Metric, string MetricUnit, string? Slice, bool Shared, double Weight,
    double? Actual, double? Target, double? Attainment, KpiStatus Status,
    double? Change, bool? Significant, long N, bool LowConfidence, bool Suppressed,
    IReadOnlyList<double?> Trend, IReadOnlyList<double?> TrendTargets);

/// <summary>A unit of the reviewed subtree (the reviewed unit itself at level 0), with its values by metric code.</summary>
public sealed record ReviewUnit(int Level, string Code, string Name, string Kind,
    IReadOnlyDictionary<string, ReviewValue> Values, IReadOnlyDictionary<string, KpiStatus> Statuses);

public sealed record LeagueLine(int? Rank, string Code, string Name, ReviewValue Nps, ReviewValue Csat, ReviewValue Fcr);

/// <summary>Metric groups of the review's sheets.</summary>
public static class ReviewMetrics
{
    /// <summary>Shown per unit on the Cascade sheet, with their KPI status.</summary>
    public static readonly string[] Main = ["nps", "csat", "fcr"];

    public static readonly string[] Outcomes = ["nps", "csat", "ces_agree"];

    public static readonly string[] Process = ["fcr", "repeat_rate", "sla", "response_time", "transfer_rate", "containment"];

    /// <summary>Count-based metrics whose value the Data sheet recomputes with formulas.</summary>
    public static readonly string[] Counted = ["nps", "csat", "ces_agree", "fcr", "repeat_rate", "sla", "transfer_rate", "channel_switch", "abandonment", "containment"];

    public static readonly string[] All = [.. Counted, "response_time"];
}
