using CxDashboard.Core.Rollups;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Quartz;

namespace CxDashboard.Api.Rollups;

/// <summary>
/// Scheduler health for /healthz: on worker nodes the Quartz scheduler must be running; on every node
/// the last rollup run is reported, and a failed one degrades health so it is never silently ignored.
/// A run cut off by its node stopping (closed as "abandoned" when the next run starts) is not a failure of
/// the job: the job is run again, so it is skipped here rather than degrading health until some later success.
/// </summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory factory, NodeRole role, NpgsqlDataSource db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["role"] = role.Name };
        await using (var cmd = db.CreateCommand($"SELECT job, outcome, started_at, finished_at, error FROM job_run WHERE job LIKE 'rollup%' AND NOT (outcome = 'failed' AND error LIKE '{RollupAbandoned.Prefix}%') ORDER BY id DESC LIMIT 1"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (await r.ReadAsync(ct))
            {
                data["lastRun"] = new
                {
                    job = r.GetString(0),
                    outcome = r.GetString(1),
                    startedAt = r.GetFieldValue<DateTimeOffset>(2),
                    finishedAt = r.IsDBNull(3) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(3),
                    error = r.IsDBNull(4) ? null : r.GetString(4),
                };
                if (r.GetString(1) == "failed")
                {
                    return HealthCheckResult.Degraded($"last rollup run failed: {(r.IsDBNull(4) ? "see job_run" : r.GetString(4))}", data: data);
                }
            }
        }

        if (!role.RunsJobs) return HealthCheckResult.Healthy("not a worker node (role api): jobs run on worker nodes", data);
        var scheduler = await factory.GetScheduler(ct);
        data["instanceId"] = scheduler.SchedulerInstanceId;
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("Quartz scheduler running (clustered)", data)
            : HealthCheckResult.Unhealthy("Quartz scheduler is not running", data: data);
    }
}
