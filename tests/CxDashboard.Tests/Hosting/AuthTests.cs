using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Hosting;

public sealed class AuthTests(CxApp app) : IClassFixture<CxApp>
{
    [Fact]
    public async Task Demo_issuer_mints_a_token_carrying_the_personas_role_and_scope()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/auth/token", new { persona = "partner_manager" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(body.RootElement.GetProperty("access_token").GetString());
        Assert.Equal("partner_manager", jwt.Claims.Single(c => c.Type == "role").Value);
        Assert.Contains(jwt.Claims, c => c.Type == "scope_partner");
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "scope_unit");
    }

    [Fact]
    public async Task Unknown_persona_is_a_problem_details_400_listing_the_valid_ones()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/auth/token", new { persona = "ceo" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unknown persona", body.RootElement.GetProperty("title").GetString());
        Assert.Contains("analyst", body.RootElement.GetProperty("detail").GetString());
    }
}
