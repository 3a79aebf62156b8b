using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// Simultaneous requests for a rollup run, on a fresh job store (this host runs as role api: triggers wait in PostgreSQL
/// for a worker): each gets a clear answer — one queues the run, the others say a run is already queued — and exactly
/// one on-demand trigger is stored.
/// </summary>
public sealed class RollupStartTests(CxApp app) : IClassFixture<CxApp>
{
    private const string Start = "mutation($m: RollupRunMode!) { startRollupRun(mode: $m) { enqueued state status } }";

    [Fact]
    public async Task Concurrent_startRollupRun_mutations_queue_one_run_and_the_others_report_it_already_queued()
    {
        await ClearAsync();
        Assert.Equal(0, await ManualTriggersAsync("rollup-rebuild"));
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.GraphQLAsync("analyst", Start, new { m = "REBUILD" })));

        foreach (var r in results) Assert.False(r.TryGetProperty("errors", out var errors), errors.ToString());
        var starts = results.Select(r => r.Data().GetProperty("startRollupRun")).ToList();
        Assert.All(starts, s => Assert.Equal(("rollup-rebuild", "/api/rollups/runs"), (s.GetProperty("enqueued").GetString(), s.GetProperty("status").GetString())));
        Assert.Equal(1, starts.Count(s => s.GetProperty("state").GetString() == "ENQUEUED"));
        Assert.Equal(11, starts.Count(s => s.GetProperty("state").GetString() == "ALREADY_QUEUED"));
        Assert.Equal(1, await ManualTriggersAsync("rollup-rebuild"));

        // The other job is queued on its own, through REST as well, with the same answers.
        var rest = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await app.CreateClient("analyst").PostAsync("/api/rollups/refresh", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString();
        }));
        Assert.Equal(1, rest.Count(s => s == "enqueued"));
        Assert.Equal(5, rest.Count(s => s == "already-queued"));
        Assert.Equal(1, await ManualTriggersAsync("rollup-refresh"));
        Assert.Equal(1, await ManualTriggersAsync("rollup-rebuild"));
    }

    [Fact]
    public async Task Once_the_queued_run_has_started_a_new_request_queues_another()
    {
        await ClearAsync();
        var first = (await app.GraphQLAsync("analyst", Start, new { m = "REFRESH" })).Data().GetProperty("startRollupRun");
        Assert.Equal("ENQUEUED", first.GetProperty("state").GetString());
        var again = (await app.GraphQLAsync("analyst", Start, new { m = "REFRESH" })).Data().GetProperty("startRollupRun");
        Assert.Equal("ALREADY_QUEUED", again.GetProperty("state").GetString());
        // A worker picks the trigger up (Quartz deletes a fired one-shot trigger); here it is taken away by hand.
        await ClearAsync();
        var second = (await app.GraphQLAsync("analyst", Start, new { m = "REFRESH" })).Data().GetProperty("startRollupRun");
        Assert.Equal("ENQUEUED", second.GetProperty("state").GetString());
        Assert.Equal(1, await ManualTriggersAsync("rollup-refresh"));
    }

    /// <summary>Takes the waiting on-demand triggers away, as a worker firing them would.</summary>
    private Task ClearAsync() => app.ExecuteAsync("""
        DELETE FROM qrtz_simple_triggers WHERE trigger_group = 'rollups-on-demand';
        DELETE FROM qrtz_triggers WHERE trigger_group = 'rollups-on-demand';
        """);

    private async Task<long> ManualTriggersAsync(string job) =>
        await app.ScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE job_name = $1 AND trigger_group = 'rollups-on-demand'", job);
}
