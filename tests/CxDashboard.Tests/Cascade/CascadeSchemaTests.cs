using CxDashboard.Api.GraphQL;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Tests.Cascade;

/// <summary>The KPI, scorecard and driver types build into a valid schema with the documented signatures.</summary>
public sealed class CascadeSchemaTests
{
    // Features register into one schema (they extend each other's types; rollups add startRollupRun): build all of it.
    private static Schema Build() => GraphQLExtensions.BuildCxSchema();

    [Fact]
    public void Cascade_and_driver_fields_build_into_a_valid_schema()
    {
        var sdl = SchemaPrinter.Print(Build());

        Assert.Contains("scorecard(unit: ID!, period: String!): Scorecard", sdl);
        Assert.Contains("drivers(unit: ID!, period: String!): DriverAnalysis", sdl);
        Assert.Contains("createKpi(input: CreateKpiInput!): Kpi!", sdl);
        Assert.Contains("setKpiTargets(input: SetKpiTargetsInput!): [KpiTarget!]!", sdl);
        Assert.Contains("setKpiStatusRule(kpi: ID!, rules: [StatusConditionInput!]): Kpi!", sdl);
        Assert.Contains("recordCheckin(input: KpiCheckinInput!): KpiCheckin!", sdl);
        Assert.Contains("startRollupRun(mode: RollupRunMode! = REFRESH): RollupRunStarted!", sdl);
        Assert.Contains("enum KpiStatus {\n  ON_TRACK\n  AT_RISK\n  OFF_TRACK\n  NO_DATA\n}", sdl.Replace("\r\n", "\n"));
        Assert.Contains("enum DriverCondition {\n  RESOLVED_FIRST_CONTACT\n  WITHIN_SLA\n  TRANSFERRED\n  SWITCHED_CHANNEL\n  LOW_EFFORT\n}", sdl.Replace("\r\n", "\n"));
    }
}
