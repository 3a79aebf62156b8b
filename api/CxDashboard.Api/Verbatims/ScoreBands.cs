namespace CxDashboard.Api.Verbatims;

/// <summary>An NPS answer's band (what callers under the privacy floor see instead of the score).</summary>
public enum NpsBand
{
    /// <summary>9–10.</summary>
    Promoter,

    /// <summary>7–8.</summary>
    Passive,

    /// <summary>0–6.</summary>
    Detractor,
}

/// <summary>A CSAT answer's band.</summary>
public enum CsatBand
{
    /// <summary>4–5.</summary>
    Satisfied,

    /// <summary>3.</summary>
    Neutral,

    /// <summary>1–2.</summary>
    Dissatisfied,
}

/// <summary>A CES answer's band.</summary>
public enum CesBand
{
    /// <summary>5–7.</summary>
    Easy,

    /// <summary>4.</summary>
    Neutral,

    /// <summary>1–3.</summary>
    Hard,
}

/// <summary>The bands Core names in lower case (VerbatimQuery), as API enums.</summary>
public static class ScoreBands
{
    public static NpsBand? Nps(string? band) => band is null ? null : Enum.Parse<NpsBand>(band, ignoreCase: true);

    public static CsatBand? Csat(string? band) => band is null ? null : Enum.Parse<CsatBand>(band, ignoreCase: true);

    public static CesBand? Ces(string? band) => band is null ? null : Enum.Parse<CesBand>(band, ignoreCase: true);
}
