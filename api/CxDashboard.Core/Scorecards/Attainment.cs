using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// Actual against target in the metric's direction (DESIGN §7), as a percentage of target
/// (100 = exactly on target, above 100 = better than target).
/// </summary>
public static class Attainment
{
    /// <summary>The attainment reported for a zero actual of a lower-is-better metric against a positive target.</summary>
    public const double ZeroActualCap = 200;

    /// <summary>
    /// Higher-is-better: actual / target; lower-is-better: target / actual. NPS (unit <c>score</c>,
    /// −100…100) is shifted onto 0…200 first, so a ratio of positive numbers stays meaningful around
    /// zero (NPS 27 against 30 is 127 / 130 = 97.7%). Undefined (null) without both numbers or on a
    /// non-positive denominator.
    /// </summary>
    public static double? Percent(double? actual, double? target, string direction, string unit)
    {
        if (actual is not { } a || target is not { } t) return null;
        if (unit == "score")
        {
            a += 100;
            t += 100;
        }
        var (num, den) = direction == "lower" ? (t, a) : (a, t);
        if (num < 0) return null;
        // A lower-is-better actual of exactly zero (no repeats at all) beats any positive target.
        if (den == 0) return num > 0 ? ZeroActualCap : null;
        return den < 0 ? null : 100 * num / den;
    }

    /// <summary>Actual − target turned so that positive is better than target.</summary>
    public static double? Gap(double? actual, double? target, string direction) =>
        actual is { } a && target is { } t ? (direction == "lower" ? t - a : a - t) : null;
}
