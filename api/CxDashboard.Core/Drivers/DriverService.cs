using CxDashboard.Core.Metrics;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using Npgsql;

namespace CxDashboard.Core.Drivers;

/// <summary>
/// Driver analysis (DESIGN §8): how CSAT and NPS differ when a process condition holds, over survey
/// responses joined to their interactions, for a unit's whole subtree and one period. Months, quarters
/// and years read the rollup engine's driver cells (DriverCells: the subtree's month rows, no raw
/// fact); weeks, days and ranges read the linked raw rows, partitions pruned by the period. Either
/// way it is one grouped query with the unit's process-KPI targets in the same round trip.
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

    /// <summary>Month, quarter and year analyses read month rows of driver_cell only; weeks, days and ranges read raw facts.</summary>
    private static readonly string[] FromCells = ["month", "quarter", "year"];

    private static readonly string Sums = string.Join(", ", DriverCells.CountColumns.Select(c => $"coalesce(sum({c}), 0)::bigint"));

    /// <summary>The subtree's own month rows; per unit and month (the privacy floor's parts) when {0} holds the group columns.</summary>
    private static readonly string CellsSql = $$"""
        SELECT {0} coalesce(sum(linked), 0)::bigint, {{Sums}}
        FROM driver_cell
        WHERE grain = 'month' AND period_start >= $2 AND period_start < $3
          AND org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1)
        {1}
        """;

    /// <summary>The same counts straight from the linked raw rows, for periods that are not whole months.</summary>
    private static readonly string FactsSql = $$"""
        SELECT {0} count(*), {{string.Join(", ", DriverCells.Aggregates())}}
        FROM ({{DriverCells.LinkedRows(
            "r.responded_at >= $2 AND r.responded_at < $3 AND r.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1)",
            "i.opened_at >= $4 AND i.opened_at < $3")}}) f
        {1}
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
        var cells = Array.IndexOf(FromCells, period.Grain) >= 0;
        var (atoms, groupBy) = floor is null ? ("", "")
            : cells ? ("org_unit_id, period_start,", "GROUP BY org_unit_id, period_start")
            : ("f.org_unit_id, date_trunc('month', f.day),", "GROUP BY f.org_unit_id, date_trunc('month', f.day)");
        var facts = new NpgsqlBatchCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, cells ? CellsSql : FactsSql, atoms, groupBy));
        facts.Parameters.Add(new() { Value = unitId });
        if (cells)
        {
            facts.Parameters.Add(new() { Value = period.First });
            facts.Parameters.Add(new() { Value = period.Last.AddDays(1) });
        }
        else
        {
            facts.Parameters.Add(new() { Value = start });
            facts.Parameters.Add(new() { Value = end });
            facts.Parameters.Add(new() { Value = start - InteractionLookBack });
        }
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
            var skip = floor is null ? 0 : 2;
            while (await r.ReadAsync(ct))
            {
                if (r.IsDBNull(skip)) continue;
                Add(("linked", true), new Counts(0, 0, 0, 0, 0, r.GetInt64(skip)));
                var col = skip + 1;
                foreach (var (key, _) in DriverCells.Conditions)
                {
                    foreach (var (side, _) in DriverCells.Sides)
                    {
                        // the order of DriverCells.Stats: csat_n, csat_top2, nps_n, promoters, detractors
                        Add((key, side == "w"), new Counts(r.GetInt64(col), r.GetInt64(col + 1), r.GetInt64(col + 2), r.GetInt64(col + 3), r.GetInt64(col + 4), 0));
                        col += DriverCells.Stats.Length;
                    }
                }
            }
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct))
            {
                processKpis.TryAdd(r.GetString(1), (r.GetInt64(0), r.IsDBNull(2) ? null : (double)r.GetDecimal(2)));
            }
        }

        void Add((string, bool) key, Counts part)
        {
            var sum = counts.GetValueOrDefault(key);
            counts[key] = new Counts(sum.CsatN + part.CsatN, sum.CsatTop2 + part.CsatTop2, sum.NpsN + part.NpsN,
                sum.Promoters + part.Promoters, sum.Detractors + part.Detractors, sum.Responses + part.Responses);
            if (floor is { } f)
            {
                if (part.CsatN > 0 && part.CsatN < f) unsafeCsat.Add(key);
                if (part.NpsN > 0 && part.NpsN < f) unsafeNps.Add(key);
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
