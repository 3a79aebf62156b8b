using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Quartz;

namespace CxDashboard.Api.Export;

public static class ExportExtensions
{
    public const string LimiterPolicy = "export";

    /// <summary>
    /// Exports: the review reader and writer, raw streaming, the audit log, a concurrency limit on export
    /// endpoints (<c>Export:MaxConcurrent</c>, default 4, 16 queued; 429 beyond) and the scheduled review job
    /// (<c>Export:Schedule</c>) in the clustered Quartz store set up by the rollups (call after AddCxRollups).
    /// </summary>
    public static IHostApplicationBuilder AddCxExport(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<MonthlyReviewReader>(); // scoped: each reads through the scope's caller (ScopeGate)
        s.AddScoped<ExportRequests>();
        s.AddScoped<ReviewExports>();
        s.AddSingleton<ScheduledReviews>();
        s.AddSingleton(TimeProvider.System);
        s.Configure<ReviewScheduleOptions>(builder.Configuration.GetSection(ReviewScheduleOptions.Section));

        var maxConcurrent = builder.Configuration.GetValue("Export:MaxConcurrent", 4);
        s.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddConcurrencyLimiter(LimiterPolicy, c =>
            {
                c.PermitLimit = maxConcurrent;
                c.QueueLimit = 16;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });

        var cron = builder.Configuration[$"{ReviewScheduleOptions.Section}:Cron"] ?? new ReviewScheduleOptions().Cron;
        // A second AddQuartz only adds this job and trigger to the scheduler AddCxRollups configured (store, clustering).
        s.AddQuartz(q =>
        {
            q.AddJob<MonthlyReviewJob>(j => j.WithIdentity(MonthlyReviewJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Monthly review workbooks for the configured units, after month end and its rollup"));
            q.AddTrigger(t => t.ForJob(MonthlyReviewJob.Key).WithIdentity("monthly-review-schedule", "exports")
                .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return builder;
    }
}
