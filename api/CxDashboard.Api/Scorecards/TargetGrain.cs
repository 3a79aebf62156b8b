namespace CxDashboard.Api.Scorecards;

/// <summary>The periods a KPI target (and so a scorecard) is set for.</summary>
public enum TargetGrain
{
    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar quarter.</summary>
    Quarter,

    /// <summary>A calendar year.</summary>
    Year,
}

internal static class TargetGrainNames
{
    /// <summary>The stored grain (kpi_target.grain) of an API grain.</summary>
    public static string Name(TargetGrain grain) => grain.ToString().ToLowerInvariant();

    public static TargetGrain Of(string grain) => grain switch
    {
        "month" => TargetGrain.Month,
        "quarter" => TargetGrain.Quarter,
        "year" => TargetGrain.Year,
        _ => throw new InvalidOperationException($"Unknown target grain '{grain}'."),
    };
}
