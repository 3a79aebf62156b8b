using CxDashboard.Api.Security;
using CxDashboard.Core.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace CxDashboard.Api.Rollups;

public static class RollupsApi
{
    /// <summary>
    /// <c>GET /api/rollups/runs</c>: recent rollup runs (what, where, how long, outcome, error).
    /// <c>POST /api/rollups/rebuild</c> and <c>/refresh</c>: enqueue a run on the cluster (202). Analysts only.
    /// </summary>
    public static IEndpointRouteBuilder MapCxRollups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rollups").RequireAuthorization(CxClaims.AnalystPolicy).WithTags("Rollups");
        group.MapGet("/runs", ListRunsAsync);
        group.MapPost("/rebuild", (ISchedulerFactory f, CancellationToken ct) => EnqueueAsync(f, RollupRebuildJob.Key, ct));
        group.MapPost("/refresh", (ISchedulerFactory f, CancellationToken ct) => EnqueueAsync(f, RollupRefreshJob.Key, ct));
        return app;
    }

    private static async Task<Ok<IReadOnlyList<JobRun>>> ListRunsAsync(JobRunLog runs, CancellationToken ct, int limit = 50) =>
        TypedResults.Ok(await runs.RecentAsync(Math.Clamp(limit, 1, 500), ct: ct));

    private static async Task<Accepted<object>> EnqueueAsync(ISchedulerFactory factory, JobKey job, CancellationToken ct)
    {
        await RollupTrigger.EnqueueAsync(factory, job, ct);
        return TypedResults.Accepted("/api/rollups/runs", (object)new { enqueued = job.Name, status = "/api/rollups/runs" });
    }
}
