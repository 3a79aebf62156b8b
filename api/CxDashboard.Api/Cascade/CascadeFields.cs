using CxDashboard.Api.Rollups;
using CxDashboard.Core.Cascade;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using Npgsql;
using Quartz;

namespace CxDashboard.Api.Cascade;

/// <summary>Which rollup run <c>startRollupRun</c> enqueues.</summary>
public enum RollupRunMode
{
    /// <summary>Recompute the days marked dirty since the last run.</summary>
    Refresh,

    /// <summary>Rebuild every cell from the raw facts.</summary>
    Rebuild,
}

/// <summary>The KPI and scorecard root fields: reads scoped to the caller, and the admin and check-in mutations.</summary>
public static class CascadeFields
{
    /// <summary>Registers the types the fields below return.</summary>
    public static SchemaBuilder AddCascadeTypeDefinitions(this SchemaBuilder b) => b
        .AddEnumType<KpiStatus>("KpiStatus")
        .AddEnumType<StatusMeasure>("StatusMeasure")
        .AddEnumType<RollupRunMode>("RollupRunMode")
        .AddEnumType<RollupStartState>("RollupStartState")
        .AddType<KpiType>().AddType<StatusConditionType>().AddType<KpiTargetType>().AddType<KpiCheckinType>()
        .AddType<ScorecardType>().AddType<ScorecardKpiType>().AddType<KpiPointType>()
        .AddType<TargetReconciliationType>().AddType<ReconciliationChildType>().AddType<RollupRunStartedType>()
        .AddType<StatusConditionInputType>().AddType<CreateKpiInputType>().AddType<UpdateKpiInputType>()
        .AddType<TargetInputType>().AddType<SetTargetsInputType>().AddType<CheckinInputType>();

    public static void AddQueries(IObjectTypeDescriptor d)
    {
        d.Field("scorecard").Type("Scorecard")
            .Description("A unit's scorecard for a month (2026-05), quarter (2026-Q2) or year (2026); NOT_FOUND outside the caller's scope.")
            .Argument("unit", "ID!").Argument("period", "String!")
            .Resolve(async ctx =>
            {
                // The loader goes through the scope filter itself (and reads while the scope is looked up): absent = NOT_FOUND.
                var id = ctx.Argument<string>("unit");
                var period = ScorecardPeriod(ctx);
                return CascadeCaller.ParseId(id) is { } unit && await ScorecardLoader.LoadAsync(ctx, unit, period) is { } card
                    ? card
                    : throw CascadeErrors.UnitNotFound(id);
            });
        d.Field("kpi").Type("Kpi").Description("A KPI by id; NOT_FOUND when unknown or its unit is outside the caller's scope.")
            .Argument("id", "ID!")
            .Resolve(async ctx =>
            {
                var id = ctx.Argument<string>("id");
                var found = CascadeCaller.ParseId(id) is { } kpi
                    ? await CascadeCaller.Visible(ctx).KpisAsync([kpi], ctx.CancellationToken)
                    : new Dictionary<long, KpiDefinition>();
                return found.Values.SingleOrDefault() ?? throw CascadeErrors.KpiNotFound(id);
            });
        d.Field("kpis").Type("[Kpi!]!").Description("The KPIs a unit owns.").Argument("unit", "ID!")
            .Resolve(async ctx =>
            {
                var unit = await CascadeCaller.VisibleUnitAsync(ctx, ctx.Argument<string>("unit"));
                return (await CascadeCaller.Visible(ctx).KpisOfUnitsAsync([unit], ctx.CancellationToken))[unit].ToList();
            });
    }

    public static void AddMutations(IObjectTypeDescriptor d)
    {
        d.Field("createKpi").Type("Kpi!").Description("Analysts only; the unit (and any parent KPI) must be inside the caller's scope.")
            .Argument("input", "CreateKpiInput!")
            .Resolve(async ctx =>
            {
                CascadeCaller.RequireAnalyst(ctx, "create KPIs");
                var a = ctx.Argument<CreateKpiArgs>("input")!;
                var unit = await CascadeCaller.VisibleUnitAsync(ctx, a.Unit);
                long? parent = a.Parent is null ? null : await CascadeCaller.VisibleKpiAsync(ctx, a.Parent);
                return await Admin(ctx, admin => admin.CreateAsync(new KpiCreateInput(unit, a.Metric, a.SliceDimension, a.SliceValue, parent,
                    (decimal)a.Weight, a.Shared, a.Owner, a.StatusRule?.Select(c => c.ToCondition()).ToList()), ctx.CancellationToken));
            });
        d.Field("updateKpi").Type("Kpi!").Description("Analysts only.").Argument("input", "UpdateKpiInput!")
            .Resolve(async ctx =>
            {
                CascadeCaller.RequireAnalyst(ctx, "change KPIs");
                var a = ctx.Argument<UpdateKpiArgs>("input")!;
                var id = await CascadeCaller.VisibleKpiAsync(ctx, a.Id);
                long? parent = a.Parent is null ? null : await CascadeCaller.VisibleKpiAsync(ctx, a.Parent);
                return await Admin(ctx, admin => admin.UpdateAsync(
                    new KpiUpdateInput(id, (decimal?)a.Weight, a.Shared, a.Owner, parent, a.ClearParent), ctx.CancellationToken));
            });
        d.Field("setKpiTargets").Type("[KpiTarget!]!").Description("Analysts only. Upserts the given periods (a null target removes one); all or nothing.")
            .Argument("input", "SetKpiTargetsInput!")
            .Resolve(async ctx =>
            {
                CascadeCaller.RequireAnalyst(ctx, "set targets");
                var a = ctx.Argument<SetTargetsArgs>("input")!;
                var id = await CascadeCaller.VisibleKpiAsync(ctx, a.Kpi);
                var targets = a.Targets.Select(t => new KpiTargetValue(t.PeriodStart, (decimal?)t.Target)).ToList();
                return await Admin(ctx, admin => admin.SetTargetsAsync(new KpiTargetsInput(id, a.Grain, targets), ctx.CancellationToken));
            });
        d.Field("setKpiStatusRule").Type("Kpi!").Description("Analysts only. An ordered rule (first match wins); null restores the default.")
            .Argument("kpi", "ID!").Argument("rules", "[StatusConditionInput!]")
            .Resolve(async ctx =>
            {
                CascadeCaller.RequireAnalyst(ctx, "set status rules");
                var id = await CascadeCaller.VisibleKpiAsync(ctx, ctx.Argument<string>("kpi"));
                var rules = ctx.Argument<List<StatusConditionArgs>>("rules")?.Select(c => c.ToCondition()).ToList();
                return await Admin(ctx, admin => admin.SetStatusRuleAsync(id, rules, ctx.CancellationToken));
            });
        d.Field("recordCheckin").Type("KpiCheckin!")
            .Description("Analysts and department heads, on KPIs of units inside their scope; signed with the caller's name.")
            .Argument("input", "KpiCheckinInput!")
            .Resolve(async ctx =>
            {
                CascadeCaller.RequireCheckinRole(ctx);
                var a = ctx.Argument<CheckinArgs>("input")!;
                var id = await CascadeCaller.VisibleKpiAsync(ctx, a.Kpi);
                return await Admin(ctx, admin => admin.RecordCheckinAsync(
                    new KpiCheckinInput(id, a.PeriodStart, a.Status, (decimal?)a.Value, a.Note), CascadeCaller.Visible(ctx).DisplayName, ctx.CancellationToken));
            });
        d.Field("startRollupRun").Type("RollupRunStarted!")
            .Description("Analysts only. Enqueues a rollup run on the cluster (the same path as POST /api/rollups/refresh|rebuild).")
            .Argument("mode", "RollupRunMode!", a => a.DefaultValue(RollupRunMode.Refresh))
            .Resolve(async ctx =>
            {
                CascadeCaller.RequireAnalyst(ctx, "start rollup runs");
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
            });
    }

    private static Period ScorecardPeriod(IResolveContext ctx)
    {
        try
        {
            var p = Period.Parse(ctx.Argument<string>("period") ?? "");
            return TargetGrains.IsTargetGrain(p.Grain) ? p : throw new PeriodException($"a scorecard period is a month (2026-05), quarter (2026-Q2) or year (2026), not a {p.Grain}");
        }
        catch (PeriodException e)
        {
            throw CascadeErrors.BadArgument("period", e.Message);
        }
    }

    private static async Task<T> Admin<T>(IResolveContext ctx, Func<KpiAdminService, Task<T>> call)
    {
        try
        {
            return await call(ctx.Service<KpiAdminService>());
        }
        catch (InputRejectedException e)
        {
            throw CascadeErrors.Rejected(e);
        }
    }
}

public sealed class RollupRunStartedType : ObjectTypeDefinition<RollupStart>
{
    protected override void Configure(IObjectTypeDescriptor<RollupStart> d)
    {
        d.Name("RollupRunStarted");
        d.Field("enqueued").Type("String!").Description("The job asked for.").ResolveFromParent<RollupStart>(p => p.Job);
        d.Field("state").Type("RollupStartState!").Description("ENQUEUED, or ALREADY_QUEUED when a run of the job was waiting to start (none added).")
            .ResolveFromParent<RollupStart>(p => p.State);
        d.Field("status").Type("String!").Description("Where to follow the run (REST).").ResolveFromParent<RollupStart>(p => p.Status);
    }
}
