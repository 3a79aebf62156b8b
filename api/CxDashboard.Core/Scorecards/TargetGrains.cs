using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>The grains a KPI target (and so a scorecard) can have: <c>month</c>, <c>quarter</c>, <c>year</c>.</summary>
public static class TargetGrains
{
    public static readonly string[] All = ["month", "quarter", "year"];

    public static bool IsTargetGrain(string grain) => Array.IndexOf(All, grain) >= 0;

    /// <summary>Whether <paramref name="start"/> is the first day of a period of <paramref name="grain"/>.</summary>
    public static bool IsAligned(string grain, DateOnly start) => IsTargetGrain(grain) && Period.Of(grain, start).First == start;
}
