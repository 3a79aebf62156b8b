using System.Globalization;
using CxDashboard.Api.Cascade;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Drivers;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Drivers;

/// <summary>The <c>drivers</c> root field: a unit's driver analysis for a period, inside the caller's scope.</summary>
public static class DriverFields
{
    public static SchemaBuilder AddDriverTypeDefinitions(this SchemaBuilder b) => b
        .AddEnumType<DriverCondition>("DriverCondition")
        .AddType<DriverAnalysisType>().AddType<DriverType>().AddType<OutcomeSplitType>();

    public static void AddQueries(IObjectTypeDescriptor d)
    {
        d.Field("drivers").Type("DriverAnalysis")
            .Description("Driver analysis of a unit (with its subtree) for any period: 2026-05, 2026-Q2, 2026, 2026-W05, a day or a day range.")
            .Argument("unit", "ID!").Argument("period", "String!")
            .Resolve(async ctx =>
            {
                var visible = ctx.Service<VisibleUnits>();
                var id = ctx.Argument<string>("unit");
                var unit = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && await visible.CanSeeAsync(u, ctx.CancellationToken)
                    ? u : throw CascadeErrors.UnitNotFound(id);
                Period period;
                try
                {
                    period = Period.Parse(ctx.Argument<string>("period") ?? "");
                }
                catch (PeriodException e)
                {
                    throw CascadeErrors.BadArgument("period", e.Message);
                }
                // a raw-fact read: through the process-wide gate, so bursts of them cannot take the connection pool
                return await ctx.Service<RawFactGate>().RunAsync(ct => visible.DriversAsync(unit, period, ct), ctx.CancellationToken);
            });
    }
}
