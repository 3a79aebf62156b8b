using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>The runs list without the every-minute refreshes that found nothing to do (<c>idle=false</c>).</summary>
public sealed class RollupRunsIdleTests(CxApp app) : IClassFixture<CxApp>
{
    [Fact]
    public async Task Idle_false_leaves_out_only_the_runs_that_succeeded_reading_and_writing_nothing()
    {
        // Oldest first: a refresh that did work, two idle ones, one that failed having read nothing, one still running,
        // an idle one, a rebuild of an empty database (also idle).
        await app.ExecuteAsync("""
            INSERT INTO job_run (job, scope, started_at, finished_at, rows_read, cells_written, outcome, error) VALUES
              ('rollup-refresh', 'incremental; 2 day(s)', now() - interval '7 min', now(), 120, 300, 'succeeded', NULL),
              ('rollup-refresh', 'incremental; 0 day(s)', now() - interval '6 min', now(), 0, 0, 'succeeded', NULL),
              ('rollup-refresh', 'incremental; 0 day(s)', now() - interval '5 min', now(), 0, 0, 'succeeded', NULL),
              ('rollup-refresh', NULL, now() - interval '4 min', now(), 0, 0, 'failed', 'disk full'),
              ('rollup-rebuild', NULL, now() - interval '3 min', NULL, NULL, NULL, 'running', NULL),
              ('rollup-refresh', 'incremental; 0 day(s)', now() - interval '2 min', now(), 0, 0, 'succeeded', NULL),
              ('rollup-rebuild', 'full; 0 day(s)', now() - interval '1 min', now(), 0, 0, 'succeeded', NULL)
            """);
        var client = app.CreateClient("analyst");

        var all = await ScopesAsync(client, "/api/rollups/runs");
        var busy = await ScopesAsync(client, "/api/rollups/runs?idle=false");

        Assert.Equal(7, all.Length);
        Assert.Equal(["rollup-rebuild running", "rollup-refresh failed", "rollup-refresh succeeded 120"], busy);
        // The limit counts the runs shown, not the idle ones skipped.
        Assert.Equal(["rollup-rebuild running", "rollup-refresh failed"], await ScopesAsync(client, "/api/rollups/runs?idle=false&limit=2"));
    }

    private static async Task<string[]> ScopesAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray()
        .Select(r => $"{r.GetProperty("job").GetString()} {r.GetProperty("outcome").GetString()}" +
                     (r.GetProperty("rowsRead").ValueKind == JsonValueKind.Number && r.GetProperty("rowsRead").GetInt64() > 0 ? $" {r.GetProperty("rowsRead").GetInt64()}" : ""))
        .ToArray();
}
