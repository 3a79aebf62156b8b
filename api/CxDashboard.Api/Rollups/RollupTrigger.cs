using Npgsql;
using Quartz;

namespace CxDashboard.Api.Rollups;

/// <summary>What asking for a rollup run did.</summary>
public enum RollupStartState
{
    /// <summary>A run was queued in the cluster's job store.</summary>
    Enqueued,

    /// <summary>A run of the same job was already waiting to start; it covers this request, so none was added.</summary>
    AlreadyQueued,
}

/// <summary>The answer to a rollup run request: which job, whether it was queued now, and where to follow it.</summary>
public sealed record RollupStart(string Job, RollupStartState State, string Status = "/api/rollups/runs");

/// <summary>Enqueues a rollup run on the cluster — the one path for the REST endpoint and the GraphQL mutation.</summary>
public static class RollupTrigger
{
    /// <summary>The trigger group of on-demand runs (the refresh schedule has its own).</summary>
    public const string OnDemandGroup = "rollups-on-demand";

    /// <summary>
    /// Queues a run unless one of the same job is already waiting (then says so). Simultaneous requests used to each fire
    /// Quartz's TriggerJob, and some failed inside Quartz ("Unexpected error."); now they are serialised across the cluster
    /// by a transaction-scoped advisory lock, and the one on-demand trigger per job makes a second request a no-op.
    /// </summary>
    /// <exception cref="SchedulerException">The job store refused the trigger (the database is unreachable, …).</exception>
    public static async Task<RollupStart> EnqueueAsync(ISchedulerFactory factory, NpgsqlDataSource db, JobKey job, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('cx_rollup_start'))", conn, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        var scheduler = await factory.GetScheduler(ct);
        // One on-demand trigger per job, kept while it waits (TriggerConflict.Keep: the store decides under its lock);
        // once its firing has begun it has no fire time left, and a new request stores a new run over it.
        var trigger = TriggerBuilder.Create().WithIdentity(job.Name, OnDemandGroup).ForJob(job).StartNow().Build();
        var scheduled = await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, ct);
        var waiting = scheduled.Outcome == ScheduleOutcome.Kept;
        await tx.CommitAsync(ct);
        return new RollupStart(job.Name, waiting ? RollupStartState.AlreadyQueued : RollupStartState.Enqueued);
    }
}
