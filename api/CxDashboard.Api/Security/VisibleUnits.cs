using System.Security.Claims;
using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Cascade;
using CxDashboard.Core.Drivers;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Privacy;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Verbatims;
using Microsoft.Extensions.Options;

namespace CxDashboard.Api.Security;

/// <summary>A breadcrumb step: every ancestor shows its name; only ancestors inside the scope carry the unit.</summary>
public sealed record Crumb(string Name, OrgNode? Unit);

/// <summary>One verbatim page to read: a unit's comments for a period, band and slice, <c>first</c> after a cursor.</summary>
public sealed record VerbatimKey(long UnitId, Period Period, VerbatimBand Band, Slice Slice, int First, string? After);

/// <summary>One value to read: a unit's or a partner's metric for a period and slice.</summary>
public sealed record ValueKey(SubjectKind Kind, long SubjectId, string Metric, Period Period, Slice Slice);

/// <summary>
/// The one place the caller's scope is applied (DESIGN §9). Every GraphQL field, list, breakdown,
/// verbatim page, league table, scorecard, KPI and driver analysis reads through this request-scoped
/// service, and every KPI mutation asks it whether the target is inside the scope; the query
/// services under it (Core) never see a caller. Units outside the scope read as absent (null);
/// ancestors outside it show their name in a breadcrumb and nothing else; a partner is visible
/// when one of its engagements is, and its values then cover only the visible engagements.
/// Every method takes a batch, so DataLoaders can call it once per query level.
/// </summary>
public sealed partial class VisibleUnits(
    ScopeResolver scopes, IHttpContextAccessor http, OrgQueries org, CellStore cells, PartnerQueries partnerQueries,
    VerbatimQuery verbatims, IOptions<ConfidenceOptions> confidence, KpiQueries kpis, ScorecardService scorecards, DriverService drivers,
    AuthOptions auth, FloorPatterns floorPatterns)
{
    /// <summary>Embed tokens carry <c>token_kind = embed</c>; they, like partner managers, get the privacy floor.</summary>
    public const string TokenKindClaim = PrivacyFloor.TokenKindClaim;

    private Task<IReadOnlyList<PartnerInfo>>? partners;
    private Task<CallerScope>? scope;
    private Task<FloorCube?>? floor;
    private FloorCube? cube;

    // Captured when the request first asks for this service (inside the request), because DataLoader
    // batches may run where the HTTP context's async-local no longer flows.
    private readonly ClaimsPrincipal? user = http.HttpContext?.User;

    /// <summary>The caller (null outside a request).</summary>
    public ClaimsPrincipal? User => user;

    /// <summary>Resolved once per request; concurrent root fields share the one task (one DbContext, one query).</summary>
    public Task<CallerScope> ScopeAsync(CancellationToken ct = default)
    {
        lock (this) return scope ??= user?.Identity?.IsAuthenticated == true ? scopes.ResolveAsync(user, ct) : Task.FromResult(CallerScope.Nobody);
    }

    /// <summary>
    /// Whether this caller gets the privacy floor: everyone without a role granted small counts (fail closed, see
    /// <see cref="PrivacyFloor"/>). Such a caller sees no value over fewer responses than the floor (the count stays
    /// visible), nor any value that would let one be worked out by subtraction, and reads aligned periods only.
    /// </summary>
    public bool AppliesPrivacyFloor => PrivacyFloor.AppliesTo(user, auth);

    /// <summary>
    /// Refuses a period a floor caller may not read: a single day or a day range, whose differences against other
    /// days or ranges would give away what the floor hides. Week, month, quarter and year are the readable grains.
    /// </summary>
    public void RequireReadable(Period period)
    {
        if (AppliesPrivacyFloor && period.Grain is "day" or Period.Range)
        {
            throw ReadErrors.Forbidden(
                $"'{period}' is a {(period.Grain == "day" ? "single day" : "day range")}: your access reads ISO weeks, months, quarters and years only " +
                $"(e.g. {Period.Of("month", period.First)}, {Period.Of("week", period.First)}), so values below the privacy floor cannot be worked out by subtraction.");
        }
    }

    /// <summary>The caller's suppression pattern (null when the floor does not apply); loaded once per request.</summary>
    public async Task<FloorCube?> FloorAsync(CancellationToken ct = default)
    {
        if (!AppliesPrivacyFloor) return null;
        var scopeTask = ScopeAsync(ct);
        Task<FloorCube?> task;
        lock (this) task = floor ??= LoadFloorAsync(scopeTask, ct);
        return cube = await task;
    }

    private async Task<FloorCube?> LoadFloorAsync(Task<CallerScope> scopeTask, CancellationToken ct)
    {
        var s = await scopeTask;
        return await floorPatterns.ForAsync(s, async () =>
        {
            var map = await PartnerMapAsync(CancellationToken.None);
            return map.Values.Select(p => new FloorPartner(p.Visible.Id, p.Visible.TopEngagementIds.ToArray(),
                p.Visible.EngagementIds.Count == p.All.EngagementIds.Count)).ToArray();
        }, ct);
    }

    /// <summary>Whether the value of <paramref name="key"/> read over <paramref name="n"/> is hidden from this caller.</summary>
    private bool Hides(SubjectKind kind, long subjectId, string metric, Period period, Slice slice, long n)
    {
        if (!AppliesPrivacyFloor) return false;
        if (n > 0 && n < Confidence.PrivacyFloor) return true;
        if (period.Grain is "day" or Period.Range) return n > 0; // never asked for (RequireReadable), never shown
        if (cube is null) return n > 0;
        var cell = new FloorCell(kind, subjectId, period.Grain, period.First, slice.Dimension, slice.Value);
        var hidden = cube.Hides(FloorBasis.Of(metric), cell, n, out var stale);
        if (stale && scope is { IsCompletedSuccessfully: true }) floorPatterns.Forget(scope.Result);
        return hidden;
    }

    public ConfidenceOptions Confidence => confidence.Value;

    public async Task<IReadOnlyDictionary<long, OrgNode>> UnitsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var allowed = ids.Where(scope.CanSee).ToArray();
        return allowed.Length == 0 ? new Dictionary<long, OrgNode>() : await org.UnitsAsync(allowed, ct);
    }

    public async Task<IReadOnlyDictionary<string, OrgNode>> UnitsByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var found = await org.UnitsByCodeAsync(codes, ct);
        return found.Where(kv => scope.CanSee(kv.Value.Id)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The visible children of each visible parent (an invisible parent has none).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OrgNode>>> ChildrenAsync(IReadOnlyCollection<long> parentIds, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var allowed = parentIds.Where(scope.CanSee).ToArray();
        var found = allowed.Length == 0 ? new Dictionary<long, IReadOnlyList<OrgNode>>() : await org.ChildrenAsync(allowed, ct);
        return parentIds.Distinct().ToDictionary(
            id => id,
            id => found.TryGetValue(id, out var kids) ? (IReadOnlyList<OrgNode>)kids.Where(k => scope.CanSee(k.Id)).ToArray() : []);
    }

    /// <summary>Each visible unit's path from the root: names only for ancestors outside the scope.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Crumb>>> BreadcrumbsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var allowed = ids.Where(scope.CanSee).Distinct().ToArray();
        var found = allowed.Length == 0 ? new Dictionary<long, IReadOnlyList<OrgNode>>() : await org.AncestorsAsync(allowed, ct);
        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Crumb>)kv.Value.Select(a => new Crumb(a.Name, scope.CanSee(a.Id) ? a : null)).ToArray());
    }

    /// <summary>The top-most units of the scope (the whole company for an executive, one department for its head, …).</summary>
    public async Task<IReadOnlyList<OrgNode>> RootsAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return scope.UnitIds.Count == 0 ? [] : await org.TopmostAsync(scope.ToArray(), ct);
    }

    /// <summary>Partners with at least one visible engagement, each reduced to its visible engagements.</summary>
    public async Task<IReadOnlyList<PartnerInfo>> PartnersAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        Task<IReadOnlyList<PartnerInfo>> all;
        lock (this) all = partners ??= partnerQueries.AllAsync(ct);
        return (await all)
            .Select(p => p with
            {
                EngagementIds = p.EngagementIds.Where(scope.CanSee).ToArray(),
                TopEngagementIds = p.TopEngagementIds.Where(scope.CanSee).ToArray(),
            })
            .Where(p => p.EngagementIds.Count > 0)
            .ToArray();
    }

    /// <summary>
    /// Values of visible subjects (others are absent). A partner whose engagements are all visible
    /// reads its own cell; otherwise the sum of its visible engagements' cells (disjoint subtrees,
    /// so still exact), which keeps other departments' share of a partner out of a department head's view.
    /// </summary>
    public async Task<IReadOnlyDictionary<ValueKey, MetricValue>> ValuesAsync(IReadOnlyCollection<ValueKey> keys, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var plans = new Dictionary<ValueKey, CellKey[]>();
        Dictionary<long, (PartnerInfo All, PartnerInfo Visible)>? partnerMap = null;
        foreach (var key in keys.Distinct())
        {
            if (!MetricReading.IsKnown(key.Metric)) throw new ArgumentException($"unknown metric '{key.Metric}'");
            RequireReadable(key.Period);
            Locks.CheckRead(key.Period, key.Slice);
            if (key.Kind == SubjectKind.Unit)
            {
                if (scope.CanSee(key.SubjectId)) plans[key] = [new CellKey(SubjectKind.Unit, key.SubjectId, key.Period, key.Slice)];
                continue;
            }
            partnerMap ??= await PartnerMapAsync(ct);
            if (!partnerMap.TryGetValue(key.SubjectId, out var p)) continue;
            plans[key] = p.Visible.EngagementIds.Count == p.All.EngagementIds.Count
                ? [new CellKey(SubjectKind.Partner, key.SubjectId, key.Period, key.Slice)]
                : p.Visible.TopEngagementIds.Select(e => new CellKey(SubjectKind.Unit, e, key.Period, key.Slice)).ToArray();
        }
        var read = await cells.LoadAsync(plans.Values.SelectMany(x => x).ToArray(), ct);
        await FloorAsync(ct);
        return plans.ToDictionary(kv => kv.Key, kv => Value(kv.Key, kv.Value.Aggregate(CellStats.Empty, (acc, k) => acc.Plus(read[k]))));
    }

    /// <summary>A breakdown of a visible unit by one dimension (channel, journey stage, segment); null outside the scope.</summary>
    public async Task<IReadOnlyDictionary<BreakdownKey, IReadOnlyList<(string Value, CellStats Stats)>>> BreakdownsAsync(
        IReadOnlyCollection<BreakdownKey> keys, CancellationToken ct = default)
    {
        foreach (var k in keys) RequireReadable(k.Period);
        if (keys.Count > 0) Locks.CheckUnsliced("a breakdown");
        foreach (var k in keys) Locks.CheckExact(k.Period);
        var scope = await ScopeAsync(ct);
        var allowed = keys.Where(k => k.Kind == SubjectKind.Unit && scope.CanSee(k.SubjectId)).ToArray();
        var read = await cells.LoadBreakdownsAsync(allowed, ct);
        await FloorAsync(ct); // the rows' values go through Value(key, …), which needs the pattern
        return read;
    }

    /// <summary>
    /// A value as this caller may see it: low-confidence flag, and for a floor caller suppressed below the floor or
    /// where its pattern hides it (complementary suppression). Values are only made here and in scorecards (same gate).
    /// </summary>
    public MetricValue Value(ValueKey key, CellStats stats)
    {
        var reading = MetricReading.Read(key.Metric, stats);
        return MetricValue.Shown(reading, Confidence, Hides(key.Kind, key.SubjectId, key.Metric, key.Period, key.Slice, reading.N));
    }

    /// <summary>The gate scorecards apply to their actuals (null for callers without the floor).</summary>
    private ValueGate? Gate => AppliesPrivacyFloor ? Hides : null;

    /// <summary>Comments of a visible unit's subtree; null outside the scope.</summary>
    public async Task<VerbatimPage?> VerbatimsAsync(long unitId, Period period, VerbatimBand band, Slice slice, int first, string? after, CancellationToken ct = default)
    {
        var key = new VerbatimKey(unitId, period, band, slice, first, after);
        return (await VerbatimsAsync([key], ct)).GetValueOrDefault(key);
    }

    /// <summary>
    /// Comment pages of visible units (others are absent), one command per distinct (period, band, slice,
    /// page) — a query level asks the same page of every unit, so that is one command for all of them.
    /// </summary>
    public async Task<IReadOnlyDictionary<VerbatimKey, VerbatimPage>> VerbatimsAsync(IReadOnlyCollection<VerbatimKey> keys, CancellationToken ct = default)
    {
        foreach (var k in keys) RequireReadable(k.Period);
        foreach (var k in keys)
        {
            Locks.CheckExact(k.Period);
            Locks.CheckRead(k.Period, k.Slice);
        }
        var scope = await ScopeAsync(ct);
        var pages = new Dictionary<VerbatimKey, VerbatimPage>();
        foreach (var group in keys.Where(k => scope.CanSee(k.UnitId)).Distinct().GroupBy(k => k with { UnitId = 0 }))
        {
            var g = group.Key;
            var floor = AppliesPrivacyFloor ? Confidence.PrivacyFloor : (int?)null;
            var read = await verbatims.PagesAsync(group.Select(k => k.UnitId).ToArray(), scope.ToArray(), g.Period, g.Band, g.Slice, g.First, g.After, floor, ct);
            foreach (var k in group)
            {
                var page = read[k.UnitId];
                // under the floor: scores as bands only
                pages[k] = floor is null ? page : page with { Items = page.Items.Select(v => v.Banded()).ToArray() };
            }
        }
        return pages;
    }

    private async Task<Dictionary<long, (PartnerInfo All, PartnerInfo Visible)>> PartnerMapAsync(CancellationToken ct)
    {
        var visible = await PartnersAsync(ct);
        var all = await partners!;
        return visible.ToDictionary(v => v.Id, v => (all.First(p => p.Id == v.Id), v));
    }
}
