using CxDashboard.Core.Metrics;
using CxDashboard.Core.Scorecards;
using Npgsql;

namespace CxDashboard.Core.Drivers;

/// <summary>
/// Driver analysis (DESIGN §8): how CSAT and NPS differ when a process condition holds, over survey
/// responses joined to their interactions, for a unit's whole subtree and one period. Raw facts are
/// read once per request — one grouped query, partitions pruned by the period — with the unit's
/// process-KPI targets in the same round trip.
/// </summary>
public sealed class DriverService(NpgsqlDataSource db)
{
    /// <summary>
    /// Interactions are looked for this far before the period, so a response early in a month still
    /// finds an interaction opened late in the previous one, while the interaction partitions read stay bounded.
    /// </summary>
    public static readonly TimeSpan InteractionLookBack = TimeSpan.FromDays(35);

    private static readonly (DriverCondition Condition, string Key, string Metric)[] Conditions =
    [
        (DriverCondition.ResolvedFirstContact, "fcr", "fcr"),
        (DriverCondition.WithinSla, "sla", "sla"),
        (DriverCondition.Transferred, "transferred", "transfer_rate"),
        (DriverCondition.SwitchedChannel, "switched", "channel_switch"),
        (DriverCondition.LowEffort, "low_effort", "ces_agree"),
    ];

    private const string FactsSql = """
        SELECT c.name, c.holds,
               count(f.csat) AS csat_n, count(*) FILTER (WHERE f.csat >= 4) AS csat_top2,
               count(f.nps) AS nps_n, count(*) FILTER (WHERE f.nps >= 9) AS promoters, count(*) FILTER (WHERE f.nps <= 6) AS detractors, count(*) AS responses
               {0}
        FROM (
            SELECT r.csat, r.nps, r.ces, i.resolved_first_contact, i.transfers, i.switched_channel, i.sla_target_seconds,
                   extract(epoch FROM i.first_response_at - i.opened_at) AS response_seconds,
                   r.org_unit_id, date_trunc('month', r.responded_at AT TIME ZONE 'UTC') AS month
            FROM survey_response r
            JOIN interaction i ON i.external_id = r.interaction_external_id
            WHERE r.responded_at >= $2 AND r.responded_at < $3
              AND i.opened_at >= $4 AND i.opened_at < $3
              -- the look-back counts from the response's month, so a quarter's groups are exactly the sum of its months'
              AND i.opened_at >= (date_trunc('month', r.responded_at AT TIME ZONE 'UTC') - interval '35 days') AT TIME ZONE 'UTC'
              AND r.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1)
        ) f
        CROSS JOIN LATERAL (VALUES
            ('linked', true),
            ('fcr', f.resolved_first_contact),
            ('sla', CASE WHEN f.sla_target_seconds IS NULL THEN NULL ELSE coalesce(f.response_seconds <= f.sla_target_seconds, false) END),
            ('transferred', f.transfers > 0),
            ('switched', f.switched_channel),
            ('low_effort', f.ces >= 5)
        ) AS c(name, holds)
        WHERE c.holds IS NOT NULL
        GROUP BY c.name, c.holds {1}
        """;

    private const string TargetsSql = """
        SELECT k.id, k.metric_code, t.target FROM kpi k
        LEFT JOIN kpi_target t ON t.kpi_id = k.id AND t.grain = $2 AND t.period_start = $3
        WHERE k.org_unit_id = $1 AND k.slice_dimension IS NULL AND k.metric_code = ANY($4)
        ORDER BY k.id
        """;

    private readonly record struct Counts(long CsatN, long CsatTop2, long NpsN, long Promoters, long Detractors, long Responses);

    public Task<DriverAnalysis> AnalyseAsync(long unitId, Period period, CancellationToken ct = default) => AnalyseAsync(unitId, period, null, ct);

    /// <param name="floor">For a caller under the privacy floor: an outcome split is suppressed (both values, the gap and
    /// the estimate; the n stay) unless every part it is made of — each unit's own responses in each month, with and
    /// without the condition — has no response or at least this many. A published split then never has a hidden part,
    /// so no difference of published splits (months of a quarter, children of a unit) gives one away.</param>
    public async Task<DriverAnalysis> AnalyseAsync(long unitId, Period period, int? floor, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        var atoms = floor is null ? "" : ", f.org_unit_id, f.month";
        var facts = new NpgsqlBatchCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, FactsSql, atoms, atoms));
        facts.Parameters.Add(new() { Value = unitId });
        facts.Parameters.Add(new() { Value = start });
        facts.Parameters.Add(new() { Value = end });
        facts.Parameters.Add(new() { Value = start - InteractionLookBack });
        var targets = new NpgsqlBatchCommand(TargetsSql);
        targets.Parameters.Add(new() { Value = unitId });
        targets.Parameters.Add(new() { Value = period.Grain });
        targets.Parameters.Add(new() { Value = period.First });
        targets.Parameters.Add(new() { Value = Conditions.Select(c => c.Metric).ToArray() });
        batch.BatchCommands.Add(facts);
        batch.BatchCommands.Add(targets);

        var counts = new Dictionary<(string, bool), Counts>();
        var unsafeCsat = new HashSet<(string, bool)>();
        var unsafeNps = new HashSet<(string, bool)>();
        var processKpis = new Dictionary<string, (long Id, double? Target)>();
        await using (var r = await batch.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var key = (r.GetString(0), r.GetBoolean(1));
                var part = new Counts(r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
                var sum = counts.GetValueOrDefault(key);
                counts[key] = new Counts(sum.CsatN + part.CsatN, sum.CsatTop2 + part.CsatTop2, sum.NpsN + part.NpsN,
                    sum.Promoters + part.Promoters, sum.Detractors + part.Detractors, sum.Responses + part.Responses);
                if (floor is { } f)
                {
                    if (part.CsatN > 0 && part.CsatN < f) unsafeCsat.Add(key);
                    if (part.NpsN > 0 && part.NpsN < f) unsafeNps.Add(key);
                }
            }
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct))
            {
                processKpis.TryAdd(r.GetString(1), (r.GetInt64(0), r.IsDBNull(2) ? null : (double)r.GetDecimal(2)));
            }
        }

        var linked = counts.GetValueOrDefault(("linked", true));
        var results = new List<DriverResult>();
        foreach (var (condition, key, metric) in Conditions)
        {
            var with = counts.GetValueOrDefault((key, true));
            var without = counts.GetValueOrDefault((key, false));
            var kpi = processKpis.TryGetValue(metric, out var k) ? k : ((long Id, double? Target)?)null;
            var targetShare = kpi?.Target / 100;
            var csat = Split(with.CsatN, MetricMath.Percent(with.CsatTop2, with.CsatN),
                without.CsatN, MetricMath.Percent(without.CsatTop2, without.CsatN),
                GapInterval.Percent(with.CsatTop2, with.CsatN, without.CsatTop2, without.CsatN), targetShare);
            var nps = Split(with.NpsN, MetricMath.Nps(with.Promoters, with.Detractors, with.NpsN),
                without.NpsN, MetricMath.Nps(without.Promoters, without.Detractors, without.NpsN),
                GapInterval.Nps(with.Promoters, with.Detractors, with.NpsN, without.Promoters, without.Detractors, without.NpsN), targetShare);
            if (unsafeCsat.Contains((key, true)) || unsafeCsat.Contains((key, false))) csat = Suppressed(csat);
            if (unsafeNps.Contains((key, true)) || unsafeNps.Contains((key, false))) nps = Suppressed(nps);
            results.Add(new DriverResult(condition, metric, kpi?.Id, kpi?.Target, csat, nps));
        }
        return new DriverAnalysis(unitId, period, linked.Responses, results);
    }

    private static OutcomeSplit Suppressed(OutcomeSplit s) => new(s.NWith, null, s.NWithout, null, null, null, null, null,
        s.ShareWith, s.TargetShare, null, null, null) { Suppressed = true };

    private static OutcomeSplit Split(long nWith, double? valueWith, long nWithout, double? valueWithout,
        (double Gap, double Low, double High)? gap, double? targetShare)
    {
        var n = nWith + nWithout;
        double? share = n > 0 ? (double)nWith / n : null;
        double? change = null, low = null, high = null;
        if (gap is { } g && share is { } s && targetShare is { } t)
        {
            var delta = t - s;
            change = g.Gap * delta;
            var (a, b) = (g.Low * delta, g.High * delta);
            (low, high) = (Math.Min(a, b), Math.Max(a, b));
        }
        return new OutcomeSplit(nWith, valueWith, nWithout, valueWithout, gap?.Gap, gap?.Low, gap?.High,
            gap is { } x ? x.Low > 0 || x.High < 0 : null, share, targetShare, change, low, high);
    }
}
