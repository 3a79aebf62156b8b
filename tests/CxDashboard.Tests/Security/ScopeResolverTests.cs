using System.Security.Claims;
using CxDashboard.Api.Security;
using CxDashboard.Core.DemoData;
using CxDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

public sealed class ScopeResolverTests(CxApp app) : IClassFixture<CxApp>
{
    private async Task<HashSet<string>> VisibleCodesAsync(params (string Type, string Value)[] claims)
    {
        if (!await new DemoSeeder(app.DataSource, TextWriter.Null).HasOrganisationAsync())
        {
            await new DemoSeeder(app.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 0, Interactions = 0 });
        }
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var resolver = scope.ServiceProvider.GetRequiredService<ScopeResolver>();
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim("sub", "t")), "test"));
        var visible = await resolver.ResolveAsync(user);
        var codes = await app.RowsAsync("SELECT code FROM org_unit WHERE id = ANY($1)", visible.ToArray());
        return codes.Select(r => (string)r[0]!).ToHashSet();
    }

    [Fact]
    public async Task A_department_head_sees_the_department_and_everything_under_it_only()
    {
        var codes = await VisibleCodesAsync((CxClaims.ScopeUnit, "DEP-RETAIL-STORES"));

        Assert.Equal(new HashSet<string>
        {
            "DEP-RETAIL-STORES", "TEAM-RETAIL-STORES-NORTH", "TEAM-RETAIL-STORES-SOUTH", "TEAM-RETAIL-STORES-EAST", "TEAM-RETAIL-STORES-WEST",
        }, codes);
    }

    [Fact]
    public async Task A_partner_manager_sees_only_the_partners_engagements_across_departments()
    {
        var codes = await VisibleCodesAsync((CxClaims.ScopePartner, "PRT-ACME"));

        Assert.Equal(new HashSet<string> { "ENG-PRT-ACME-CARE-CONTACT", "ENG-PRT-ACME-CARE-BILLING", "ENG-PRT-ACME-RETAIL-PAYMENTS" }, codes);
    }

    [Fact]
    public async Task An_executive_sees_every_unit_and_a_token_without_scope_sees_nothing()
    {
        var all = await VisibleCodesAsync((CxClaims.ScopeUnit, "CO"));
        var none = await VisibleCodesAsync();
        var unknown = await VisibleCodesAsync((CxClaims.ScopeUnit, "NO-SUCH-UNIT"));

        Assert.Equal(171, all.Count);
        Assert.Empty(none);
        Assert.Empty(unknown);
    }
}
