using CxDashboard.Api.Security;
using CxDashboard.Core.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Quartz;

namespace CxDashboard.Api.Rollups;

public static class RollupsApi
{
    /// <summary>
    /// <c>GET /api/rollups/runs?limit=50&amp;idle=true&amp;job=&amp;except=</c>: recent job runs (rollup runs, scheduled
    /// reviews, privacy-pattern builds: what, where, how long, outcome, error); <c>idle=false</c> leaves out the runs that
    /// succeeded having read and written nothing; <c>job</c> keeps only the jobs whose name starts with it, <c>except</c>
    /// leaves them out (the data-jobs screen lists the privacy-pattern builds beside the rollup runs).
    /// <c>POST /api/rollups/rebuild</c> and <c>/refresh</c>: enqueue a run on the cluster (202). Analysts only.
    /// </summary>
    public static IEndpointRouteBuilder MapCxRollups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rollups").RequireAuthorization(CxClaims.AnalystPolicy).WithTags("Rollups");
        group.MapGet("/runs", ListRunsAsync);
        group.MapPost("/rebuild", (ISchedulerFactory f, NpgsqlDataSource db, CancellationToken ct) => EnqueueAsync(f, db, RollupRebuildJob.Key, ct));
        group.MapPost("/refresh", (ISchedulerFactory f, NpgsqlDataSource db, CancellationToken ct) => EnqueueAsync(f, db, RollupRefreshJob.Key, ct));
        return app;
    }

    private static async Task<Ok<IReadOnlyList<JobRun>>> ListRunsAsync(JobRunLog runs, CancellationToken ct, int limit = 50, bool idle = true,
        string? job = null, string? except = null) =>
        TypedResults.Ok(await runs.RecentAsync(Math.Clamp(limit, 1, 500), NullIfEmpty(job), idle, NullIfEmpty(except), ct));

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>202 with <c>state</c> <c>enqueued</c>, or <c>already-queued</c> when a run of the job is waiting (none added).</summary>
    private static async Task<Results<Accepted<object>, ProblemHttpResult>> EnqueueAsync(ISchedulerFactory factory, NpgsqlDataSource db, JobKey job, CancellationToken ct)
    {
        try
        {
            var start = await RollupTrigger.EnqueueAsync(factory, db, job, ct);
            var state = start.State == RollupStartState.Enqueued ? "enqueued" : "already-queued";
            return TypedResults.Accepted(start.Status, (object)new { enqueued = start.Job, state, status = start.Status });
        }
        catch (SchedulerException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The scheduler could not queue the run",
                detail: $"{e.Message} Retry shortly.");
        }
    }
}
