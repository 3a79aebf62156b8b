using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.Security;

/// <summary>
/// The host over a demo data set (seed 11, KPI cascade, full rollup) shared by the per-persona scope tests.
/// The demo executive and analyst see the whole company, which has no sibling; so besides the demo personas
/// it knows <c>retail_executive</c> and <c>retail_analyst</c>: the same roles scoped to the Retail division.
/// </summary>
public sealed class ScopeApp : CxApp
{
    protected override void Configure(IWebHostBuilder web)
    {
        foreach (var (persona, name, role) in new[] { ("retail_executive", "Rhea Retail-Executive", "executive"), ("retail_analyst", "Ray Retail-Analyst", "analyst") })
        {
            web.UseSetting($"Auth:Personas:{persona}:Name", name);
            web.UseSetting($"Auth:Personas:{persona}:Role", role);
            web.UseSetting($"Auth:Personas:{persona}:Units:0", "DIV-RETAIL");
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 6_000, Interactions = 6_000, Seed = 11 });
        await new RollupEngine(DataSource).RebuildAsync();
    }

    public async Task<long> UnitIdAsync(string code) =>
        await ScalarAsync<long?>("SELECT id FROM org_unit WHERE code = $1", code) ?? throw new InvalidOperationException($"no unit {code}");

    /// <summary>The first KPI a unit owns (the demo cascade gives every department and division some).</summary>
    public async Task<long> KpiOfAsync(string code) =>
        await ScalarAsync<long?>("SELECT min(k.id) FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = $1", code)
        ?? throw new InvalidOperationException($"no KPI at {code}");

    /// <summary>The year of the last full month of responses, as a period text (2026).</summary>
    public async Task<string> YearAsync() =>
        (await ScalarAsync<int>("SELECT extract(year FROM date_trunc('month', max(responded_at) AT TIME ZONE 'UTC') - interval '1 month')::int FROM survey_response")).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    [CollectionDefinition(Name)]
    public sealed class Collection : ICollectionFixture<ScopeApp>
    {
        public const string Name = "persona scope";
    }
}
