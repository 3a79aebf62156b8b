using CxDashboard.Core.Facts;
using static CxDashboard.Core.DemoData.PlantedEffects;

namespace CxDashboard.Core.DemoData;

/// <summary>
/// Generates the facts of one leaf unit for one month. Deterministic: the PRNG stream is derived
/// from (seed, leaf index, month index), so leaf-months can be generated in any order or in parallel.
/// </summary>
public sealed class FactGenerator(ulong seed)
{
    private static readonly double[] StageWeights = [0.05, 0.15, 0.10, 0.25, 0.35, 0.10];
    private static readonly string[] Segments = ["consumer", "small_business", "enterprise", "premium"];
    private static readonly double[] SegmentWeights = [0.60, 0.20, 0.10, 0.10];
    private static readonly string[][] Touchpoints =
    [
        ["advert", "website visit"], ["checkout", "quote"], ["account setup", "welcome call"],
        ["app login", "product use"], ["billing", "delivery", "repair", "complaint"], ["contract renewal", "upgrade"],
    ];
    private static readonly string[] DetractorComments =
    [
        "Waited far too long to get an answer.", "I had to explain my problem three times.",
        "Transferred between departments with no result.", "Still not resolved after two calls.",
        "The app kept failing so I had to phone.", "Delivery was late and nobody told me.",
    ];
    private static readonly string[] PassiveComments = ["It was fine, nothing special.", "Sorted in the end, took a while.", "OK service."];
    private static readonly string[] PromoterComments =
    [
        "Sorted on the first call, thank you!", "Quick and friendly help.", "Very easy, the app did everything.",
        "The agent really knew the product.", "Fast delivery and clear updates.",
    ];

    public LeafMonthBatch Generate(int leafIndex, DemoUnit leaf, long unitId, DateOnly month, int monthIndex,
        double meanInteractions, double linkProbability, double meanUnlinkedResponses)
    {
        var rng = new Prng(seed, (ulong)leafIndex, (ulong)monthIndex);
        var batch = new LeafMonthBatch();
        var winter = IsWinter(month.Month) ? 1.0 : 0.0;
        var monthStart = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var seconds = (monthStart.AddMonths(1) - monthStart).TotalSeconds;
        var prefix = $"{leaf.Code}-{month:yyyyMM}";
        var customers = Math.Max(20, (int)(meanInteractions / 3));

        var nInteractions = rng.Count(meanInteractions);
        for (var i = 0; i < nInteractions; i++)
        {
            var opened = monthStart.AddSeconds(Math.Floor(rng.NextDouble() * seconds));
            var c = Drivers(ref rng, leaf, winter);
            var id = $"I-{prefix}-{i:D6}";
            var responseSeconds = c.Abandoned ? (double?)null : c.ResponseSeconds;
            var firstResponse = responseSeconds is { } rs ? opened.AddSeconds(Math.Round(rs)) : (DateTime?)null;
            var closed = c.Abandoned ? opened.AddSeconds(30 + rng.Next(240)) : (firstResponse ?? opened).AddSeconds(c.HandleSeconds ?? 0);
            batch.Interactions.Add(new InteractionRow(
                id, $"C-{leafIndex}-{rng.Next(customers)}", opened, firstResponse, closed, unitId, c.Channel, c.Stage, c.Segment,
                c.HandleSeconds, c.Abandoned ? null : c.Resolved, c.Transfers, c.Abandoned ? null : c.Repeat,
                c.Escalated, c.Contained, c.Switched, c.Abandoned, c.SlaTarget));

            if (rng.Chance(linkProbability))
            {
                batch.Responses.Add(Respond(ref rng, $"R-{prefix}-{i:D6}", closed, unitId, c, winter, id, monthStart));
            }
        }

        var nUnlinked = rng.Count(meanUnlinkedResponses);
        for (var j = 0; j < nUnlinked; j++)
        {
            var at = monthStart.AddSeconds(Math.Floor(rng.NextDouble() * seconds));
            var c = Drivers(ref rng, leaf, winter);
            batch.Responses.Add(Respond(ref rng, $"R-{prefix}-U{j:D6}", at, unitId, c, winter, null, monthStart));
        }
        return batch;
    }

    private struct Conditions
    {
        public string Channel, Stage, Segment;
        public bool Resolved, Breached, Switched, Abandoned, Escalated, Repeat;
        public bool? Contained;
        public short Transfers;
        public int? HandleSeconds;
        public int SlaTarget;
        public double ResponseSeconds;
    }

    private static Conditions Drivers(ref Prng rng, DemoUnit leaf, double winter)
    {
        var q = leaf.Quality;
        var c = new Conditions
        {
            Channel = Dimensions.Channels[rng.Pick(leaf.ChannelMix)],
            Stage = Dimensions.JourneyStages[rng.Pick(StageWeights)],
            Segment = Segments[rng.Pick(SegmentWeights)],
        };
        c.SlaTarget = SlaTargetSeconds(c.Channel);
        var median = c.SlaTarget * ResponseMedianShareOfSla * Math.Exp(-ResponsePerQuality * q) * (1 + ResponseWinterSlowdown * winter);
        c.ResponseSeconds = Math.Max(1, median * Math.Exp(ResponseSigma * rng.Normal()));
        c.Abandoned = c.Channel is "phone" or "ivr" or "chat" && rng.Chance(Clamp(AbandonBase + AbandonWinter * winter - AbandonPerQuality * q));
        c.Breached = c.Abandoned || c.ResponseSeconds > c.SlaTarget;
        c.Resolved = !c.Abandoned && rng.Chance(Clamp(FcrBase + FcrPerQuality * q - FcrWinter * winter));
        c.Transfers = rng.Chance(Clamp(TransferBase - TransferPerQuality * q)) ? (short)(1 + rng.Next(2)) : (short)0;
        c.Repeat = rng.Chance(c.Resolved ? RepeatIfResolved : RepeatIfNotResolved);
        c.Switched = rng.Chance(SwitchBase + (c.Resolved ? 0 : SwitchIfNotResolved));
        c.Contained = c.Channel == "app" ? rng.Chance(Clamp(ContainmentBase + ContainmentPerQuality * q)) : null;
        c.Escalated = c.Channel is "phone" or "chat" && rng.Chance(0.10);
        c.HandleSeconds = c.Abandoned || c.Contained == true
            ? null
            : (int)Math.Round(HandleMedianSeconds(c.Channel) * Math.Exp(0.6 * rng.Normal()));
        return c;
    }

    private static ResponseRow Respond(ref Prng rng, string id, DateTime after, long unitId, Conditions c, double winter,
        string? interactionId, DateTime monthStart)
    {
        var fcr = c.Resolved ? 1.0 : 0.0;
        var breach = c.Breached ? 1.0 : 0.0;
        var transferred = c.Transfers > 0 ? 1.0 : 0.0;
        // Responses arrive within two days but stay in the interaction's month, so month cells keep their pairs.
        var respondedAt = after.AddMinutes(30 + rng.Next(2880));
        var monthEnd = monthStart.AddMonths(1).AddSeconds(-1);
        if (respondedAt > monthEnd) respondedAt = monthEnd;

        short? csat = null, nps = null, ces = null;
        if (rng.Chance(0.85))
        {
            var top2 = rng.Chance(Clamp(CsatTop2Base + CsatTop2Fcr * fcr - CsatTop2SlaBreach * breach - CsatTop2Transfer * transferred - CsatTop2Winter * winter));
            csat = top2 ? (short)(rng.Chance(0.55) ? 5 : 4) : (short)(3 - rng.Pick([0.5, 0.3, 0.2]));
        }
        string? band = null;
        if (rng.Chance(0.90))
        {
            var pPromoter = Clamp(PromoterBase + PromoterFcr * fcr - PromoterSlaBreach * breach - PromoterWinter * winter);
            var pDetractor = Clamp(DetractorBase - DetractorFcr * fcr + DetractorSlaBreach * breach + DetractorWinter * winter);
            var r = rng.NextDouble();
            if (r < pPromoter) { nps = (short)(9 + rng.Next(2)); band = "promoter"; }
            else if (r < pPromoter + pDetractor) { nps = (short)(6 - rng.Pick([0.35, 0.25, 0.15, 0.1, 0.07, 0.05, 0.03])); band = "detractor"; }
            else { nps = (short)(7 + rng.Next(2)); band = "passive"; }
        }
        if (rng.Chance(0.60))
        {
            var agree = rng.Chance(Clamp(CesAgreeBase + CesAgreeFcr * fcr - CesAgreeSwitch * (c.Switched ? 1 : 0) - CesAgreeTransfer * transferred));
            ces = agree ? (short)(5 + rng.Pick([0.4, 0.35, 0.25])) : (short)(4 - rng.Pick([0.35, 0.3, 0.2, 0.15]));
        }

        string? comment = null;
        if (band is not null && rng.Chance(0.3))
        {
            var pool = band switch { "detractor" => DetractorComments, "passive" => PassiveComments, _ => PromoterComments };
            comment = pool[rng.Next(pool.Length)];
        }
        var stageIndex = Array.IndexOf(Dimensions.JourneyStages, c.Stage);
        var touchpoints = Touchpoints[stageIndex];
        return new ResponseRow(id, respondedAt, unitId, c.Channel, c.Stage, c.Segment,
            touchpoints[rng.Next(touchpoints.Length)], nps, csat, ces, comment, interactionId);
    }

    private static double Clamp(double p) => Math.Clamp(p, 0.01, 0.99);
}
