namespace CxDashboard.Core.Privacy;

/// <summary>
/// The count each metric's n is: metrics sharing one (csat and csat_mean, the three contact ratios) share one
/// suppression pattern, because suppressing one of them and publishing the other would publish the same counts.
/// </summary>
public static class FloorBasis
{
    /// <summary>Rollup cell columns that are the n of some metric, in a fixed order.</summary>
    public static readonly string[] Columns = ["nps_n", "csat_n", "ces_n", "fcr_den", "repeat_den", "sla_den", "contacts", "ss_started", "rt_n", "ht_n"];

    /// <summary>The index into <see cref="Columns"/> of a metric's n.</summary>
    public static int Of(string metric) => metric switch
    {
        "nps" => 0,
        "csat" or "csat_mean" => 1,
        "ces" or "ces_agree" => 2,
        "fcr" => 3,
        "repeat_rate" => 4,
        "sla" => 5,
        "transfer_rate" or "channel_switch" or "abandonment" => 6,
        "containment" => 7,
        "response_time" => 8,
        "handle_time" => 9,
        _ => throw new ArgumentException($"unknown metric '{metric}'"),
    };
}
