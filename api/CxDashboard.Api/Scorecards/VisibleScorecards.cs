using CxDashboard.Api.Security;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// KPIs, scorecards, targets and check-ins through the caller's scope (<see cref="ScopeGate"/>): a KPI whose unit is
/// outside it is absent, cascade children at units outside it are left out at every level, and actuals go through the
/// privacy floor's gate. KPI mutations ask <see cref="CanSeeKpiAsync"/> before they write.
/// </summary>
public sealed class VisibleScorecards(ScopeGate gate, KpiQueries kpis, ScorecardService scorecards)
{
    /// <summary>Whether the KPI exists and its unit is inside the scope.</summary>
    public async Task<bool> CanSeeKpiAsync(long kpiId, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        return await kpis.UnitOfAsync(kpiId, ct) is { } unit && scope.CanSee(unit);
    }

    /// <summary>KPIs by id whose unit is inside the scope (others are absent).</summary>
    public async Task<IReadOnlyDictionary<long, KpiDefinition>> KpisAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var found = await kpis.ByIdsAsync(ids, ct);
        return found.Where(kv => scope.CanSee(kv.Value.UnitId)).ToDictionary();
    }

    /// <summary>The KPIs each visible unit owns (an invisible unit is absent).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<KpiDefinition>>> KpisOfUnitsAsync(IReadOnlyCollection<long> unitIds, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var allowed = unitIds.Where(scope.CanSee).Distinct().ToArray();
        if (allowed.Length == 0) return new Dictionary<long, IReadOnlyList<KpiDefinition>>();
        var found = await kpis.ByUnitsAsync(allowed, ct);
        return allowed.ToDictionary(u => u, u => (IReadOnlyList<KpiDefinition>)found[u].ToArray());
    }

    /// <summary>
    /// Scorecards of visible units (others are absent); cascade children at units outside the scope are
    /// left out at every level, and partner or embedded callers get the privacy floor. <paramref name="levels"/>
    /// is how far down the cascade lines come back expanded (see <see cref="ScorecardService.LoadAsync(IReadOnlyCollection{long}, Period, Func{long, bool}, ConfidenceOptions?, bool, int, CancellationToken)"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, Scorecard>> ScorecardsAsync(IReadOnlyCollection<long> unitIds, Period period, int levels = 1, CancellationToken ct = default)
    {
        gate.Locks.CheckUnsliced("a scorecard");
        gate.Locks.CheckExact(period);
        // The cascade's SQL needs no scope, so it runs while the scope is looked up (the first read of a request
        // then costs one round trip, not two); nothing it read leaves here before the scope has filtered it.
        gate.RequireReadable(period);
        var scoping = gate.ScopeAsync(ct);
        var reading = scorecards.ReadAsync(unitIds, period, levels, ct);
        CallerScope scope;
        try
        {
            scope = await scoping;
        }
        finally
        {
            // never leave the read running past this call (it holds a pooled connection)
            if (!scoping.IsCompletedSuccessfully) await reading.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
        var allowed = unitIds.Where(scope.CanSee).Distinct().ToArray();
        var data = await reading;
        await gate.FloorAsync(ct);
        return allowed.Length == 0
            ? new Dictionary<long, Scorecard>()
            : scorecards.Build(data, allowed, period, scope.CanSee, gate.Confidence, gate.AppliesPrivacyFloor, gate.Gate);
    }

    /// <summary>A visible KPI's targets (none for a KPI whose unit is outside the scope).</summary>
    public async Task<IReadOnlyList<KpiTarget>> TargetsAsync(KpiDefinition kpi, string? grain, CancellationToken ct = default) =>
        (await gate.ScopeAsync(ct)).CanSee(kpi.UnitId) ? [.. (await kpis.TargetsAsync([kpi.Id], grain, ct))[kpi.Id]] : [];

    /// <summary>A visible KPI's latest check-ins, newest first (none for a KPI whose unit is outside the scope).</summary>
    public async Task<IReadOnlyList<KpiCheckinView>> CheckinsAsync(KpiDefinition kpi, int first, CancellationToken ct = default) =>
        (await gate.ScopeAsync(ct)).CanSee(kpi.UnitId) ? [.. (await kpis.CheckinsAsync([kpi.Id], first, ct))[kpi.Id]] : [];
}
