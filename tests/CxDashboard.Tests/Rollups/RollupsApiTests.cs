using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

public sealed class RollupsApiTests(CxApp app) : IClassFixture<CxApp>
{
    [Fact]
    public async Task Rebuild_request_is_queued_in_the_clustered_job_store_for_a_worker()
    {
        var response = await app.CreateClient("analyst").PostAsync("/api/rollups/rebuild", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // This host runs as role api: the trigger waits in PostgreSQL for any worker node of the cluster.
        Assert.True(await app.ScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'rollup-rebuild'") >= 1);
    }

    [Fact]
    public async Task Runs_are_listed_with_outcome_counts_and_errors()
    {
        await new DemoSeeder(app.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 400, Interactions = 600, Seed = 11 });
        // A run a stopped node left "running", a run that fails part-way, then a run that succeeds.
        await app.ExecuteAsync("INSERT INTO job_run (job, node, started_at, outcome) VALUES ('rollup-refresh', 'gone:1', now() - interval '1 hour', 'running')");
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RollupEngine(app.DataSource).RebuildAsync(step => { if (step == "reading survey responses and interactions, month by month") stop.Cancel(); }, stop.Token));
        await new RollupEngine(app.DataSource).RebuildAsync();

        var runs = (await app.CreateClient("analyst").GetFromJsonAsync<JsonElement>("/api/rollups/runs")).EnumerateArray().ToArray();

        Assert.Equal(3, runs.Length);
        var (succeeded, failed, abandoned) = (runs[0], runs[1], runs[2]);
        Assert.Equal(("rollup-rebuild", "succeeded"), (succeeded.GetProperty("job").GetString(), succeeded.GetProperty("outcome").GetString()));
        Assert.Equal(JsonValueKind.Null, succeeded.GetProperty("error").ValueKind);
        // A full rebuild rewrites every cell and reads every fact row once: plain counts over the tables.
        Assert.Equal(await app.ScalarAsync<long>("SELECT count(*) FROM rollup_cell"), succeeded.GetProperty("cellsWritten").GetInt64());
        var facts = await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM survey_response) + (SELECT count(*) FROM interaction)");
        Assert.InRange(facts, 900, 1100); // about the 400 + 600 asked of the seeder
        Assert.Equal(facts, succeeded.GetProperty("rowsRead").GetInt64());
        Assert.StartsWith("full; ", succeeded.GetProperty("scope").GetString());

        Assert.Equal(("rollup-rebuild", "failed"), (failed.GetProperty("job").GetString(), failed.GetProperty("outcome").GetString()));
        Assert.Equal("OperationCanceledException: The operation was canceled.", failed.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("cellsWritten").ValueKind);

        Assert.Equal(("rollup-refresh", "failed"), (abandoned.GetProperty("job").GetString(), abandoned.GetProperty("outcome").GetString()));
        Assert.Equal("abandoned: the node running it stopped before it finished", abandoned.GetProperty("error").GetString());
        Assert.NotEqual(JsonValueKind.Null, abandoned.GetProperty("finishedAt").ValueKind);
    }

    [Fact]
    public async Task Rollup_endpoints_are_for_analysts_only()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient("department_head").PostAsync("/api/rollups/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/rollups/runs")).StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_scheduler_and_a_failed_last_run_degrades_it()
    {
        // components (and their last error) are shown to a caller with a token; anonymous callers get the status only
        var healthy = JsonDocument.Parse(await app.CreateClient("analyst").GetStringAsync("/healthz")).RootElement;
        Assert.Equal("healthy", healthy.GetProperty("components").GetProperty("scheduler").GetProperty("status").GetString());

        await app.ExecuteAsync("INSERT INTO job_run (job, started_at, finished_at, outcome, error) VALUES ('rollup-refresh', now(), now(), 'failed', 'disk full')");
        var response = await app.CreateClient("analyst").GetAsync("/healthz");
        var scheduler = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("components").GetProperty("scheduler");

        Assert.Equal("degraded", scheduler.GetProperty("status").GetString());
        Assert.Contains("disk full", scheduler.GetProperty("description").GetString());
        await app.ExecuteAsync("DELETE FROM job_run WHERE error = 'disk full'");
    }
}
