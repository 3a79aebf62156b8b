using System.Collections.Concurrent;
using CxDashboard.Api.Security;
using CxDashboard.Core.Jobs;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Embedding;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CxDashboard.Tests.Security;

/// <summary>
/// The demo data set with the pattern warmer's own loop running (a 100 ms poll), its database reached through a
/// <see cref="TcpProxy"/> the test can take down, and its log kept. Rollup runs go straight to the database, as a worker's do.
/// </summary>
public sealed class WarmerLoopApp : EmbedApp
{
    public TcpProxy Proxy { get; private set; } = null!;

    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Log { get; } = new();

    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        Proxy = new TcpProxy(target.Host!, target.Port);
        _ = Factory.Services; // starts the host, and with it the loop
    }

    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        var via = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3 };
        web.UseSetting("ConnectionStrings:Cx", via.ConnectionString);
        web.UseSetting("FloorPatterns:Poll", Poll.ToString());
        web.ConfigureLogging(l => l.AddProvider(new KeepingLoggerProvider(Log)));
    }

    public FloorPatternWarmer Warmer => Factory.Services.GetRequiredService<FloorPatternWarmer>();

    public FloorPatterns Patterns => Factory.Services.GetRequiredService<FloorPatterns>();

    public Task<DateTime?> VersionAsync() => ScalarAsync<DateTime?>("SELECT refreshed_at FROM rollup_state WHERE id = 1");

    /// <summary>The warmer's rounds in job_run, oldest first: id, outcome, scope, watermark, error.</summary>
    public async Task<List<(long Id, string Outcome, string? Scope, DateTime? Version, string? Error)>> RoundsAsync() =>
        (await RowsAsync("SELECT id, outcome, scope, watermark, error FROM job_run WHERE job = $1 ORDER BY id", FloorPatternRounds.Job))
        .Select(r => ((long)r[0]!, (string)r[1]!, (string?)r[2], (DateTime?)r[3], (string?)r[4])).ToList();

    /// <summary>Waits until the loop has built for the current rollup version and hosts and no round is under way.</summary>
    public async Task SettledAsync()
    {
        await Until(async () =>
        {
            var version = await VersionAsync();
            var rounds = await RoundsAsync();
            return rounds.All(r => r.Outcome != "running") && rounds.Any(r => r.Outcome == "succeeded" && r.Version == version)
                && !await Warmer.HostsChangedAsync();
        }, "the loop to build for the current version");
        await Task.Delay(Poll * 3);
    }

    public static async Task Until(Func<Task<bool>> done, string what, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited {seconds} s for {what}");
            await Task.Delay(50);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null) await Proxy.DisposeAsync();
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<(string, LogLevel, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Keeping(categoryName, log);

        public void Dispose()
        {
        }

        private sealed class Keeping(string category, ConcurrentQueue<(string, LogLevel, string)> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>
/// The warmer's loop itself, not one round called by hand: what makes it build (a rollup run that changed cells, an embed
/// host registered), what does not (a run that changed nothing), a database outage, and how its rounds show in job_run.
/// </summary>
public sealed class FloorPatternWarmerLoopTests(WarmerLoopApp app) : IClassFixture<WarmerLoopApp>
{
    [Fact]
    public async Task A_rollup_run_that_changes_cells_makes_the_loop_build_again_and_one_that_changes_nothing_does_not()
    {
        await app.SettledAsync();
        var before = await app.RoundsAsync();
        var version = await app.VersionAsync();

        // a refresh with no changed day: the version stays, and the loop builds nothing (no round recorded)
        var idle = await new RollupEngine(app.DataSource).RefreshAsync();
        Assert.Equal(0, idle.CellsWritten);
        Assert.Equal(version, await app.VersionAsync());
        await Task.Delay(WarmerLoopApp.Poll * 20);
        Assert.Equal(before.Select(r => r.Id), (await app.RoundsAsync()).Select(r => r.Id));

        // one response's score corrected in place and its day marked: the refresh recomputes that day's cells from the raw
        // rows and moves the version, and the loop builds for it
        await app.ExecuteAsync("""
            WITH r AS (SELECT id, org_unit_id, responded_at FROM survey_response WHERE nps IS NOT NULL ORDER BY id LIMIT 1),
                 fixed AS (UPDATE survey_response s SET nps = CASE WHEN s.nps = 10 THEN 0 ELSE 10 END FROM r WHERE s.id = r.id AND s.responded_at = r.responded_at)
            INSERT INTO dirty_day (org_unit_id, day, fact, marked_at) SELECT org_unit_id, (responded_at AT TIME ZONE 'UTC')::date, 'response', now() FROM r
            """);
        var run = await new RollupEngine(app.DataSource).RefreshAsync();
        Assert.Equal(1, run.DaysRecomputed);
        var moved = await app.VersionAsync();
        Assert.NotEqual(version, moved);
        await WarmerLoopApp.Until(async () => (await app.RoundsAsync()).Any(r => r.Outcome == "succeeded" && r.Version == moved), "a round for the new version");

        var round = (await app.RoundsAsync()).Single(r => r.Version == moved);
        // every partner is a target (a partner manager's scope), so the round built at least as many patterns as there are partners
        var partners = await app.ScalarAsync<long>("SELECT count(*) FROM partner");
        var built = int.Parse(System.Text.RegularExpressions.Regex.Match(round.Scope!, @"; (\d+) built;").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(built >= partners, $"{round.Scope} for {partners} partners");
        Assert.EndsWith($"rollup version {moved!.Value:O}", round.Scope!, StringComparison.Ordinal);
        var acme = (await app.Warmer.TargetsAsync()).Single(t => t.Label == "partner PRT-ACME");
        Assert.NotNull(app.Patterns.ReadyFor(acme.Scope, moved));
    }

    [Fact]
    public async Task A_round_that_finds_every_pattern_ready_leaves_no_row_behind()
    {
        await app.SettledAsync();
        var before = await app.RoundsAsync();

        var (built, ready, _) = await app.Warmer.WarmAsync();

        Assert.Equal(0, built);
        Assert.True(ready > 0, $"ready {ready}");
        Assert.Equal(before.Select(r => r.Id), (await app.RoundsAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Registering_an_embed_host_makes_the_loop_build_its_grant_without_a_new_rollup_version()
    {
        await app.SettledAsync();
        var version = await app.VersionAsync();
        var last = (await app.RoundsAsync()).Max(r => r.Id);

        var host = await app.RegisterHostAsync("loop-new-host", ["DEP-RETAIL-STORES"], []);

        var target = (await app.Warmer.TargetsAsync()).Single(t => t.Label == $"embed host {host.Id}");
        await WarmerLoopApp.Until(async () => app.Patterns.ReadyFor(target.Scope, version) is not null, "the new host's grant to be built");
        Assert.Equal(version, await app.VersionAsync());
        await WarmerLoopApp.Until(async () => (await app.RoundsAsync()).Any(r => r.Id > last && r.Outcome == "succeeded"), "the round's row");
        var round = (await app.RoundsAsync()).First(r => r.Id > last);
        Assert.Matches(@"^\d+ target\(s\); [1-9]\d* built; \d+ already ready; rollup version ", round.Scope!);
        Assert.Equal(version, round.Version);
    }

    [Fact]
    public async Task A_database_outage_is_logged_and_the_loop_builds_for_the_new_version_once_the_database_is_back()
    {
        await app.SettledAsync();
        app.Proxy.Down();
        try
        {
            // a worker (direct connection) changes the cells while the api node cannot reach the database
            await new RollupEngine(app.DataSource).RebuildAsync();
            await WarmerLoopApp.Until(() => Task.FromResult(app.Log.Any(l => l.Category == typeof(FloorPatternWarmer).FullName && l.Level == LogLevel.Warning
                && l.Message.StartsWith("Privacy patterns: could not check or build", StringComparison.Ordinal))), "the warning", 30);
            // failing again and again, the loop waits twice as long each time (the poll is 100 ms): not a failed round every poll
            await WarmerLoopApp.Until(() => Task.FromResult(app.Log.Any(l => l.Category == typeof(FloorPatternWarmer).FullName
                && l.Message.Contains("(3 time(s) in a row); trying again in 00:00:00.4", StringComparison.Ordinal))), "the third failure in a row", 30);
        }
        finally
        {
            app.Proxy.Up();
        }
        var moved = await app.VersionAsync();
        await WarmerLoopApp.Until(async () => (await app.RoundsAsync()).Any(r => r.Outcome == "succeeded" && r.Version == moved), "a round for the version made during the outage");
        var acme = (await app.Warmer.TargetsAsync()).Single(t => t.Label == "partner PRT-ACME");
        Assert.NotNull(app.Patterns.ReadyFor(acme.Scope, moved));
    }

    [Fact]
    public async Task A_running_round_of_a_node_that_died_is_closed_as_abandoned_and_a_live_nodes_round_is_left_running()
    {
        await app.SettledAsync();
        var dead = await app.ScalarAsync<long>("INSERT INTO job_run (job, node, started_at, outcome) VALUES ($1, 'dead:1', now() - interval '1 hour', 'running') RETURNING id", FloorPatternRounds.Job);
        var live = await app.ScalarAsync<long>("INSERT INTO job_run (job, node, started_at, outcome) VALUES ($1, 'live:2', now(), 'running') RETURNING id", FloorPatternRounds.Job);
        // the live node holds its round's lock on its own session, as FloorPatternRounds does
        await using var liveNode = await app.DataSource.OpenConnectionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({FloorPatternRounds.LockClass}, {live})", liveNode)) await hold.ExecuteNonQueryAsync();
        try
        {
            await using (var round = await new FloorPatternRounds(app.DataSource).StartAsync(CancellationToken.None))
            {
                await round.SucceededAsync(0, new FloorWarmResult(0, 0, null, []));
            }

            var rows = (await app.RoundsAsync()).ToDictionary(r => r.Id);
            Assert.Equal("failed", rows[dead].Outcome);
            Assert.StartsWith(JobRunLog.AbandonedPrefix, rows[dead].Error, StringComparison.Ordinal);
            Assert.Equal("running", rows[live].Outcome);
            Assert.NotNull(await app.ScalarAsync<DateTime?>("SELECT finished_at FROM job_run WHERE id = $1", dead));
        }
        finally
        {
            await app.ExecuteAsync("UPDATE job_run SET outcome = 'failed', finished_at = now(), error = 'test' WHERE id = $1", live);
        }
    }
}
