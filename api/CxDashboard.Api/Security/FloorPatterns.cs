using System.Collections.Concurrent;
using System.Diagnostics;
using CxDashboard.Core.Privacy;
using CxDashboard.Core.Values;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxDashboard.Api.Security;

/// <summary>
/// The suppression pattern of each scope (<see cref="FloorCube"/>), kept per host for one rollup version
/// (<c>rollup_state.refreshed_at</c>, which changes only when a run changed cells), so a caller reads one consistent
/// pattern whatever and however often it asks. Only callers the privacy floor applies to use it (see <see cref="ScopeGate"/>).
/// </summary>
/// <remarks>
/// Patterns are built off the request path: <see cref="FloorPatternWarmer"/> builds them after each rollup version for
/// the scopes that will ask (embed hosts' grants, partners, scopes seen recently). A build always runs detached from the
/// request that may have started it (its own task, no request token), one at a time. A request that finds no pattern of
/// the current version waits for the build at most <see cref="FloorPatternOptions.Wait"/> and then fails with
/// <see cref="FloorPatternBuildingException"/> (PRIVACY_PATTERN_BUILDING, with a retry hint): the rollup cells are
/// replaced in place, so the previous version's cells no longer exist to go with the previous pattern, and the new
/// cells are never shown through an old pattern.
/// </remarks>
public sealed class FloorPatterns(NpgsqlDataSource db, IOptions<ConfidenceOptions> confidence, IOptions<FloorPatternOptions> options,
    ILogger<FloorPatterns> logger)
{
    private sealed class Entry(FloorTarget target)
    {
        public FloorTarget Target { get; } = target;
        public FloorCube? Ready { get; set; }
        public Task<FloorCube>? Building { get; set; }
        public DateTime? BuildingFor { get; set; }
        public Stopwatch? BuildClock { get; set; }
        public TimeSpan? LastBuild { get; set; }
        public bool Invalid { get; set; }
        public DateTime LastAsked { get; set; }
        public bool Pinned { get; set; }
    }

    private readonly ConcurrentDictionary<string, Entry> entries = new();
    // Two builds at a time per host: the warmer builds one scope after the other, so a request's build of a small scope
    // never queues behind a large one; more side by side would only share the same cores.
    private readonly SemaphoreSlim builds = new(2, 2);

    private FloorPatternOptions Options => options.Value;

    /// <summary>The pattern of <paramref name="scope"/> for the current rollup version.</summary>
    /// <param name="partners">The scope's visible partners, asked for only when the scope is new here.</param>
    /// <exception cref="FloorPatternBuildingException">No pattern of the current version is ready within the wait.</exception>
    public async Task<FloorCube> ForAsync(CallerScope scope, Func<Task<IReadOnlyList<FloorPartner>>> partners, CancellationToken ct)
    {
        var version = await VersionAsync(ct);
        var key = Key(scope);
        if (!entries.TryGetValue(key, out var entry))
        {
            var target = new FloorTarget(scope, await partners(), $"scope {scope.Subject}");
            entry = entries.GetOrAdd(key, _ => new Entry(target));
            Evict();
        }
        entry.LastAsked = DateTime.UtcNow;
        if (Usable(entry, version) is { } ready) return ready;
        var build = Start(entry, version, "request");
        var wait = Options.Wait;
        if (wait > TimeSpan.Zero && !build.IsCompleted) await Task.WhenAny(build, Task.Delay(wait, ct));
        ct.ThrowIfCancellationRequested();
        if (build.IsCompletedSuccessfully && Covers(build.Result, version)) return build.Result;
        if (build.IsFaulted) throw new InvalidOperationException("The privacy pattern could not be built.", build.Exception);
        throw new FloorPatternBuildingException(RetryAfter(entry));
    }

    /// <summary>
    /// Builds, one after the other, the pattern of every target not yet ready for the current version, then of every scope
    /// asked for recently; returns how many were built, how many were already ready, and which could not be built.
    /// </summary>
    public async Task<FloorWarmResult> WarmAsync(IReadOnlyList<FloorTarget> targets, CancellationToken ct)
    {
        var version = await VersionAsync(ct);
        var recent = DateTime.UtcNow - Options.KeepRecent;
        foreach (var t in targets)
        {
            var entry = entries.GetOrAdd(Key(t.Scope), _ => new Entry(t));
            entry.Pinned = true;
        }
        var due = entries.Values.Where(e => e.Pinned || e.LastAsked >= recent).ToArray();
        var (built, ready) = (0, 0);
        var failures = new List<(string Label, string Error)>();
        foreach (var entry in due)
        {
            ct.ThrowIfCancellationRequested();
            if (Usable(entry, version) is not null)
            {
                ready++;
                continue;
            }
            try
            {
                await Start(entry, version, "warm").WaitAsync(ct);
                built++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Privacy pattern of {Target} could not be built", entry.Target.Label);
                failures.Add((entry.Target.Label, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
        // Hosts and partners no longer listed, and scopes nobody asked for lately, are dropped.
        foreach (var (key, entry) in entries)
        {
            if (entry.Pinned && !targets.Any(t => Key(t.Scope) == key)) entry.Pinned = false;
            if (!entry.Pinned && entry.LastAsked < recent) entries.TryRemove(key, out _);
        }
        return new FloorWarmResult(built, ready, version, failures);
    }

    /// <summary>Drops a scope's pattern (a value's count no longer matched it: the data changed); the next ask rebuilds it.</summary>
    public void Forget(CallerScope scope)
    {
        if (entries.TryGetValue(Key(scope), out var entry)) entry.Invalid = true;
    }

    /// <summary>The ready pattern of a scope for <paramref name="version"/>, if there is one (tests, diagnostics).</summary>
    public FloorCube? ReadyFor(CallerScope scope, DateTime? version) =>
        entries.TryGetValue(Key(scope), out var entry) ? Usable(entry, version) : null;

    /// <summary>Completes when the build under way for a scope (if any) has ended (tests, diagnostics).</summary>
    public Task BuildEndedAsync(CallerScope scope) =>
        entries.TryGetValue(Key(scope), out var entry) && entry.Building is { } b ? b.ContinueWith(_ => { }, TaskScheduler.Default) : Task.CompletedTask;

    /// <summary>The scope's visible set as a short fingerprint: two callers seeing the same units share one pattern.</summary>
    public static string Key(CallerScope scope) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(string.Join(',', scope.UnitIds.Order()))));

    public async Task<DateTime?> VersionAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT refreshed_at FROM rollup_state WHERE id = 1");
        return await cmd.ExecuteScalarAsync(ct) is DateTime t ? t : null;
    }

    private static FloorCube? Usable(Entry entry, DateTime? version)
    {
        lock (entry)
        {
            if (entry.Invalid) return null;
            return entry.Ready is { } r && Covers(r, version) ? r : null;
        }
    }

    /// <summary>
    /// A pattern serves a request that read <paramref name="version"/> when it was solved from that version's cells, or
    /// from a newer one's: the request's own reads come after its version read, so they see that newer version too.
    /// </summary>
    private static bool Covers(FloorCube cube, DateTime? version) => cube.Version == version || cube.Version > version;

    /// <summary>The build of <paramref name="version"/> under way for the entry, or a new one (never tied to a request).</summary>
    private Task<FloorCube> Start(Entry entry, DateTime? version, string by)
    {
        lock (entry)
        {
            if (entry.Building is { IsCompleted: false } b && entry.BuildingFor == version) return b;
            entry.Invalid = false;
            entry.BuildingFor = version;
            entry.BuildClock = Stopwatch.StartNew();
            var previous = entry.Ready;
            entry.Building = Task.Run(() => BuildAsync(entry, previous, by));
            return entry.Building;
        }
    }

    private async Task<FloorCube> BuildAsync(Entry entry, FloorCube? previous, string by)
    {
        await builds.WaitAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var units = new Dictionary<long, long?>();
            await using (var cmd = db.CreateCommand("SELECT id, parent_id FROM org_unit WHERE id = ANY(@ids)"))
            {
                cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = entry.Target.Scope.ToArray() });
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) units[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetInt64(1);
            }
            var cube = await FloorCube.BuildAsync(db, units, entry.Target.Partners, confidence.Value.PrivacyFloor, previous,
                auditBudget: Options.LinearAudit ? SuppressionSolver.DefaultAuditBudget : SuppressionSolver.NoAudit);
            lock (entry)
            {
                // two builds of one scope may overlap across a version change: the newer cells win
                if (entry.Ready is not { } had || !(had.Version > cube.Version)) entry.Ready = cube;
                entry.LastBuild = clock.Elapsed;
            }
            logger.LogInformation(
                "Privacy pattern of {Target} ({By}) for rollup version {Version:O}: {Units} units, {Cells} cells, {Hidden} hidden (nps basis), " +
                "read {Read:0.00}s, solve {Solve:0.00}s{Reused}, {Seconds:0.00}s in all",
                entry.Target.Label, by, cube.Version, units.Count, cube.Cells, cube.SuppressedCount(0),
                cube.Times.Read.TotalSeconds, cube.Times.Solve.TotalSeconds, cube.Times.Reused ? " (counts unchanged: previous pattern kept)" : "",
                clock.Elapsed.TotalSeconds);
            return cube;
        }
        finally
        {
            builds.Release();
        }
    }

    /// <summary>Seconds to suggest before a retry: what the last build of this scope took, less what this one has run; else the default.</summary>
    private int RetryAfter(Entry entry)
    {
        var elapsed = entry.BuildClock?.Elapsed ?? TimeSpan.Zero;
        var expected = entry.LastBuild ?? Options.DefaultRetryAfter;
        return Math.Clamp((int)Math.Ceiling((expected - elapsed).TotalSeconds), 1, 300);
    }

    private void Evict()
    {
        while (entries.Count > Options.MaxScopes)
        {
            var oldest = entries.Where(kv => !kv.Value.Pinned).OrderBy(kv => kv.Value.LastAsked).Select(kv => kv.Key).FirstOrDefault();
            if (oldest is null || !entries.TryRemove(oldest, out _)) return;
        }
    }
}

/// <summary>A scope whose pattern is built ahead of its callers: its units, its visible partners, and what it is (for logs).</summary>
public sealed record FloorTarget(CallerScope Scope, IReadOnlyList<FloorPartner> Partners, string Label);

/// <summary>What one warm round did: patterns built, already ready, the rollup version, and the scopes that could not be built.</summary>
public sealed record FloorWarmResult(int Built, int Ready, DateTime? Version, IReadOnlyList<(string Label, string Error)> Failures);

/// <summary>No suppression pattern of the current rollup version is ready for the caller's scope yet; retry after <see cref="RetryAfterSeconds"/>.</summary>
public sealed class FloorPatternBuildingException(int retryAfterSeconds)
    : Exception($"The privacy pattern for your scope is being built after a rollup update; retry in about {retryAfterSeconds} s.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

/// <summary>Section <c>FloorPatterns</c>: when and how long suppression patterns are built and waited for.</summary>
public sealed class FloorPatternOptions
{
    public const string Section = "FloorPatterns";

    /// <summary>How long a request waits for its scope's pattern before failing with PRIVACY_PATTERN_BUILDING (below the GraphQL time budget).</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each api node checks for a new rollup version to build patterns for; zero: never (patterns are then built on first ask only).</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A scope asked for within this time is rebuilt after each rollup version, like embed hosts and partners.</summary>
    public TimeSpan KeepRecent { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Retry hint when a scope's build time is not known yet.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether patterns are built with the linear audit of every relation at once (<see cref="LinearAudit"/>, ADR 0009).
    /// Off by default: on the demo data it makes a partner's build 3–13 s instead of under 1 s, which runs past
    /// <see cref="Wait"/> under load, and it hides nearly all of the whole company's cube (over its budget: fail closed).
    /// </summary>
    public bool LinearAudit { get; set; }

    /// <summary>Most scopes kept per node (least recently asked dropped first; embed hosts and partners are kept).</summary>
    public int MaxScopes { get; set; } = 256;
}
