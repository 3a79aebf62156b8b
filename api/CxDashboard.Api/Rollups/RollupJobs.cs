using CxDashboard.Core.Rollups;
using Quartz;

namespace CxDashboard.Api.Rollups;

/// <summary>
/// Base of the rollup jobs: a failed run is already recorded in job_run by the engine; here it is
/// logged and retried with exponential backoff (10 s, 20 s, 40 s … up to 10 min, 6 attempts).
/// </summary>
public abstract class RetryingRollupJob(ILogger logger) : IJob
{
    private const int MaxAttempts = 6;

    protected abstract Task<RollupRun> RunAsync(CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var attempt = context.MergedJobDataMap.TryGetValue("attempt", out var a) ? Convert.ToInt32(a, System.Globalization.CultureInfo.InvariantCulture) : 1;
        try
        {
            var run = await RunAsync(cancellationToken);
            logger.LogInformation("Rollup {Mode}: {Rows} rows read, {Cells} cells written in {Seconds:0.0}s (job run {Id})",
                run.Mode, run.RowsRead, run.CellsWritten, run.Duration.TotalSeconds, run.JobRunId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (attempt >= MaxAttempts)
            {
                logger.LogError(ex, "Rollup job {Job} failed {Attempts} times; giving up until its next schedule", context.JobDetail.Key, attempt);
                throw new JobExecutionException(ex);
            }
            var delay = TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, attempt - 1)));
            logger.LogWarning(ex, "Rollup job {Job} failed (attempt {Attempt}); retrying in {Delay}", context.JobDetail.Key, attempt, delay);
            await context.Scheduler.ScheduleJob(TriggerBuilder.Create()
                .ForJob(context.JobDetail.Key)
                .WithIdentity($"{context.JobDetail.Key.Name}-retry-{Guid.NewGuid():N}", "rollup-retries")
                .UsingJobData("attempt", attempt + 1)
                .StartAt(DateTimeOffset.UtcNow + delay)
                .Build(), default(ScheduleJobOptions), CancellationToken.None);
        }
    }
}

/// <summary>Incremental refresh of the days marked dirty since the last run (every minute by default).</summary>
[DisallowConcurrentExecution]
public sealed class RollupRefreshJob(RollupEngine engine, ILogger<RollupRefreshJob> logger) : RetryingRollupJob(logger)
{
    public static readonly JobKey Key = new("rollup-refresh", "rollups");

    protected override Task<RollupRun> RunAsync(CancellationToken ct) => engine.RefreshAsync(ct: ct);
}

/// <summary>Full rebuild, on demand.</summary>
[DisallowConcurrentExecution]
public sealed class RollupRebuildJob(RollupEngine engine, ILogger<RollupRebuildJob> logger) : RetryingRollupJob(logger)
{
    public static readonly JobKey Key = new("rollup-rebuild", "rollups");

    protected override Task<RollupRun> RunAsync(CancellationToken ct) => engine.RebuildAsync(ct: ct);
}
