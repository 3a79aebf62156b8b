using CxDashboard.Core.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CxDashboard.Api.Rollups;

/// <summary>
/// Scheduler health for /healthz: on worker nodes the Quartz scheduler must be running; on every node
/// the last rollup run is reported, and a failed one degrades health so it is never silently ignored.
/// A run cut off by its node stopping (closed as "abandoned" when the next run starts) is not a failure of
/// the job: the job is run again, so it is skipped here rather than degrading health until some later success.
/// </summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory factory, NodeRole role, JobRunLog runs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["role"] = role.Name };
        if (await runs.LastCountingAsync("rollup", ct) is { } last)
        {
            data["lastRun"] = new { job = last.Job, outcome = last.Outcome, startedAt = last.StartedAt, finishedAt = last.FinishedAt, error = last.Error };
            if (last.Outcome == "failed")
            {
                return HealthCheckResult.Degraded($"last rollup run failed: {last.Error ?? "see job_run"}", data: data);
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
