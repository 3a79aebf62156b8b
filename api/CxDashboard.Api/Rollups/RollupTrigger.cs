using Quartz;

namespace CxDashboard.Api.Rollups;

/// <summary>Enqueues a rollup run on the cluster — the one path for the REST endpoint and the GraphQL mutation.</summary>
public static class RollupTrigger
{
    public static async Task EnqueueAsync(ISchedulerFactory factory, JobKey job, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        await scheduler.TriggerJob(job, new JobDataMap(), ct);
    }
}
