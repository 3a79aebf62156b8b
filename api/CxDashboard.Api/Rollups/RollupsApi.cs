using CxDashboard.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Quartz;

namespace CxDashboard.Api.Rollups;

public static class RollupsApi
{
    public sealed record JobRunView(long Id, string Job, string? Scope, string? Node, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
        long? RowsRead, long? CellsWritten, DateTimeOffset? Watermark, string Outcome, string? Error);

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

    private static async Task<Ok<List<JobRunView>>> ListRunsAsync(NpgsqlDataSource db, CancellationToken ct, int limit = 50)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, job, scope, node, started_at, finished_at, rows_read, cells_written, watermark, outcome, error
            FROM job_run ORDER BY id DESC LIMIT $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 500) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var runs = new List<JobRunView>();
        while (await r.ReadAsync(ct))
        {
            runs.Add(new JobRunView(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7),
                r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10)));
        }
        return TypedResults.Ok(runs);
    }

    private static async Task<Accepted<object>> EnqueueAsync(ISchedulerFactory factory, JobKey job, CancellationToken ct)
    {
        await RollupTrigger.EnqueueAsync(factory, job, ct);
        return TypedResults.Accepted("/api/rollups/runs", (object)new { enqueued = job.Name, status = "/api/rollups/runs" });
    }
}
