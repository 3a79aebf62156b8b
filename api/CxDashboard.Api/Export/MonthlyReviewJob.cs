using Quartz;

namespace CxDashboard.Api.Export;

/// <summary>
/// The clustered Quartz job behind scheduled reviews (same ADO store and clustering as the rollups: one node
/// runs each firing). A failed run is stored and in job_run; it is retried with backoff (1, 2, 4 … up to 60
/// minutes, 5 attempts) on top of the regular schedule, which tries again anyway.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReviewJob(ScheduledReviews reviews, TimeProvider clock, ILogger<MonthlyReviewJob> logger) : IJob
{
    public static readonly JobKey Key = new(ScheduledReviews.JobName, "exports");
    private const int MaxAttempts = 5;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var attempt = context.MergedJobDataMap.TryGetValue("attempt", out var a) ? Convert.ToInt32(a, System.Globalization.CultureInfo.InvariantCulture) : 1;
        try
        {
            var run = await reviews.RunAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            logger.LogInformation("Scheduled reviews for {Month}: {Produced} produced, {Skipped} skipped ({Waiting})", run.Month, run.Produced, run.Skipped, run.Waiting);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && attempt < MaxAttempts)
        {
            var delay = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempt - 1)));
            logger.LogWarning(ex, "Scheduled reviews failed (attempt {Attempt}); retrying in {Delay}", attempt, delay);
            await context.Scheduler.ScheduleJob(TriggerBuilder.Create()
                .ForJob(Key)
                .WithIdentity($"{Key.Name}-retry-{Guid.NewGuid():N}", "export-retries")
                .UsingJobData("attempt", attempt + 1)
                .StartAt(DateTimeOffset.UtcNow + delay)
                .Build(), default(ScheduleJobOptions), CancellationToken.None);
        }
    }
}
