using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.GraphQL;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using Npgsql;
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

/// <summary>The <c>startRollupRun</c> mutation: the GraphQL twin of POST /api/rollups/refresh|rebuild.</summary>
public static class RollupFields
{
    public static CxSchema AddRollupTypes(this CxSchema schema)
    {
        schema.Types
            .AddEnumType<RollupRunMode>("RollupRunMode", e => e.Description("Which rollup run to enqueue."))
            .AddEnumType<RollupStartState>("RollupStartState", e => e.Description("What asking for a rollup run did."))
            .AddType<RollupRunStartedType>();
        return schema.Mutation(d => d.Field("startRollupRun").Type("RollupRunStarted!")
            .Description("Analysts only. Enqueues a rollup run on the cluster (the same path as POST /api/rollups/refresh|rebuild).")
            .Argument("mode", "RollupRunMode!", a => a.DefaultValue(RollupRunMode.Refresh))
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "start rollup runs", RoleGate.Analyst);
                var job = ctx.Argument<RollupRunMode>("mode") == RollupRunMode.Rebuild ? RollupRebuildJob.Key : RollupRefreshJob.Key;
                try
                {
                    return await RollupTrigger.EnqueueAsync(ctx.Service<ISchedulerFactory>(), ctx.Service<NpgsqlDataSource>(), job, ctx.CancellationToken);
                }
                catch (SchedulerException e)
                {
                    throw new GraphQLException(new GraphQLError($"The scheduler could not queue the run: {e.Message} Retry shortly.",
                        extensions: new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" }));
                }
            }));
    }
}

public sealed class RollupRunStartedType : ObjectTypeDefinition<RollupStart>
{
    protected override void Configure(IObjectTypeDescriptor<RollupStart> d)
    {
        d.Name("RollupRunStarted").Description("What startRollupRun did: the job, whether a run was queued now, and where to follow it.");
        d.Field("enqueued").Type("String!").Description("The job asked for (rollup-refresh or rollup-rebuild).").ResolveFromParent<RollupStart>(p => p.Job);
        d.Field(p => p.State).Description("ENQUEUED, or ALREADY_QUEUED when a run of the job was waiting to start (none added).");
        d.Field(p => p.Status).Description("Where to follow the run: the REST path listing rollup runs.");
    }
}
