using CxDashboard.Api.Drivers;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Scorecards;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Export;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Export;

/// <summary>
/// Reads a monthly review through the caller's scope gate (<see cref="ScopeGate"/>): every unit, value,
/// scorecard, driver analysis and league row comes from the same readers the GraphQL resolvers call,
/// so the workbook shows exactly what the caller could query — scope, privacy floor and all.
/// </summary>
public sealed class MonthlyReviewReader(
    ScopeGate gate, VisibleOrg org, VisibleValues valueReader, VisibleScorecards scorecardReader, VisibleDrivers driverReader, RollupReadiness readiness)
{
    /// <summary>Levels of the subtree the review walks below the chosen unit (the org is company → division → department → team → partner).</summary>
    public const int MaxDepth = 8;

    public async Task<MonthlyReview> ReadAsync(OrgNode unit, Period month, CancellationToken ct = default)
    {
        var subtree = await SubtreeAsync(unit, ct);
        var ids = subtree.Select(s => s.Node.Id).ToArray();
        var scorecards = await scorecardReader.ScorecardsAsync(ids, month, 1, ct);
        var own = scorecards.TryGetValue(unit.Id, out var sc) ? sc : null;
        var previous = month.Previous();

        var keys = new List<ValueKey>();
        foreach (var id in ids)
        {
            foreach (var m in ReviewMetrics.All) keys.Add(new ValueKey(SubjectKind.Unit, id, m, month, Slice.All));
        }
        var lines = (own?.Kpis ?? []).OrderByDescending(k => k.Kpi.IsShared).ToList(); // shared KPIs first, the scorecard's order kept
        foreach (var k in lines)
        {
            var slice = Slice.Of(k.Kpi.SliceDimension, k.Kpi.SliceValue);
            keys.Add(new ValueKey(SubjectKind.Unit, unit.Id, k.Kpi.MetricCode, month, slice));
            keys.Add(new ValueKey(SubjectKind.Unit, unit.Id, k.Kpi.MetricCode, previous, slice));
        }
        var partners = await gate.PartnersAsync(ct);
        string[] leagueMetrics = ["nps", "csat", "fcr"];
        foreach (var p in partners)
        {
            foreach (var m in leagueMetrics) keys.Add(new ValueKey(SubjectKind.Partner, p.Id, m, month, Slice.All));
        }
        var values = await valueReader.ValuesAsync(keys, ct);
        ReviewValue V(SubjectKind kind, long id, string metric, Period p, Slice s) =>
            values.TryGetValue(new ValueKey(kind, id, metric, p, s), out var v) ? ReviewValue.Of(v) : ReviewValue.None;

        var summary = lines.Select(k =>
        {
            var slice = Slice.Of(k.Kpi.SliceDimension, k.Kpi.SliceValue);
            var now = values.GetValueOrDefault(new ValueKey(SubjectKind.Unit, unit.Id, k.Kpi.MetricCode, month, slice));
            var before = values.GetValueOrDefault(new ValueKey(SubjectKind.Unit, unit.Id, k.Kpi.MetricCode, previous, slice));
            var change = now is not null && before is not null ? now.ComparedWith(before) : null;
            return new SummaryLine(
                k.Kpi.MetricName, k.Kpi.MetricCode, k.Kpi.MetricUnit, k.Kpi.SliceDimension is null ? null : slice.ToString(), k.Kpi.IsShared, k.EffectiveWeight,
                k.Current.Actual, k.Current.Target, k.Current.Attainment, k.Current.Status,
                change?.Difference, change?.Significant, k.Current.N, k.Current.LowConfidence, k.Current.Suppressed,
                k.Trend.Select(t => t.Actual).ToArray(), k.Trend.Select(t => t.Target).ToArray());
        }).ToList();

        var units = subtree.Select(s =>
        {
            var vals = ReviewMetrics.All.ToDictionary(m => m, m => V(SubjectKind.Unit, s.Node.Id, m, month, Slice.All));
            var statuses = new Dictionary<string, KpiStatus>();
            if (scorecards.TryGetValue(s.Node.Id, out var card))
            {
                foreach (var k in card.Kpis.Where(k => k.Kpi.SliceDimension is null)) statuses.TryAdd(k.Kpi.MetricCode, k.Current.Status);
            }
            return new ReviewUnit(s.Level, s.Node.Code, s.Node.Name, s.Node.Kind, vals, statuses);
        }).ToList();

        var league = partners.Select(p => new LeagueLine(null, p.Code, p.Name,
                V(SubjectKind.Partner, p.Id, "nps", month, Slice.All), V(SubjectKind.Partner, p.Id, "csat", month, Slice.All), V(SubjectKind.Partner, p.Id, "fcr", month, Slice.All)))
            .ToList();
        // Ranked like the partnerLeague query: best NPS first, ties by code, partners without a value last.
        var ranked = league.Where(x => x.Nps.Value is not null).OrderByDescending(x => x.Nps.Value).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select((x, i) => x with { Rank = i + 1 })
            .Concat(league.Where(x => x.Nps.Value is null).OrderBy(x => x.Code, StringComparer.Ordinal))
            .ToList();

        var drivers = await driverReader.AnalyseAsync(unit.Id, month, ct);
        var sub = gate.User?.FindFirst("sub")?.Value ?? "anonymous";
        var header = new ReviewHeader(unit.Code, unit.Name, month, await readiness.WatermarkAsync(ct), $"{gate.DisplayName} ({sub})",
            DateTimeOffset.UtcNow, gate.AppliesPrivacyFloor);
        return new MonthlyReview(header, summary, own?.Score, month.SeriesEndingHere("month", ScorecardService.TrendLength), units, drivers, ranked);
    }

    /// <summary>The chosen unit and every visible unit under it, depth first (parents before their children), with their level.</summary>
    private async Task<List<(OrgNode Node, int Level)>> SubtreeAsync(OrgNode root, CancellationToken ct)
    {
        var children = new Dictionary<long, IReadOnlyList<OrgNode>>();
        IReadOnlyCollection<long> frontier = [root.Id];
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var level = await org.ChildrenAsync(frontier, ct);
            foreach (var (k, v) in level) children[k] = v;
            frontier = level.Values.SelectMany(v => v).Select(n => n.Id).Where(id => !children.ContainsKey(id)).Distinct().ToArray();
        }
        var order = new List<(OrgNode, int)>();
        void Walk(OrgNode n, int level)
        {
            order.Add((n, level));
            foreach (var c in children.GetValueOrDefault(n.Id) ?? []) Walk(c, level + 1);
        }
        Walk(root, 0);
        return order;
    }
}
