using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Drivers;
using CxDashboard.Core.Hierarchy;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Drivers;

/// <summary>The <c>drivers</c> root field: a unit's driver analysis for a period, inside the caller's scope.</summary>
public static class DriverFields
{
    public static CxSchema AddDriverTypes(this CxSchema schema)
    {
        schema.Types.AddEnumType<DriverCondition>("DriverCondition", e => e.Description("A process condition of an interaction that a survey response is linked to."))
            .AddType<DriverAnalysisType>().AddType<DriverType>().AddType<OutcomeSplitType>()
            .ExtendObjectType<OrgNode>("OrgUnit", d => d.Field("drivers").Type("DriverAnalysis!")
                .Description("Driver analysis of the unit (with its subtree) for any period: 2026-05, 2026-Q2, 2026, 2026-W05, a day or a day range.")
                .Argument("period", "String!", a => a.Description(ValueArguments.PeriodHelp))
                .Resolve(async ctx =>
                {
                    var unit = ctx.ParentAs<OrgNode>();
                    return await GatedAsync(ctx, unit.Id, ValueArguments.Period(ctx))
                        ?? throw FieldErrors.UnitNotFound($"with id {unit.Id}");
                }));
        return schema.Query(AddQueries);
    }

    private static void AddQueries(IObjectTypeDescriptor d)
    {
        d.Field("drivers").Type("DriverAnalysis")
            .Description("Driver analysis of a unit (with its subtree) for any period: 2026-05, 2026-Q2, 2026, 2026-W05, a day or a day range.")
            .Argument("unit", "ID!").Argument("period", "String!")
            .Resolve(async ctx =>
            {
                var visible = ctx.Service<ScopeGate>();
                var id = ctx.Argument<string>("unit");
                var period = ValueArguments.Period(ctx);
                // Absent outside the scope (and for an unknown unit): NOT_FOUND either way, before taking a raw-fact slot.
                var unit = Ids.Parse(id) is { } u && await visible.CanSeeAsync(u, ctx.CancellationToken) ? u : throw FieldErrors.UnitNotFound($"with id {id}");
                return await GatedAsync(ctx, unit, period) ?? throw FieldErrors.UnitNotFound($"with id {id}");
            });
    }

    /// <summary>A raw-fact read: through the process-wide gate, so bursts of them cannot take the connection pool.</summary>
    private static Task<DriverAnalysis?> GatedAsync(IResolveContext ctx, long unit, Core.Values.Period period) =>
        ctx.Service<RawFactGate>().RunAsync(ct => ctx.Service<VisibleDrivers>().AnalyseAsync(unit, period, ct), ctx.CancellationToken);
}
