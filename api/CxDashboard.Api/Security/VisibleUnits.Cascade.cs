using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Cascade;
using CxDashboard.Core.Drivers;
using CxDashboard.Core.Scorecards;

namespace CxDashboard.Api.Security;

/// <summary>
/// The KPI cascade side of the one scope filter: scorecards, KPIs and driver analyses of visible units,
/// and the checks a KPI mutation makes before it writes (its unit, and any parent KPI's unit, must be
/// inside the scope). Outside the scope reads as absent, exactly like the org reads.
/// </summary>
public sealed partial class VisibleUnits
{
    /// <summary>The caller's role claim (executive, department_head, partner_manager, analyst, …).</summary>
    public string? Role => user?.FindFirst(CxClaims.Role)?.Value;

    /// <summary>How the caller signs check-ins: the token's name, else its subject.</summary>
    public string DisplayName => user?.FindFirst("name")?.Value ?? user?.FindFirst("sub")?.Value ?? "";

    /// <summary>Whether the unit is inside the scope (a mutation may touch it).</summary>
    public async Task<bool> CanSeeAsync(long unitId, CancellationToken ct = default) => (await ScopeAsync(ct)).CanSee(unitId);

    /// <summary>Whether the KPI exists and its unit is inside the scope.</summary>
    public async Task<bool> CanSeeKpiAsync(long kpiId, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await kpis.UnitOfAsync(kpiId, ct) is { } unit && scope.CanSee(unit);
    }

    /// <summary>KPIs by id whose unit is inside the scope (others are absent).</summary>
    public async Task<IReadOnlyDictionary<long, KpiDefinition>> KpisAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var found = await kpis.ByIdsAsync(ids, ct);
        return found.Where(kv => scope.CanSee(kv.Value.UnitId)).ToDictionary();
    }

    /// <summary>The KPIs each visible unit owns (an invisible unit is absent).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<KpiDefinition>>> KpisOfUnitsAsync(IReadOnlyCollection<long> unitIds, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
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
        Locks.CheckUnsliced("a scorecard");
        Locks.CheckExact(period);
        // The cascade's SQL needs no scope, so it runs while the scope is looked up (the first read of a request
        // then costs one round trip, not two); nothing it read leaves here before the scope has filtered it.
        RequireReadable(period);
        var scoping = ScopeAsync(ct);
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
        await FloorAsync(ct);
        return allowed.Length == 0
            ? new Dictionary<long, Scorecard>()
            : scorecards.Build(data, allowed, period, scope.CanSee, Confidence, AppliesPrivacyFloor, Gate);
    }

    /// <summary>A visible KPI's targets (none for a KPI whose unit is outside the scope).</summary>
    public async Task<IReadOnlyList<KpiTarget>> TargetsAsync(KpiDefinition kpi, string? grain, CancellationToken ct = default) =>
        (await ScopeAsync(ct)).CanSee(kpi.UnitId) ? [.. (await kpis.TargetsAsync([kpi.Id], grain, ct))[kpi.Id]] : [];

    /// <summary>A visible KPI's latest check-ins, newest first (none for a KPI whose unit is outside the scope).</summary>
    public async Task<IReadOnlyList<KpiCheckinView>> CheckinsAsync(KpiDefinition kpi, int first, CancellationToken ct = default) =>
        (await ScopeAsync(ct)).CanSee(kpi.UnitId) ? [.. (await kpis.CheckinsAsync([kpi.Id], first, ct))[kpi.Id]] : [];

    /// <summary>Driver analysis of a visible unit's subtree (a subtree of a visible unit is visible: scopes are whole subtrees); null outside.</summary>
    /// <remarks>A floor caller reads months, quarters and years (splits made of whole months, see <see cref="DriverService"/>).</remarks>
    public async Task<DriverAnalysis?> DriversAsync(long unitId, Period period, CancellationToken ct = default)
    {
        Locks.CheckExact(period);
        RequireReadable(period);
        if (AppliesPrivacyFloor && period.Grain == "week")
        {
            throw ReadErrors.Forbidden($"'{period}' is a week: under the privacy floor a driver analysis covers a month, quarter or year (e.g. {Period.Of("month", period.First)}).");
        }
        if (!await CanSeeAsync(unitId, ct)) return null;
        return await drivers.AnalyseAsync(unitId, period, AppliesPrivacyFloor ? Confidence.PrivacyFloor : null, ct);
    }
}
