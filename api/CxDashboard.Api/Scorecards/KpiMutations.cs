using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Scorecards;

/// <summary>The KPI admin and check-in mutations: roles by <see cref="RoleGate"/>, every id inside the caller's scope.</summary>
public static class KpiMutations
{
    public static void Add(IObjectTypeDescriptor d)
    {
        d.Field("createKpi").Type("Kpi!").Description("Analysts only; the unit (and any parent KPI) must be inside the caller's scope.")
            .Argument("input", "CreateKpiInput!")
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "create KPIs", RoleGate.Analyst);
                var a = ctx.Argument<CreateKpiArgs>("input")!;
                var unit = await KpiCaller.VisibleUnitAsync(ctx, a.Unit);
                long? parent = a.Parent is null ? null : await KpiCaller.VisibleKpiAsync(ctx, a.Parent);
                return await KpiCaller.AdminAsync(ctx, admin => admin.CreateAsync(new KpiCreateInput(unit, a.Metric,
                    a.SliceDimension is { } dim ? ValueArguments.DimensionName(dim) : null, a.SliceValue, parent,
                    (decimal)a.Weight, a.Shared, a.Owner, a.StatusRule?.Select(c => c.ToCondition()).ToList()), ctx.CancellationToken));
            });
        d.Field("updateKpi").Type("Kpi!").Description("Analysts only.").Argument("input", "UpdateKpiInput!")
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "change KPIs", RoleGate.Analyst);
                var a = ctx.Argument<UpdateKpiArgs>("input")!;
                var id = await KpiCaller.VisibleKpiAsync(ctx, a.Id);
                long? parent = a.Parent is null ? null : await KpiCaller.VisibleKpiAsync(ctx, a.Parent);
                return await KpiCaller.AdminAsync(ctx, admin => admin.UpdateAsync(
                    new KpiUpdateInput(id, (decimal?)a.Weight, a.Shared, a.Owner, parent, a.ClearParent), ctx.CancellationToken));
            });
        d.Field("saveKpi").Type("Kpi!")
            .Description("Analysts only. Creates or changes a KPI with its status rule and targets in one transaction; any refused field or target saves nothing, each error naming its field (input.targets[3].value).")
            .Argument("input", "SaveKpiInput!")
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "change KPIs", RoleGate.Analyst);
                var a = ctx.Argument<SaveKpiArgs>("input")!;
                long? id = a.Id is null ? null : await KpiCaller.VisibleKpiAsync(ctx, a.Id);
                long? unit = a.Unit is null ? null : await KpiCaller.VisibleUnitAsync(ctx, a.Unit);
                long? parent = a.Parent is null ? null : await KpiCaller.VisibleKpiAsync(ctx, a.Parent);
                var targets = a.Targets.Select(t => new KpiTargetValue(t.PeriodStart, (decimal?)t.Target)).ToList();
                return await KpiCaller.AdminAsync(ctx, admin => admin.SaveAsync(new KpiSaveInput(id, unit, a.Metric,
                    a.SliceDimension is { } dim ? ValueArguments.DimensionName(dim) : null, a.SliceValue, (decimal?)a.Weight, a.Shared, a.Owner,
                    parent, a.ClearParent, a.StatusRule?.Select(c => c.ToCondition()).ToList(), a.DefaultStatusRule,
                    TargetGrainNames.Name(a.TargetGrain), targets), ctx.CancellationToken));
            });
        d.Field("setKpiTargets").Type("[KpiTarget!]!").Description("Analysts only. Upserts the given periods (a null target removes one); all or nothing.")
            .Argument("input", "SetKpiTargetsInput!")
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "set targets", RoleGate.Analyst);
                var a = ctx.Argument<SetTargetsArgs>("input")!;
                var id = await KpiCaller.VisibleKpiAsync(ctx, a.Kpi);
                var targets = a.Targets.Select(t => new KpiTargetValue(t.PeriodStart, (decimal?)t.Target)).ToList();
                return await KpiCaller.AdminAsync(ctx, admin => admin.SetTargetsAsync(new KpiTargetsInput(id, TargetGrainNames.Name(a.Grain), targets), ctx.CancellationToken));
            });
        d.Field("setKpiStatusRule").Type("Kpi!").Description("Analysts only. An ordered rule (first match wins); null restores the default.")
            .Argument("kpi", "ID!").Argument("rules", "[StatusConditionInput!]")
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "set status rules", RoleGate.Analyst);
                var id = await KpiCaller.VisibleKpiAsync(ctx, ctx.Argument<string>("kpi"));
                var rules = ctx.Argument<List<StatusConditionArgs>>("rules")?.Select(c => c.ToCondition()).ToList();
                return await KpiCaller.AdminAsync(ctx, admin => admin.SetStatusRuleAsync(id, rules, ctx.CancellationToken));
            });
        d.Field("recordCheckin").Type("KpiCheckin!")
            .Description("Analysts and department heads, on KPIs of units inside their scope; signed with the caller's name.")
            .Argument("input", "KpiCheckinInput!")
            .Resolve(async ctx =>
            {
                RoleGate.Require(ctx, "record check-ins", RoleGate.Analyst, RoleGate.DepartmentHead);
                var a = ctx.Argument<CheckinArgs>("input")!;
                var id = await KpiCaller.VisibleKpiAsync(ctx, a.Kpi);
                return await KpiCaller.AdminAsync(ctx, admin => admin.RecordCheckinAsync(
                    new KpiCheckinInput(id, a.PeriodStart, a.Status, (decimal?)a.Value, a.Note), ctx.Service<ScopeGate>().DisplayName, ctx.CancellationToken));
            });
    }
}
