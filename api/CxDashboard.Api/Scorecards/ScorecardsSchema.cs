using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Values;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Scorecards;

/// <summary>KPIs, scorecards, the cascade and its reconciliation: types, the reads scoped to the caller, and (<see cref="KpiMutations"/>) the admin and check-in mutations.</summary>
public static class ScorecardsSchema
{
    public static CxSchema AddScorecardTypes(this CxSchema schema)
    {
        schema.Types
            .AddEnumType<KpiStatus>("KpiStatus", e => e.Description("A KPI's standing in a period, from its status rule."))
            .AddEnumType<StatusMeasure>("StatusMeasure", e => e.Description("What a status condition compares with its bounds."))
            .AddEnumType<TargetGrain>("TargetGrain", e => e.Description("The periods targets and scorecards are set for."))
            .AddType<KpiType>().AddType<StatusConditionType>().AddType<KpiTargetType>().AddType<KpiCheckinType>()
            .AddType<ScorecardType>().AddType<ScorecardKpiType>().AddType<KpiPointType>()
            .AddType<TargetReconciliationType>().AddType<ReconciliationChildType>()
            .AddType<StatusConditionInputType>().AddType<CreateKpiInputType>().AddType<UpdateKpiInputType>().AddType<SaveKpiInputType>()
            .AddType<TargetInputType>().AddType<SetTargetsInputType>().AddType<CheckinInputType>();
        schema.Types.ExtendObjectType<OrgNode>("OrgUnit", AddUnitFields);
        return schema.Query(AddQueries).Mutation(KpiMutations.Add);
    }

    /// <summary>A unit's scorecard and KPIs, reached from the unit (<c>unit(code: "CO") { scorecard(period: "2026-10") { … } }</c>).</summary>
    private static void AddUnitFields(IObjectTypeDescriptor<OrgNode> d)
    {
        d.Field("scorecard").Type("Scorecard!")
            .Description("The unit's scorecard for a month (2026-05), quarter (2026-Q2) or year (2026), read in one round trip with as many cascade levels as the query nests.")
            .Argument("period", "String!", a => a.Description("A month, quarter or year."))
            .Resolve(async ctx =>
            {
                var unit = ctx.ParentAs<OrgNode>();
                return await ScorecardLoader.LoadAsync(ctx, unit.Id, ScorecardPeriod(ctx)) ?? throw FieldErrors.UnitNotFound($"with id {unit.Id}");
            });
        d.Field("kpis").Type("[Kpi!]!").Description("The KPIs the unit owns.")
            .Resolve(async ctx => await ctx.KpisOfUnitAsync(ctx.ParentAs<OrgNode>().Id));
    }

    private static void AddQueries(IObjectTypeDescriptor d)
    {
        d.Field("scorecard").Type("Scorecard")
            .Description("A unit's scorecard for a month (2026-05), quarter (2026-Q2) or year (2026); NOT_FOUND outside the caller's scope.")
            .Argument("unit", "ID!").Argument("period", "String!")
            .Resolve(async ctx =>
            {
                // The loader goes through the scope filter itself (and reads while the scope is looked up): absent = NOT_FOUND.
                var id = ctx.Argument<string>("unit");
                var period = ScorecardPeriod(ctx);
                return Ids.Parse(id) is { } unit && await ScorecardLoader.LoadAsync(ctx, unit, period) is { } card
                    ? card
                    : throw FieldErrors.UnitNotFound($"with id {id}");
            });
        d.Field("kpi").Type("Kpi").Description("A KPI by id; NOT_FOUND when unknown or its unit is outside the caller's scope.")
            .Argument("id", "ID!", a => a.Description("The KPI's id."))
            .Resolve(async ctx =>
            {
                var id = ctx.Argument<string>("id");
                var found = Ids.Parse(id) is { } kpi
                    ? await ctx.Service<VisibleScorecards>().KpisAsync([kpi], ctx.CancellationToken)
                    : new Dictionary<long, KpiDefinition>();
                return found.Values.SingleOrDefault() ?? throw FieldErrors.KpiNotFound(id);
            });
        d.Field("kpis").Type("[Kpi!]!").Description("The KPIs a unit owns (also OrgUnit.kpis).").Argument("unit", "ID!", a => a.Description("The unit's id."))
            .Resolve(async ctx =>
            {
                var unit = await KpiCaller.VisibleUnitAsync(ctx, ctx.Argument<string>("unit"));
                return (await ctx.Service<VisibleScorecards>().KpisOfUnitsAsync([unit], ctx.CancellationToken))[unit].ToList();
            });
    }

    /// <summary>The <c>period</c> argument of a scorecard: a month, quarter or year (the grains targets are set for).</summary>
    internal static Period ScorecardPeriod(IResolveContext ctx)
    {
        var p = ValueArguments.Period(ctx);
        return TargetGrains.IsTargetGrain(p.Grain)
            ? p
            : throw FieldErrors.BadArgument("period", $"a scorecard period is a month (2026-05), quarter (2026-Q2) or year (2026), not a {p.Grain}",
                ApiProblem.NotScorecardPeriod, ("grain", p.Grain));
    }
}
