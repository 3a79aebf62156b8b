using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using Quartz;

namespace CxDashboard.Api.Rollups;

/// <summary>Which rollup run <c>startRollupRun</c> enqueues.</summary>
public enum RollupRunMode
{
    /// <summary>Recompute the days marked dirty since the last run.</summary>
    Refresh,

    /// <summary>Rebuild every cell from the raw facts.</summary>
    Rebuild,
}

/// <summary>Where a rollup run started through the API stands.</summary>
public enum RollupRunStatus
{
    /// <summary>In the cluster's job queue: a worker node picks it up (GET /api/rollups/runs shows its progress).</summary>
    Queued,
}

/// <summary>The <c>startRollupRun</c> mutation: the GraphQL twin of POST /api/rollups/refresh|rebuild.</summary>
public static class RollupFields
{
    public static CxSchema AddRollupTypes(this CxSchema schema)
    {
        schema.Types
            .AddEnumType<RollupRunMode>("RollupRunMode", e => e.Description("Which rollup run to enqueue."))
            .AddEnumType<RollupRunStatus>("RollupRunStatus", e => e.Description("Where a rollup run stands."))
            .AddType<RollupRunStartedType>();
        return schema.Mutation(d => d.Field("startRollupRun").Type("RollupRunStarted!")
            .Description("Analysts only. Enqueues a rollup run on the cluster (the same path as POST /api/rollups/refresh|rebuild).")
            .Argument("mode", "RollupRunMode!", a => a.DefaultValue(RollupRunMode.Refresh))
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "start rollup runs", RoleGate.Analyst);
                var job = ctx.Argument<RollupRunMode>("mode") == RollupRunMode.Rebuild ? RollupRebuildJob.Key : RollupRefreshJob.Key;
                await RollupTrigger.EnqueueAsync(ctx.Service<ISchedulerFactory>(), job, ctx.CancellationToken);
                return new RollupRunStarted(job.Name, RollupRunStatus.Queued, "/api/rollups/runs");
            }));
    }
}

public sealed record RollupRunStarted(string Enqueued, RollupRunStatus Status, string Runs);

public sealed class RollupRunStartedType : ObjectTypeDefinition<RollupRunStarted>
{
    protected override void Configure(IObjectTypeDescriptor<RollupRunStarted> d)
    {
        d.Name("RollupRunStarted").Description("A rollup run put on the cluster's queue.");
        d.Field("enqueued").Type("String!").Description("The job enqueued (rollup-refresh or rollup-rebuild).").ResolveFromParent<RollupRunStarted>(p => p.Enqueued);
        d.Field("status").Type("RollupRunStatus!").Description("Where the run stands: queued.").ResolveFromParent<RollupRunStarted>(p => p.Status);
        d.Field("runs").Type("String!").Description("Where to follow the run: the REST path listing rollup runs.").ResolveFromParent<RollupRunStarted>(p => p.Runs);
    }
}
