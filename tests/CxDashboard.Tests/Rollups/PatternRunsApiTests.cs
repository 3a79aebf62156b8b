using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Api.Security;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// GET /api/rollups/runs lists the privacy-pattern builds too (job <c>privacy-patterns</c>): <c>job=</c> keeps one job's
/// runs, <c>except=</c> leaves them out (the data-jobs screen shows the two lists side by side); analysts only.
/// </summary>
public sealed class PatternRunsApiTests(CxApp app) : IClassFixture<CxApp>
{
    private async Task<string[]> JobsAsync(string persona, string query) =>
        [.. (await app.CreateClient(persona).GetFromJsonAsync<JsonElement>($"/api/rollups/runs{query}")).EnumerateArray()
            .Select(r => $"{r.GetProperty("job").GetString()} {r.GetProperty("outcome").GetString()}")];

    [Fact]
    public async Task Pattern_builds_are_listed_apart_from_the_rollup_runs_with_their_counts_and_errors_for_analysts_only()
    {
        await app.ExecuteAsync($"""
            INSERT INTO job_run (job, node, started_at, finished_at, outcome, rows_read, cells_written, scope) VALUES
              ('rollup-refresh', 'n1', now() - interval '3 min', now() - interval '3 min', 'succeeded', 10, 20, 'incremental; 1 day(s)'),
              ('{FloorPatternRounds.Job}', 'n1', now() - interval '2 min', now() - interval '2 min', 'succeeded', NULL, NULL, '12 target(s); 12 built; 0 already ready; rollup version 2026-12-05T10:00:00.0000000Z'),
              ('monthly-review', 'n1', now() - interval '1 min', now() - interval '1 min', 'succeeded', 1, NULL, 'CO 2026-11');
            INSERT INTO job_run (job, node, started_at, finished_at, outcome, error) VALUES
              ('{FloorPatternRounds.Job}', 'n2', now(), now(), 'failed', 'NpgsqlException: connection refused')
            """);

        Assert.Equal([$"{FloorPatternRounds.Job} failed", $"{FloorPatternRounds.Job} succeeded"], await JobsAsync("analyst", $"?job={FloorPatternRounds.Job}"));
        Assert.Equal(["monthly-review succeeded", "rollup-refresh succeeded"], await JobsAsync("analyst", $"?except={FloorPatternRounds.Job}"));
        // a round records no rows or cells, so hiding idle refreshes keeps it
        Assert.Equal(2, (await JobsAsync("analyst", $"?job={FloorPatternRounds.Job}&idle=false")).Length);
        Assert.Equal(4, (await JobsAsync("analyst", "")).Length);

        foreach (var persona in new[] { "executive", "department_head", "partner_manager" })
            Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient(persona).GetAsync($"/api/rollups/runs?job={FloorPatternRounds.Job}")).StatusCode);
    }
}
