using System.Security.Claims;
using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Privacy;
using CxDashboard.Core.Values;
using Microsoft.Extensions.Options;

namespace CxDashboard.Api.Security;

/// <summary>
/// The one scope decision (DESIGN §9), made once per request: which units the caller sees (<see cref="CallerScope"/>),
/// which partners through them, whether the privacy floor applies and what its suppression pattern hides, which
/// periods the caller may read and which filters an embed token locks. It reads no feature data: each feature's
/// reader (<c>VisibleOrg</c>, <c>VisibleValues</c>, <c>VisibleScorecards</c>, <c>VisibleDrivers</c>, <c>VisibleVerbatims</c>)
/// takes this decision as input next to its feature, so units outside the scope read as absent everywhere, ancestors
/// outside it show their name only, and a partner is visible when one of its engagements is.
/// </summary>
public sealed class ScopeGate(
    ScopeResolver scopes, CallerIdentity caller, PartnerQueries partnerQueries, IOptions<ConfidenceOptions> confidence,
    AuthOptions auth, FloorPatterns floorPatterns, IHttpContextAccessor http)
{
    /// <summary>Embed tokens carry <c>token_kind = embed</c>; they, like partner managers, get the privacy floor.</summary>
    public const string TokenKindClaim = PrivacyFloor.TokenKindClaim;

    private Task<IReadOnlyList<PartnerInfo>>? partners;
    private Task<CallerScope>? scope;
    private Task<FloorCube?>? floor;
    private FloorCube? cube;
    private CallerLocks? locks;

    // Captured when the request first asks for this service (inside the request), because DataLoader
    // batches may run where the HTTP context's async-local no longer flows.
    private readonly ClaimsPrincipal? user = caller.User;

    /// <summary>The caller (null outside a request).</summary>
    public ClaimsPrincipal? User => user;

    /// <summary>The caller's role claim (executive, department_head, partner_manager, analyst, …).</summary>
    public string? Role => user?.FindFirst(CxClaims.Role)?.Value;

    /// <summary>How the caller signs check-ins: the token's name, else its subject.</summary>
    public string DisplayName => user?.FindFirst("name")?.Value ?? user?.FindFirst("sub")?.Value ?? "";

    /// <summary>The caller's locked filters (none for user tokens; an embed token's unit, period and slice, see <see cref="CallerLocks"/>).</summary>
    public CallerLocks Locks => locks ??= CallerLocks.From(user);

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
            throw FieldErrors.ForbiddenRead(
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
        try
        {
            return await floorPatterns.ForAsync(s, async () =>
            {
                return FloorPartnersOf(s, await AllPartnersAsync(CancellationToken.None));
            }, ct);
        }
        catch (FloorPatternBuildingException building)
        {
            // The cells are newer than any pattern ready for this scope: nothing is shown until the pattern is, and the
            // caller is told when to ask again (no value is ever published through an older pattern).
            if (http.HttpContext is { Response.HasStarted: false } context)
            {
                context.Response.Headers.RetryAfter = building.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            throw FieldErrors.PatternBuilding(building.RetryAfterSeconds);
        }
    }

    /// <summary>
    /// The partners a scope sees for its pattern: each with a visible engagement, with its visible top engagements and
    /// whether all of its engagements are visible (else it reads as the sum of the visible ones).
    /// </summary>
    public static IReadOnlyList<FloorPartner> FloorPartnersOf(CallerScope scope, IReadOnlyList<PartnerInfo> all) =>
        all.Where(p => p.EngagementIds.Any(scope.CanSee))
            .Select(p => new FloorPartner(p.Id, p.TopEngagementIds.Where(scope.CanSee).ToArray(), p.EngagementIds.All(scope.CanSee)))
            .ToArray();

    /// <summary>Whether a value of <paramref name="metric"/> read over <paramref name="n"/> is hidden from this caller.</summary>
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

    /// <summary>Whether the unit is inside the scope.</summary>
    public async Task<bool> CanSeeAsync(long unitId, CancellationToken ct = default) => (await ScopeAsync(ct)).CanSee(unitId);

    /// <summary>
    /// A value as this caller may see it: low-confidence flag, and for a floor caller suppressed below the floor or
    /// where its pattern hides it (complementary suppression). Every value a caller sees is made here or by
    /// <see cref="Gate"/> (scorecards); call <see cref="FloorAsync"/> first.
    /// </summary>
    public MetricValue Shown(SubjectKind kind, long subjectId, string metric, Period period, Slice slice, CellStats stats)
    {
        var reading = MetricReading.Read(metric, stats);
        return MetricValue.Shown(reading, Confidence, Hides(kind, subjectId, metric, period, slice, reading.N));
    }

    /// <summary>The gate scorecards apply to their actuals (null for callers without the floor).</summary>
    public ValueGate? Gate => AppliesPrivacyFloor ? Hides : null;

    /// <summary>Partners with at least one visible engagement, each reduced to its visible engagements.</summary>
    public async Task<IReadOnlyList<PartnerInfo>> PartnersAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return (await AllPartnersAsync(ct))
            .Select(p => p with
            {
                EngagementIds = p.EngagementIds.Where(scope.CanSee).ToArray(),
                TopEngagementIds = p.TopEngagementIds.Where(scope.CanSee).ToArray(),
            })
            .Where(p => p.EngagementIds.Count > 0)
            .ToArray();
    }

    /// <summary>Every partner, read once per request whoever asks first (the pattern build, the partner reads).</summary>
    private Task<IReadOnlyList<PartnerInfo>> AllPartnersAsync(CancellationToken ct)
    {
        lock (this) return partners ??= partnerQueries.AllAsync(ct);
    }

    /// <summary>Each visible partner whole (<c>All</c>) and reduced to the caller's engagements (<c>Visible</c>).</summary>
    public async Task<Dictionary<long, (PartnerInfo All, PartnerInfo Visible)>> PartnerMapAsync(CancellationToken ct)
    {
        var visible = await PartnersAsync(ct);
        var all = await AllPartnersAsync(ct);
        return visible.ToDictionary(v => v.Id, v => (all.First(p => p.Id == v.Id), v));
    }
}
