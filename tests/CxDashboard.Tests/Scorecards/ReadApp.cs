using System.Security.Claims;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Api.Verbatims;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// The host over a small demo data set (seed 7) with its rollup built. Besides the demo personas it knows
/// <c>division_head</c>: a department_head-role caller whose scope is the Retail division.
/// </summary>
public sealed class ReadApp : CxApp
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Auth:Personas:division_head:Name", "Devi Division-Head");
        web.UseSetting("Auth:Personas:division_head:Role", "department_head");
        web.UseSetting("Auth:Personas:division_head:Units:0", "DIV-RETAIL");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 8_000, Interactions = 10_000, Seed = 7 });
        await new RollupEngine(DataSource).RebuildAsync();
    }

    /// <summary>A service scope (no HTTP) acting for a caller with the given role and scope claims; readers come from it.</summary>
    public Caller CallerWith(string role, string[]? units = null, string[]? partners = null)
    {
        var claims = new List<Claim> { new("sub", "test:" + role), new(CxClaims.Role, role) };
        claims.AddRange((units ?? []).Select(u => new Claim(CxClaims.ScopeUnit, u)));
        claims.AddRange((partners ?? []).Select(p => new Claim(CxClaims.ScopePartner, p)));
        var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerIdentity>().Use(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return new Caller(scope);
    }

    public async Task<long> IdAsync(string code) => await ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", code);

    public async Task<DateOnly> LastFullMonthAsync() =>
        (DateOnly)(await RowsAsync("SELECT (date_trunc('month', max(responded_at) AT TIME ZONE 'UTC') - interval '1 month')::date FROM survey_response"))[0][0]!;
}

/// <summary>A caller's service scope: its scope gate and the features' readers over it.</summary>
public sealed class Caller(AsyncServiceScope scope) : IAsyncDisposable
{
    public ScopeGate Gate => Get<ScopeGate>();
    public VisibleOrg Org => Get<VisibleOrg>();
    public VisibleValues Values => Get<VisibleValues>();
    public VisibleVerbatims Verbatims => Get<VisibleVerbatims>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
