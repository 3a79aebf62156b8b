using CxDashboard.Api.Drivers;
using CxDashboard.Api.Scorecards;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Tests.Cascade;

/// <summary>The KPI, scorecard and driver types build into a valid schema with the documented signatures.</summary>
public sealed class CascadeSchemaTests
{
    private sealed class Root(string name, Action<IObjectTypeDescriptor> fields) : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name(name);
            fields(d);
        }
    }

    private static Schema Build() => SchemaBuilder.New()
        .AddScalar(CustomScalars.Date).AddScalar(CustomScalars.DateTime)
        .AddCascadeTypeDefinitions().AddDriverTypeDefinitions()
        .AddQueryType(new Root("Query", d => { CascadeFields.AddQueries(d); DriverFields.AddQueries(d); }))
        .AddMutationType(new Root("Mutation", CascadeFields.AddMutations))
        .Build();

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
