using CxDashboard.Core.Rollups;
using Quartz;

namespace CxDashboard.Api.Rollups;

public static class RollupsExtensions
{
    /// <summary>
    /// Quartz on the project's PostgreSQL: ADO job store (tables from the migrations, validated at
    /// start), clustering with AUTO instance ids, rollup jobs with explicit identities. Settings come
    /// from the <c>Quartz</c> section; <c>Rollups:RefreshInterval</c> (default 1 minute) sets the
    /// refresh schedule and <c>Rollups:RebuildConnections</c> (default 2) how many connections a full rebuild works on. Only worker nodes (<c>Role</c> = worker or both) run the scheduler; api nodes
    /// still enqueue on-demand jobs into the shared store.
    /// </summary>
    public static IHostApplicationBuilder AddCxRollups(this IHostApplicationBuilder builder)
    {
        var cs = builder.Configuration.GetConnectionString("Cx")!;
        var interval = builder.Configuration.GetValue("Rollups:RefreshInterval", TimeSpan.FromMinutes(1));
        var role = NodeRole.From(builder.Configuration);
        builder.Services.AddSingleton(role);
        var rebuildConnections = builder.Configuration.GetValue("Rollups:RebuildConnections", RollupEngine.DefaultRebuildConnections);
        if (rebuildConnections < 1) throw new InvalidOperationException($"Rollups:RebuildConnections must be 1 or more, not {rebuildConnections}");
        builder.Services.AddSingleton(sp => new RollupEngine(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), rebuildConnections));

        builder.Services.AddQuartz(builder.Configuration.GetSection("Quartz"), q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "cxdashboard";
                // AUTO: each node gets a unique generated id, as clustering requires.
                o.InstanceId = "AUTO";
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(cs);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(5);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                });
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "qrtz_";
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
            });
            // Durable with recovery: if the node running one dies, another node of the cluster runs it again.
            q.AddJob<RollupRefreshJob>(j => j.WithIdentity(RollupRefreshJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Incremental refresh of rollup cells for days marked dirty"));
            q.AddJob<RollupRebuildJob>(j => j.WithIdentity(RollupRebuildJob.Key).StoreDurably().RequestRecovery()
                .WithDescription("Full rebuild of all rollup cells"));
            q.AddTrigger(t => t.ForJob(RollupRefreshJob.Key)
                .WithIdentity("rollup-refresh-schedule", "rollups")
                .StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        if (role.RunsJobs)
        {
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }
}

/// <summary>
/// The host's role (config <c>Role</c>, or <c>--Role</c>): <c>api</c> serves HTTP and enqueues jobs, <c>worker</c> runs
/// the jobs and answers only <c>/healthz</c>, <c>both</c> does both.
/// </summary>
public sealed record NodeRole(string Name)
{
    public bool RunsJobs => Name is "worker" or "both";

    public bool ServesApi => Name is "api" or "both";

    public static NodeRole From(IConfiguration configuration)
    {
        var name = (configuration["Role"] ?? "both").Trim().ToLowerInvariant();
        return name is "api" or "worker" or "both"
            ? new NodeRole(name)
            : throw new InvalidOperationException($"Role must be api, worker or both (got '{name}').");
    }
}
