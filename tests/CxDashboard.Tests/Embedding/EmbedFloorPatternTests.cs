using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Api.Security;
using CxDashboard.Core.Privacy;
using CxDashboard.Core.Rollups;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Embedding;

/// <summary>
/// The embed host over demo data with the pattern warmer's clock off (each test runs its rounds itself) and no wait in
/// requests: a floor caller whose pattern is not ready for the current rollup version is answered at once with
/// PRIVACY_PATTERN_BUILDING, so data in an answer proves the pattern was built before the request, off its path.
/// </summary>
public sealed class FloorPatternApp : EmbedApp
{
    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("FloorPatterns:Poll", "00:00:00");
        web.UseSetting("FloorPatterns:Wait", "00:00:00");
    }

    public FloorPatternWarmer Warmer => Factory.Services.GetRequiredService<FloorPatternWarmer>();

    public FloorPatterns Patterns => Factory.Services.GetRequiredService<FloorPatterns>();

    public Task<DateTime?> VersionAsync() => ScalarAsync<DateTime?>("SELECT refreshed_at FROM rollup_state WHERE id = 1");

    /// <summary>The warmer's target for a grant of the whole company (what a CO embed token sees): the company's subtree, from the closure table.</summary>
    public async Task<FloorTarget> CompanyTargetAsync()
    {
        var company = (await RowsAsync("""
            SELECT c.descendant_id FROM org_unit_closure c JOIN org_unit u ON u.id = c.ancestor_id WHERE u.code = 'CO'
            """)).Select(r => (long)r[0]!).ToHashSet();
        return (await Warmer.TargetsAsync()).Single(t => t.Label.StartsWith("embed host ", StringComparison.Ordinal) && t.Scope.UnitIds.SetEquals(company));
    }
}

/// <summary>
/// Privacy patterns of large scopes are built after each rollup run, not inside the first request (session 12: an
/// embedded company scorecard timed out on its first request while its pattern was built in it).
/// </summary>
public sealed class EmbedFloorPatternTests(FloorPatternApp app) : IClassFixture<FloorPatternApp>
{
    private const string ScorecardQuery = """query($u: ID!, $p: String!) { scorecard(unit: $u, period: $p) { score kpis { actual n } } }""";

    private async Task<(EmbedApp.Host Host, string Token, string UnitId)> CompanyEmbedAsync(string name)
    {
        var host = await app.RegisterHostAsync(name, ["CO"], []);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = "CO", period = app.Month } });
        return (host, token, (await app.UnitIdAsync("CO")).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static double[] Actuals(JsonElement body) =>
        body.GetProperty("data").GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .Where(k => k.GetProperty("actual").ValueKind == JsonValueKind.Number).Select(k => k.GetProperty("actual").GetDouble()).ToArray();

    [Fact]
    public async Task An_embed_of_the_whole_company_reads_its_scorecard_on_the_first_request_after_a_rollup_run()
    {
        var (_, token, co) = await CompanyEmbedAsync("floor-first-request");
        // a new rollup version: every pattern is out of date
        await new RollupEngine(app.DataSource).RebuildAsync();
        var version = await app.VersionAsync();
        var target = await app.CompanyTargetAsync();
        Assert.Null(app.Patterns.ReadyFor(target.Scope, version));

        var (built, _, warmedVersion) = await app.Warmer.WarmAsync();

        Assert.True(built >= 1, $"built {built}");
        Assert.Equal(version, warmedVersion);
        Assert.Equal(version, app.Patterns.ReadyFor(target.Scope, version)?.Version);
        // No wait is allowed (FloorPatterns:Wait = 0): the first request gets figures only because the pattern is ready.
        var (status, body) = await app.GraphQLWithTokenAsync(token, ScorecardQuery, new { u = co, p = app.Month });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.NotEmpty(Actuals(body));
    }

    [Fact]
    public async Task A_host_registered_after_the_last_rollup_run_has_its_grant_built_by_the_next_round_not_by_its_first_request()
    {
        await app.Warmer.WarmAsync();
        Assert.False(await app.Warmer.HostsChangedAsync());
        // a grant no other test of this class uses, so no pattern of it can be ready yet
        var host = await app.RegisterHostAsync("floor-new-host", ["DIV-CARE"], []);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = "DIV-CARE", period = app.Month } });
        var version = await app.VersionAsync();
        var target = (await app.Warmer.TargetsAsync()).Single(t => t.Label == $"embed host {host.Id}");
        Assert.Null(app.Patterns.ReadyFor(target.Scope, version));

        // the rollup version did not move: the poll sees the new host, and its round builds the grant
        Assert.True(await app.Warmer.HostsChangedAsync());
        var (built, _, warmedVersion) = await app.Warmer.WarmAsync();
        Assert.Equal(version, warmedVersion);
        Assert.True(built >= 1, $"built {built}");
        Assert.NotNull(app.Patterns.ReadyFor(target.Scope, version));
        Assert.False(await app.Warmer.HostsChangedAsync());

        // no wait allowed: figures on the first request only because the round built the pattern
        var unit = (await app.UnitIdAsync("DIV-CARE")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (status, body) = await app.GraphQLWithTokenAsync(token, ScorecardQuery, new { u = unit, p = app.Month });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.NotEmpty(Actuals(body));
    }

    [Fact]
    public async Task A_request_while_its_pattern_builds_gets_a_clear_error_with_a_retry_hint_and_no_values_then_the_figures()
    {
        var (_, token, co) = await CompanyEmbedAsync("floor-while-building");
        await app.Warmer.WarmAsync();
        await new RollupEngine(app.DataSource).RebuildAsync(); // a new version nobody has built yet

        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = ScorecardQuery, variables = new { u = co, p = app.Month } }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var error = Assert.Single(body.Errors());
        Assert.Equal("PRIVACY_PATTERN_BUILDING", error.Code());
        var seconds = error.GetProperty("extensions").GetProperty("params").GetProperty("seconds").GetInt32();
        Assert.InRange(seconds, 1, 300);
        Assert.Equal(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.RetryAfter?.ToString());
        // nothing published: the scorecard is null, no KPI value went out
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("scorecard").ValueKind);

        // The request started the build detached from itself; once it ends, the same request gets the figures.
        await app.Patterns.BuildEndedAsync((await app.CompanyTargetAsync()).Scope);
        var (status, again) = await app.GraphQLWithTokenAsync(token, ScorecardQuery, new { u = co, p = app.Month });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(again.TryGetProperty("errors", out var e2), e2.ToString());
        Assert.NotEmpty(Actuals(again));
    }

    [Fact]
    public async Task A_new_rollup_version_invalidates_the_pattern_and_the_next_round_rebuilds_it_from_the_new_counts()
    {
        await CompanyEmbedAsync("floor-new-version");
        await app.Warmer.WarmAsync();
        var target = await app.CompanyTargetAsync();
        var before = await app.VersionAsync();
        var old = app.Patterns.ReadyFor(target.Scope, before)!;
        Assert.NotNull(old);

        // An incremental run with nothing to do changes no cell: the version stays and so does the pattern.
        await new RollupEngine(app.DataSource).RefreshAsync();
        Assert.Equal(before, await app.VersionAsync());
        Assert.Same(old, app.Patterns.ReadyFor(target.Scope, before));

        // One more response in the month for a unit of the company, then a run: a new version, the old pattern no longer serves.
        var monthStart = DateOnly.ParseExact(app.Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await app.ExecuteAsync("""
            INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, nps)
            SELECT 'floor-pattern-new-version', responded_at, org_unit_id, channel, journey_stage, segment, 9
            FROM survey_response WHERE nps IS NOT NULL AND responded_at >= $1::date ORDER BY responded_at LIMIT 1
            """, monthStart);
        await new RollupEngine(app.DataSource).RebuildAsync();
        var after = await app.VersionAsync();
        Assert.NotEqual(before, after);
        Assert.Null(app.Patterns.ReadyFor(target.Scope, after));

        await app.Warmer.WarmAsync();

        var fresh = app.Patterns.ReadyFor(target.Scope, after)!;
        Assert.Equal(after, fresh.Version);
        // The company's NPS count for the month, from the raw rows: the new pattern knows it, the old one did not (a value
        // read with that count through the old pattern is hidden as stale, never published).
        var n = await app.ScalarAsync<long>("""
            SELECT count(*) FROM survey_response WHERE nps IS NOT NULL AND responded_at >= $1::date AND responded_at < ($1::date + interval '1 month')
            """, monthStart);
        var cell = new FloorCell(SubjectKind.Unit, await app.UnitIdAsync("CO"), "month", monthStart, Slice.All.Dimension, "");
        Assert.False(fresh.Hides(FloorBasis.Of("nps"), cell, n, out var freshStale));
        Assert.False(freshStale);
        Assert.True(old.Hides(FloorBasis.Of("nps"), cell, n, out var oldStale));
        Assert.True(oldStale);
    }

    [Fact]
    public async Task The_pattern_is_the_same_whoever_builds_it()
    {
        await CompanyEmbedAsync("floor-same-pattern");
        await app.Warmer.WarmAsync();
        var target = await app.CompanyTargetAsync();
        var version = await app.VersionAsync();
        var warmed = app.Patterns.ReadyFor(target.Scope, version)!;

        // The request path's own way: a store with nothing built, asked as a request asks (waiting as long as it takes).
        var requestPath = new FloorPatterns(app.DataSource, app.Factory.Services.GetRequiredService<IOptions<ConfidenceOptions>>(),
            Options.Create(new FloorPatternOptions { Wait = TimeSpan.FromMinutes(5) }),
            app.Factory.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FloorPatterns>>());
        var asked = await requestPath.ForAsync(target.Scope, () => Task.FromResult(target.Partners), CancellationToken.None);

        Assert.Equal(warmed.Cells, asked.Cells);
        Assert.True(warmed.Cells > 1000, $"{warmed.Cells} cells");
        for (var basis = 0; basis < FloorBasis.Columns.Length; basis++)
        {
            var a = warmed.HiddenCells(basis).ToHashSet();
            var b = asked.HiddenCells(basis).ToHashSet();
            Assert.True(a.SetEquals(b), $"basis {FloorBasis.Columns[basis]}: {a.Count} hidden by the warmer, {b.Count} by the request path");
            Assert.NotEmpty(a);
        }
    }
}
