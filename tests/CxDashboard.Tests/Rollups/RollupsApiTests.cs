using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
        await new RollupEngine(app.DataSource).RebuildAsync();

        var runs = await app.CreateClient("analyst").GetFromJsonAsync<JsonElement>("/api/rollups/runs");

        var latest = runs.EnumerateArray().First();
        Assert.Equal("rollup-rebuild", latest.GetProperty("job").GetString());
        Assert.Equal("succeeded", latest.GetProperty("outcome").GetString());
        Assert.True(latest.TryGetProperty("cellsWritten", out _));
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
