using CxDashboard.Core.Values;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// Computes unit scorecards (DESIGN §7) from rollup cells: each KPI's actual, target, attainment,
/// status and 13-period trend, its cascade children and drivers, target reconciliation, and the
/// unit's weighted score. Any number of units, and the cascade below them, costs two SQL statements sent at once
/// (<see cref="ScorecardReader"/>): one round trip; asked again while no KPI, target or check-in changed, one statement
/// (the cells), the KPI side being kept per service (<see cref="KpiSideCache"/>, one per host).
/// </summary>
public sealed class ScorecardService(NpgsqlDataSource db)
{
    /// <summary>KPI sides read before, reused while the database's KPI revision stays the same (see <see cref="KpiSideCache"/>).</summary>
    private readonly KpiSideCache kpiSides = new();

    public const int TrendLength = 13;

    /// <summary>Shared KPIs (company NPS, CSAT) count this many times their weight, so silos are not rewarded for local optimisation.</summary>
    public const double SharedWeightFactor = 2;

    /// <summary>Attainment counts into the score up to this percentage, so one over-achieved KPI cannot hide a missed one.</summary>
    public const double ScoreCap = 120;

    public async Task<Scorecard> LoadAsync(long unitId, Period period, Func<long, bool> canSee, CancellationToken ct = default) =>
        (await LoadAsync([unitId], period, canSee, null, false, 1, ct))[unitId];

    /// <summary>How many cascade levels one load may expand at most (company, division, department, team, engagement, and spare).</summary>
    public const int MaxLevels = 8;

    /// <param name="canSee">The caller's scope: cascade children at units it rejects are left out of the lines
    /// (they still count in reconciliation figures, which are parent-level numbers).</param>
    /// <param name="confidence">Minimum n (low-confidence flag) and privacy floor; defaults when null.</param>
    /// <param name="applyPrivacyFloor">Partner and embedded callers: actuals below the floor are suppressed (n stays).</param>
    /// <param name="levels">1: the lines of <paramref name="unitIds"/> carry their children, drivers and reconciliation
    /// (their children's own links stay empty). n: so do the lines of the cascade below, n − 1 levels down, read in the
    /// same round trip (capped at <see cref="MaxLevels"/>).</param>
    public async Task<IReadOnlyDictionary<long, Scorecard>> LoadAsync(IReadOnlyCollection<long> unitIds, Period period, Func<long, bool> canSee,
        ConfidenceOptions? confidence = null, bool applyPrivacyFloor = false, int levels = 1, CancellationToken ct = default)
    {
        var data = await ReadAsync(unitIds, period, levels, ct);
        return Build(data, unitIds, period, canSee, confidence, applyPrivacyFloor);
    }

    /// <summary>
    /// The SQL half of <see cref="LoadAsync(IReadOnlyCollection{long}, Period, Func{long, bool}, ConfidenceOptions?, bool, int, CancellationToken)"/>:
    /// everything the scorecards of <paramref name="unitIds"/> and the cascade <paramref name="levels"/> deep read, in one
    /// round trip. It needs no caller scope, so a caller can run it while the scope is still being looked up.
    /// </summary>
    public Task<ScorecardData> ReadAsync(IReadOnlyCollection<long> unitIds, Period period, int levels, CancellationToken ct = default)
    {
        if (!TargetGrains.IsTargetGrain(period.Grain)) throw new PeriodException($"a scorecard period is a month, quarter or year, not a {period.Grain}");
        var periods = period.SeriesEndingHere(period.Grain, TrendLength);
        // A scorecard grain (month, quarter, year) tiles time, so the trend's cells are exactly the cells of
        // that grain starting between the first trend period and this one.
        return new ScorecardReader(db, kpiSides).ReadAsync(unitIds.Distinct().ToArray(), Math.Clamp(levels, 1, MaxLevels), period.Grain,
            periods[0].First, period.First, period.First, period.Last.AddDays(1), ct);
    }

    /// <summary>
    /// The computing half: the scorecards of <paramref name="unitIds"/> (a subset of the units <paramref name="data"/> was
    /// read for) from what <see cref="ReadAsync"/> read, with cascade children at units <paramref name="canSee"/> rejects left out.
    /// </summary>
    public IReadOnlyDictionary<long, Scorecard> Build(ScorecardData data, IReadOnlyCollection<long> unitIds, Period period, Func<long, bool> canSee,
        ConfidenceOptions? confidence = null, bool applyPrivacyFloor = false, ValueGate? gate = null)
    {
        confidence ??= new ConfidenceOptions();
        var units = unitIds.Distinct().ToArray();
        var periods = period.SeriesEndingHere(period.Grain, TrendLength);
        if (periods[^1] != period) throw new InvalidOperationException($"the series of {period} does not end with it");
        var ((kpis, expandedRead, targets, checkins, _), cells) = data;
        var expanded = new HashSet<long>(expandedRead); // the KPI side is shared (KpiSideCache): never changed here

        CellStats Cell(KpiDefinition k, Period p) =>
            cells.GetValueOrDefault((k.UnitId, Slice.Of(k.SliceDimension, k.SliceValue), p.First)) ?? CellStats.Empty;
        double? Target(KpiDefinition k, Period p) => targets.TryGetValue((k.Id, p.First), out var t) ? t : null;

        MetricValue Shown(KpiDefinition k, Period p)
        {
            var reading = MetricReading.Read(k.MetricCode, Cell(k, p));
            return gate is null
                ? MetricValue.Of(reading, confidence, applyPrivacyFloor)
                : MetricValue.Shown(reading, confidence, gate(SubjectKind.Unit, k.UnitId, k.MetricCode, p, Slice.Of(k.SliceDimension, k.SliceValue), reading.N));
        }

        KpiPeriodValue ValueOf(KpiDefinition k, Period p, MetricValue shown)
        {
            var (actual, n) = (shown.N > 0 ? shown.Value : null, shown.N);
            var target = Target(k, p);
            var attainment = Attainment.Percent(actual, target, k.Direction, k.MetricUnit);
            var gap = Attainment.Gap(actual, target, k.Direction);
            return new KpiPeriodValue(p, actual, n, target, attainment, gap, k.Rule.Evaluate(actual, target, attainment, gap))
            {
                LowConfidence = n > 0 && shown.LowConfidence,
                Suppressed = shown.Suppressed,
            };
        }

        expanded.UnionWith(units);
        // Each KPI's trend; its last point is the current period (a scorecard period ends its own series).
        // The series has the period before as its second last point (months, quarters and years tile time), so each
        // line's change is tested on its own cells: a sliced KPI against its slice, not the unit's total.
        var trends = new Dictionary<long, KpiPeriodValue[]>(kpis.Count);
        var changes = new Dictionary<long, ValueChange?>(kpis.Count);
        foreach (var k in kpis)
        {
            var trend = new KpiPeriodValue[periods.Count];
            MetricValue? before = null, now = null;
            for (var i = 0; i < trend.Length; i++)
            {
                var shown = Shown(k, periods[i]);
                trend[i] = ValueOf(k, periods[i], shown);
                (before, now) = (now, shown);
            }
            trends[k.Id] = trend;
            changes[k.Id] = before is not null && now is not null ? now.ComparedWith(before) : null;
        }
        var lines = kpis.ToDictionary(k => k.Id, k => new ScorecardKpi
        {
            Kpi = k,
            Expanded = expanded.Contains(k.UnitId),
            Current = trends[k.Id][^1],
            Previous = trends[k.Id][^2],
            Change = changes[k.Id],
            Trend = trends[k.Id],
            EffectiveWeight = (double)k.Weight * (k.IsShared ? SharedWeightFactor : 1),
            LatestCheckin = checkins.GetValueOrDefault(k.Id),
        });

        foreach (var child in kpis)
        {
            if (child.ParentKpiId is not { } pid || !lines.TryGetValue(pid, out var parent) || !parent.Expanded) continue;
            if (child.UnitId == parent.Kpi.UnitId && !child.IsOutcome) parent.Drivers.Add(lines[child.Id]);
            else if (canSee(child.UnitId)) parent.Children.Add(lines[child.Id]);
        }

        var basis = period.Previous();
        foreach (var parent in kpis.Where(k => expanded.Contains(k.UnitId) && IsVolumeWeighted(k.MetricCode)))
        {
            var children = kpis.Where(c => c.ParentKpiId == parent.Id && c.UnitId != parent.UnitId && c.MetricCode == parent.MetricCode && c.Cell == parent.Cell).ToList();
            if (children.Count == 0) continue;
            lines[parent.Id].Reconciliation = Reconcile(parent, children, period, basis, Target, k => MetricReading.Read(k.MetricCode, Cell(k, basis)).N, canSee);
        }

        var result = new Dictionary<long, Scorecard>();
        foreach (var unit in units)
        {
            var own = Order(kpis.Where(k => k.UnitId == unit).Select(k => lines[k.Id]).ToList());
            var scored = own.Where(l => l.Current.Attainment is not null).ToList();
            var scoredWeight = scored.Sum(l => l.EffectiveWeight);
            double? score = scoredWeight > 0 ? scored.Sum(l => l.EffectiveWeight * Math.Min(l.Current.Attainment!.Value, ScoreCap)) / scoredWeight : null;
            result[unit] = new Scorecard(unit, period, own, score, scoredWeight, own.Sum(l => l.EffectiveWeight));
        }
        return result;
    }

    /// <summary>
    /// Whether a parent's value is exactly the n-weighted combination of its parts' values — true for
    /// shares, NPS (linear in the promoter and detractor shares) and means; not for medians.
    /// </summary>
    public static bool IsVolumeWeighted(string metric) => metric is not ("response_time" or "handle_time");

    private static TargetReconciliation Reconcile(KpiDefinition parent, List<KpiDefinition> children, Period period, Period basis,
        Func<KpiDefinition, Period, double?> target, Func<KpiDefinition, long> volume, Func<long, bool> canSee)
    {
        var parentTarget = target(parent, period);
        var parentVolume = volume(parent);
        double weighted = 0;
        long withTarget = 0, all = 0;
        var missing = 0;
        var rows = new List<ReconciliationChild>();
        foreach (var c in children)
        {
            var n = volume(c);
            var t = target(c, period);
            all += n;
            if (t is { } tv && n > 0)
            {
                weighted += n * tv;
                withTarget += n;
            }
            if (t is null) missing++;
            if (canSee(c.UnitId))
            {
                rows.Add(new ReconciliationChild(c.Id, c.UnitId, c.UnitCode, c.UnitName, t, n, parentVolume > 0 ? (double)n / parentVolume : null));
            }
        }
        double? implied = withTarget > 0 ? weighted / withTarget : null;
        var gap = Attainment.Gap(implied, parentTarget, parent.Direction);
        return new TargetReconciliation(basis, parentTarget, implied, gap, gap is { } g ? g >= -1e-9 : null,
            parentVolume, all, parentVolume > 0 ? (double)all / parentVolume : null, missing, rows);
    }

    /// <summary>Outcome KPIs first, each followed by the process KPIs that drive it, then the rest.</summary>
    private static List<ScorecardKpi> Order(List<ScorecardKpi> own)
    {
        var ordered = new List<ScorecardKpi>();
        var placed = new HashSet<long>();
        foreach (var line in own.Where(l => l.Kpi.IsOutcome).OrderBy(l => l.Kpi.Id))
        {
            if (placed.Add(line.Kpi.Id)) ordered.Add(line);
            foreach (var d in line.Drivers.OrderBy(d => d.Kpi.Id)) if (placed.Add(d.Kpi.Id)) ordered.Add(d);
        }
        ordered.AddRange(own.Where(l => placed.Add(l.Kpi.Id)).OrderBy(l => l.Kpi.Id));
        return ordered;
    }
}
