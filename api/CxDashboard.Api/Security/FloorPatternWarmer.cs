using System.Diagnostics;
using System.Security.Claims;
using CxDashboard.Api.Rollups;
using CxDashboard.Core.Embedding;
using CxDashboard.Core.Partners;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxDashboard.Api.Security;

/// <summary>
/// Builds the privacy floor's suppression patterns off the request path: on every api node, whenever the rollup version
/// (<c>rollup_state.refreshed_at</c>) changes — after a rebuild or an incremental refresh that changed cells —, whenever
/// an embed host is registered, changes its grant or permissions, or is enabled or disabled, and once at start, for the
/// scopes that will ask: every enabled embed host's grant (whole, and each granted unit or partner
/// alone, at the depth its tokens get), every partner (a partner manager's scope), and every scope asked for recently.
/// A scope whose counts did not change keeps its pattern for the cost of reading them. Logs each build with its counts
/// and times (<see cref="FloorPatterns"/>) and each round with its totals; records each round that built something or
/// failed in <c>job_run</c> (<see cref="FloorPatternRounds"/>). A round that failed as a whole (the database away) is
/// tried again at the next poll: the version and hosts it was for are remembered only when a round completes.
/// </summary>
public sealed class FloorPatternWarmer(
    FloorPatterns patterns, FloorPatternRounds rounds, NpgsqlDataSource db, PartnerQueries partnerQueries, IServiceScopeFactory services,
    IOptions<FloorPatternOptions> options, NodeRole role, ILogger<FloorPatternWarmer> logger) : BackgroundService
{
    private DateTime? warmed;
    private string? warmedHosts;
    private bool everWarmed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!role.ServesApi || options.Value.Poll <= TimeSpan.Zero) return;
        var poll = options.Value.Poll;
        using var timer = new PeriodicTimer(poll);
        var failures = 0;
        var retryAt = DateTime.MinValue;
        do
        {
            if (DateTime.UtcNow < retryAt) continue;
            try
            {
                var version = await patterns.VersionAsync(stoppingToken);
                if (!everWarmed || version != warmed || await HostsChangedAsync(stoppingToken)) await WarmAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment: try again soon. A round that fails the same way every time (each
                // failed round is a job_run row) is tried less and less often, up to 30 polls apart.
                failures++;
                var delay = TimeSpan.FromTicks(poll.Ticks * Math.Min(30, 1L << Math.Min(failures - 1, 5)));
                retryAt = DateTime.UtcNow + delay - poll / 2;
                logger.LogWarning(ex, "Privacy patterns: could not check or build ({Failures} time(s) in a row); trying again in {Delay}", failures, delay);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every target's pattern for the current rollup version (the CLI and tests call it directly).</summary>
    public async Task<(int Built, int Ready, DateTime? Version)> WarmAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var round = await rounds.StartAsync(ct);
        try
        {
            var hosts = await HostsFingerprintAsync(ct);
            var targets = await TargetsAsync(ct);
            var result = await patterns.WarmAsync(targets, ct);
            await round.SucceededAsync(targets.Count, result);
            // A scope that failed is not retried every poll (its callers build it on first ask); the round's row says it failed.
            (warmed, warmedHosts, everWarmed) = (result.Version, hosts, true);
            logger.LogInformation("Privacy patterns for rollup version {Version:O}: {Targets} hosts' and partners' scopes, {Built} built, {Ready} already ready, {Failed} failed, in {Seconds:0.00}s (job run {Id})",
                result.Version, targets.Count, result.Built, result.Ready, result.Failures.Count, clock.Elapsed.TotalSeconds, round.Id);
            return (result.Built, result.Ready, result.Version);
        }
        catch (Exception ex)
        {
            try
            {
                await round.FailedAsync(ex);
            }
            catch (NpgsqlException)
            {
                // the database is away: the row stays running, and a later round closes it as abandoned (its lock is gone)
            }
            throw;
        }
    }

    /// <summary>
    /// Whether a host was registered, changed its grant or permissions, or was enabled or disabled since the last round
    /// (on any node: read from the database): a new host's grant is built now, not at the next rollup run that changes
    /// cells, so its first embed request does not build it.
    /// </summary>
    public async Task<bool> HostsChangedAsync(CancellationToken ct = default) => await HostsFingerprintAsync(ct) != warmedHosts;

    private async Task<string?> HostsFingerprintAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT md5(string_agg(concat_ws('|', id, grant_units::text, grant_partners::text, permissions::text, disabled_at IS NULL), ',' ORDER BY id))
            FROM host_application
            """);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The scopes embed tokens and partner managers will ask with, resolved as the scope gate resolves them.</summary>
    public async Task<IReadOnlyList<FloorTarget>> TargetsAsync(CancellationToken ct = default)
    {
        var resolver = new ScopeResolver(db);
        var all = await partnerQueries.AllAsync(ct);
        var wanted = new List<(string Label, string[] Units, string[] Partners, bool Drill)>();
        IReadOnlyList<HostApplication> registered;
        using (var scope = services.CreateScope())
        {
            registered = await scope.ServiceProvider.GetRequiredService<HostRegistry>().ListAsync(ct);
        }
        foreach (var host in registered)
        {
            if (host.DisabledAt is not null) continue;
            var drill = host.Permissions.Contains(EmbedPermissions.Drill);
            wanted.Add(($"embed host {host.Id}", host.GrantUnits, host.GrantPartners, drill));
            if (host.GrantUnits.Length + host.GrantPartners.Length > 1)
            {
                wanted.AddRange(host.GrantUnits.Select(u => ($"embed host {host.Id} unit {u}", new[] { u }, Array.Empty<string>(), drill)));
                wanted.AddRange(host.GrantPartners.Select(p => ($"embed host {host.Id} partner {p}", Array.Empty<string>(), new[] { p }, drill)));
            }
        }
        wanted.AddRange(all.Select(p => ($"partner {p.Code}", Array.Empty<string>(), new[] { p.Code }, true)));

        var targets = new List<FloorTarget>();
        var seen = new HashSet<string>();
        foreach (var (label, units, partners, drill) in wanted)
        {
            var claims = units.Select(u => new Claim(CxClaims.ScopeUnit, u)).Concat(partners.Select(p => new Claim(CxClaims.ScopePartner, p))).ToList();
            if (!drill) claims.Add(new Claim(CallerLocks.DepthClaim, "0"));
            var scope = await resolver.ResolveAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "floor-patterns")), ct);
            if (scope.UnitIds.Count == 0 || !seen.Add(FloorPatterns.Key(scope))) continue;
            targets.Add(new FloorTarget(scope, ScopeGate.FloorPartnersOf(scope, all), label));
        }
        return targets;
    }
}
