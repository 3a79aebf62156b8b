using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Cascade;

/// <summary>
/// The host over a small demo data set (seed 5) with its KPI cascade and a full rollup; tests call
/// /graphql over HTTP with persona tokens (<see cref="CxApp.GraphQLAsync"/>).
/// </summary>
public sealed class KpiApp : CxApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 6_000, Interactions = 10_000, Seed = 5 });
        await new RollupEngine(DataSource).RebuildAsync();
    }

    public Task<long> UnitIdAsync(string code) => ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", code)!;

    public Task<long> KpiIdAsync(string unitCode, string metric) =>
        ScalarAsync<long>("SELECT k.id FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = $1 AND k.metric_code = $2 AND k.slice_dimension IS NULL", unitCode, metric)!;
}
