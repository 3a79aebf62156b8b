using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Hosting;

public sealed class HealthTests(CxApp app) : IClassFixture<CxApp>
{
    [Fact]
    public async Task Healthz_reports_the_database_healthy_and_the_schema_current()
    {
        var response = await app.CreateClient("analyst").GetAsync("/healthz"); // components need a token

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var database = body.RootElement.GetProperty("components").GetProperty("database");
        Assert.Equal("healthy", database.GetProperty("status").GetString());
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task Migrated_database_has_the_metric_catalogue()
    {
        var codes = (await app.RowsAsync("SELECT code FROM metric ORDER BY code")).Select(r => (string)r[0]!).ToArray();

        string[] expected = ["abandonment", "ces", "ces_agree", "channel_switch", "containment", "csat", "csat_mean",
            "fcr", "handle_time", "nps", "repeat_rate", "response_time", "sla", "transfer_rate"];
        Assert.Equal(expected, codes);
        Assert.Equal("lower", await app.ScalarAsync<string>("SELECT direction FROM metric WHERE code = 'response_time'"));
    }

    [Fact]
    public async Task A_run_abandoned_by_a_stopped_node_does_not_degrade_health_but_a_failed_run_does()
    {
        async Task<string> SchedulerStatusAsync()
        {
            var response = await app.CreateClient("analyst").GetAsync("/healthz");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("components").GetProperty("scheduler").GetProperty("status").GetString()!;
        }
        async Task RunAsync(string outcome, string? error) => await app.ExecuteAsync(
            "INSERT INTO job_run (job, node, started_at, finished_at, outcome, error) VALUES ('rollup-rebuild', 'n:1', now(), now(), $1, $2)", outcome, error);

        await RunAsync("succeeded", null);
        // What RollupEngine writes when the next run finds this one still marked running after a restart.
        await RunAsync("failed", "abandoned: the node running it stopped before it finished");
        Assert.Equal("healthy", await SchedulerStatusAsync());

        await RunAsync("failed", "PostgresException: 53200: out of shared memory");
        Assert.Equal("degraded", await SchedulerStatusAsync());
        await RunAsync("failed", "abandoned: the node running it stopped before it finished");
        Assert.Equal("degraded", await SchedulerStatusAsync());

        await RunAsync("succeeded", null);
        Assert.Equal("healthy", await SchedulerStatusAsync());
    }
}
