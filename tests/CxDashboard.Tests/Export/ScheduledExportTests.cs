using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Api.Export;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CxDashboard.Tests.Export;

/// <summary>Scheduled monthly reviews: produced after the configured day once the month is rolled up, stored, listed in scope, downloadable, retried after a failure.</summary>
[Collection(ExportApp.Collection.Name)]
public sealed class ScheduledExportTests(ExportApp app)
{
    private ScheduledReviews Reviews => app.Factory.Services.GetRequiredService<ScheduledReviews>();

    private async Task<List<JsonElement>> ListAsync(string persona)
    {
        using var client = app.CreateClient(persona);
        return (await client.GetFromJsonAsync<JsonElement>("/api/exports")).EnumerateArray().ToList();
    }

    [Fact]
    public async Task Reviews_are_produced_after_the_day_stored_listed_in_scope_and_downloadable()
    {
        var early = await Reviews.RunAsync(new DateOnly(2026, 11, 2));
        Assert.Equal((0, "due from day 3"), (early.Produced, early.Waiting));

        var run = await Reviews.RunAsync(new DateOnly(2026, 11, 5));
        Assert.Equal(("2026-10", 2, 0), (run.Month, run.Produced, run.Failed));
        var again = await Reviews.RunAsync(new DateOnly(2026, 11, 6));
        Assert.Equal((0, 2), (again.Produced, again.Skipped));

        var executive = (await ListAsync("executive")).Where(e => e.GetProperty("month").GetString() == "2026-10").ToList();
        Assert.Equal(["CO", ExportApp.DeptUnit], executive.Select(e => e.GetProperty("unitCode").GetString()).Order());
        Assert.All(executive, e => Assert.Equal(("succeeded", "scheduler"), (e.GetProperty("status").GetString(), e.GetProperty("createdBy").GetString())));
        var head = (await ListAsync("department_head")).Where(e => e.GetProperty("month").GetString() == "2026-10").ToList();
        Assert.Equal([ExportApp.DeptUnit], head.Select(e => e.GetProperty("unitCode").GetString()));
        Assert.Empty(await ListAsync("partner_manager"));

        var co = executive.Single(e => e.GetProperty("unitCode").GetString() == "CO");
        var path = await app.DownloadAsync("executive", co.GetProperty("download").GetString()!, "stored-co.xlsx");
        Assert.Empty(WorkbookTools.Validate(path));
        using var refused = await app.GetAsync("department_head", co.GetProperty("download").GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        // The stored review is the on-demand review of the same unit and month (the scheduler sees the whole subtree).
        var sheets = await WorkbookTools.SheetsAsync([path]);
        var opened = await app.OpenedAsync();
        Assert.Equal(opened["executive"]["Data"].Select(r => string.Join(",", r)), sheets[path]["Data"].Select(r => string.Join(",", r)));
    }

    [Fact]
    public async Task A_failed_review_is_listed_and_in_the_job_runs_and_the_next_run_retries_it()
    {
        // Make storing the company's September review fail once.
        await app.ExecuteAsync("ALTER TABLE stored_export ADD CONSTRAINT test_block_co CHECK (status <> 'succeeded' OR unit_code <> 'CO' OR month <> '2026-09-01')");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Reviews.RunAsync(new DateOnly(2026, 10, 4)));
        var listed = (await ListAsync("executive")).Where(e => e.GetProperty("month").GetString() == "2026-09").ToList();
        var failed = listed.Single(e => e.GetProperty("unitCode").GetString() == "CO");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("test_block_co", failed.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("download").ValueKind);
        Assert.Equal("succeeded", listed.Single(e => e.GetProperty("unitCode").GetString() == ExportApp.DeptUnit).GetProperty("status").GetString());
        Assert.Equal("failed", await app.ScalarAsync<string>("SELECT outcome FROM job_run WHERE job = $1 ORDER BY id DESC LIMIT 1", ScheduledReviews.JobName));

        await app.ExecuteAsync("ALTER TABLE stored_export DROP CONSTRAINT test_block_co");
        var retry = await Reviews.RunAsync(new DateOnly(2026, 10, 4));
        Assert.Equal((1, 1), (retry.Produced, retry.Skipped));
        var co = (await ListAsync("executive")).Where(e => e.GetProperty("month").GetString() == "2026-09" && e.GetProperty("unitCode").GetString() == "CO").ToList();
        Assert.Equal(["succeeded", "failed"], co.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(2, co[0].GetProperty("attempt").GetInt32());
        Assert.Equal("succeeded", await app.ScalarAsync<string>("SELECT outcome FROM job_run WHERE job = $1 ORDER BY id DESC LIMIT 1", ScheduledReviews.JobName));
    }

    [Fact]
    public async Task Reviews_the_scheduler_stored_without_the_floor_are_neither_listed_nor_downloadable_under_it()
    {
        var run = await Reviews.RunAsync(new DateOnly(2026, 8, 5));
        Assert.Equal(("2026-07", 2), (run.Month, run.Produced));
        // The scheduler is an in-process identity that sees small counts: its reviews are stored as made without the floor.
        var stored = (await app.RowsAsync("SELECT id, privacy_floor FROM stored_export WHERE month = '2026-07-01' AND status = 'succeeded'"))
            .Select(r => ((long)r[0]!, (bool)r[1]!)).ToList();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.False(s.Item2));

        // Under the floor: a partner manager, and a role without the small-count grant even with the whole company in scope.
        foreach (var persona in new[] { "partner_manager", "auditor" })
        {
            Assert.DoesNotContain(await ListAsync(persona), e => e.GetProperty("month").GetString() == "2026-07");
            foreach (var (id, _) in stored)
            {
                using var refused = await app.GetAsync(persona, $"/api/exports/{id}");
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            }
        }
        // The auditor's own review of the month is made under the floor and says so.
        var own = await app.DownloadAsync("auditor", $"/export/monthly-review.xlsx?unit=CO&month=2026-07", "auditor-co-2026-07.xlsx");
        var sheets = await WorkbookTools.SheetsAsync([own]);
        var labels = Core.Export.ReviewLabels.For("en")!;
        Assert.Contains(sheets[own][labels["s.summary"]], r => r.Length > 0 && r[0] == labels["floor"]);
        // A caller without the floor whose scope holds the unit gets them.
        var executive = (await ListAsync("executive")).Where(e => e.GetProperty("month").GetString() == "2026-07").ToList();
        Assert.Equal(2, executive.Count);
        using var ok = await app.GetAsync("executive", executive[0].GetProperty("download").GetString()!);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task The_job_and_its_schedule_are_in_the_clustered_store()
    {
        var scheduler = await app.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(MonthlyReviewJob.Key));
        Assert.Single(await scheduler.GetTriggersOfJob(MonthlyReviewJob.Key));
        Assert.True((await scheduler.GetMetadata()).JobStoreClustered);
        Assert.Equal(1, await app.ScalarAsync<long>("SELECT count(*) FROM qrtz_job_details WHERE job_name = $1", ScheduledReviews.JobName));
    }
}
