namespace CxDashboard.Core.DemoData;

/// <summary>
/// The structure the demo data carries, as exact probabilities. Within one unit and month every
/// effect below is exact in expectation (process conditions are drawn independently there), so the
/// driver analysis can be checked against these numbers. README lists them.
/// </summary>
public static class PlantedEffects
{
    // CSAT: P(score 4–5) = base + FCR·ResolvedFirstContact − SlaBreach·breached − Transfer·transferred − Season·winter
    public const double CsatTop2Base = 0.58;
    public const double CsatTop2Fcr = 0.20;
    public const double CsatTop2SlaBreach = 0.12;
    public const double CsatTop2Transfer = 0.08;
    public const double CsatTop2Winter = 0.04;

    // NPS: P(promoter 9–10) and P(detractor 0–6); the NPS effect of a condition is 100·(Δpromoter − Δdetractor).
    public const double PromoterBase = 0.40, PromoterFcr = 0.18, PromoterSlaBreach = 0.10, PromoterWinter = 0.05;
    public const double DetractorBase = 0.30, DetractorFcr = 0.15, DetractorSlaBreach = 0.10, DetractorWinter = 0.05;

    /// <summary>+33 NPS points when resolved at first contact.</summary>
    public const double NpsFcrEffect = 100 * (PromoterFcr + DetractorFcr);

    /// <summary>−20 NPS points when the first response misses the SLA target.</summary>
    public const double NpsSlaBreachEffect = -100 * (PromoterSlaBreach + DetractorSlaBreach);

    // CES: P(agree 5–7) = base + FCR·fcr − Switch·switched − Transfer·transferred
    public const double CesAgreeBase = 0.62, CesAgreeFcr = 0.10, CesAgreeSwitch = 0.25, CesAgreeTransfer = 0.15;

    // Process rates, per unit quality q (−1 … +1) and winter (December, January).
    public const double FcrBase = 0.72, FcrPerQuality = 0.08, FcrWinter = 0.04;
    public const double ResponseMedianShareOfSla = 0.6, ResponsePerQuality = 0.35, ResponseWinterSlowdown = 0.5, ResponseSigma = 0.9;
    public const double TransferBase = 0.15, TransferPerQuality = 0.05;
    public const double RepeatIfResolved = 0.08, RepeatIfNotResolved = 0.35;
    public const double SwitchBase = 0.06, SwitchIfNotResolved = 0.15;
    public const double ContainmentBase = 0.60, ContainmentPerQuality = 0.10;
    public const double AbandonBase = 0.04, AbandonWinter = 0.03, AbandonPerQuality = 0.02;

    /// <summary>Share of responses linked to a stored interaction (drivers measurable on those).</summary>
    public const double LinkedShare = 0.8;

    /// <summary>December and January carry the seasonal dip (and +20% volume in December).</summary>
    public static bool IsWinter(int month) => month is 12 or 1;

    public static int SlaTargetSeconds(string channel) => channel switch
    {
        "phone" or "ivr" => 60,
        "chat" => 120,
        "app" => 300,
        "store" => 600,
        "social" => 3600,
        _ => 14400, // email
    };

    public static int HandleMedianSeconds(string channel) => channel switch
    {
        "phone" => 420, "chat" => 600, "email" => 300, "store" => 480, "social" => 240, "ivr" => 90, _ => 300,
    };
}
