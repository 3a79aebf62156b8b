using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Ingestion;

namespace CxDashboard.Tests.Embedding;

/// <summary>The partner view's tokens and page (issue 17): one partner, inside the host's grant, its figures as SQL counts them.</summary>
public sealed partial class EmbedTokenTests
{
    [Fact]
    public async Task Partner_view_token_names_one_partner_and_reads_that_partners_figures_as_counted_in_sql()
    {
        var year = app.Month[..4];
        var host = await app.RegisterHostAsync("partner-portal", [], ["PRT-ACME"], views: ["partner"], permissions: ["view", "drill"]);
        // no scope asked: the host's grant, one partner
        var token = await app.TokenAsync(host.Key, new { view = "partner", locked = new { period = year } });
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
        Assert.Equal(["PRT-ACME"], jwt.Claims.Where(c => c.Type == "scope_partner").Select(c => c.Value));
        Assert.DoesNotContain(jwt.Claims, c => c.Type is "scope_unit" or "lock_unit");
        Assert.Equal("partner", jwt.Claims.Single(c => c.Type == "view").Value);

        var (status, body) = await app.GraphQLWithTokenAsync(token, $$"""
            { partner(code: "PRT-ACME") { code nps: value(metric: "nps", period: "{{year}}") { n value suppressed } engagements { code } }
              partners { code } }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var partner = body.GetProperty("data").GetProperty("partner");
        Assert.Equal(["PRT-ACME"], body.GetProperty("data").GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var engagements = (await app.RowsAsync("SELECT u.code FROM org_unit u JOIN partner p ON p.id = u.partner_id WHERE p.code = 'PRT-ACME' ORDER BY u.code")).Select(r => (string)r[0]!);
        Assert.Equal(engagements, partner.GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("code").GetString()!));

        // NPS from the raw responses under any of its engagements: 100·(promoters − detractors)/n
        var rows = await app.RowsAsync("""
            SELECT count(*) FILTER (WHERE r.nps >= 9), count(*) FILTER (WHERE r.nps <= 6), count(*)
            FROM survey_response r
            WHERE r.nps IS NOT NULL AND to_char(r.responded_at AT TIME ZONE 'UTC', 'YYYY') = $1
              AND EXISTS (SELECT 1 FROM org_unit_closure c JOIN org_unit e ON e.id = c.ancestor_id JOIN partner p ON p.id = e.partner_id
                          WHERE c.descendant_id = r.org_unit_id AND p.code = 'PRT-ACME')
            """, year);
        var (promoters, detractors, n) = ((long)rows[0][0]!, (long)rows[0][1]!, (long)rows[0][2]!);
        var nps = partner.GetProperty("nps");
        Assert.True(n >= 30, $"only {n} responses");
        Assert.False(nps.GetProperty("suppressed").GetBoolean());
        Assert.Equal(n, nps.GetProperty("n").GetInt64());
        Assert.Equal(100.0 * (promoters - detractors) / n, nps.GetProperty("value").GetDouble(), 6);

        // another partner reads as absent; the token's audit names the partner
        var (_, other) = await app.GraphQLWithTokenAsync(token, """{ partner(code: "PRT-SWIFT") { code } }""");
        Assert.Equal("NOT_FOUND", other.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("partners=PRT-ACME", await app.ScalarAsync<string>(
            "SELECT scope FROM embed_audit WHERE host_application_id = $1 AND event = 'token'", long.Parse(host.Id, System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_view_scope_may_only_narrow_the_grant_and_must_be_one_partner()
    {
        var partnerHost = await app.RegisterHostAsync("partner-grant", [], ["PRT-ACME", "PRT-SWIFT"], views: ["partner"], permissions: ["view"]);
        var logistics = await app.RegisterHostAsync("logistics-grant", ["DIV-LOGISTICS"], [], views: ["partner", "scorecard"], permissions: ["view"]);

        // narrower than the grant: one of its partners; a partner all of whose engagements lie in a unit grant
        await app.TokenAsync(partnerHost.Key, new { view = "partner", scope = new { partners = new[] { "PRT-SWIFT" } } });
        var parcel = await app.TokenAsync(logistics.Key, new { view = "partner", scope = new { partners = new[] { "PRT-PARCELNET" } } });
        Assert.Equal(["PRT-PARCELNET"], new JwtSecurityTokenHandler().ReadJwtToken(parcel).Claims.Where(c => c.Type is "scope_partner" or "scope_unit").Select(c => c.Value));

        // wider: 403 problems
        foreach (var (key, body) in new (string, object)[]
        {
            (partnerHost.Key, new { view = "partner", scope = new { partners = new[] { "PRT-GLOBALCALL" } } }),
            (partnerHost.Key, new { view = "partner", scope = new { units = new[] { "DEP-CARE-CONTACT" } } }),
            (logistics.Key, new { view = "partner", scope = new { partners = new[] { "PRT-SWIFT" } } }), // one engagement in Retail
        })
        {
            using var response = await app.RequestTokenAsync(key, body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // inside the grant but not one partner's page: 400 problems naming what to send
        foreach (var (key, body) in new (string, object)[]
        {
            (partnerHost.Key, new { view = "partner" }), // the whole grant: two partners
            (partnerHost.Key, new { view = "partner", scope = new { partners = new[] { "PRT-ACME", "PRT-SWIFT" } } }),
            (partnerHost.Key, new { view = "partner", scope = new { units = new[] { "ENG-PRT-ACME-CARE-CONTACT" } } }),
            (partnerHost.Key, new { view = "partner", scope = new { partners = new[] { "PRT-ACME" } }, locked = new { unit = "ENG-PRT-ACME-CARE-CONTACT" } }),
            (logistics.Key, new { view = "partner" }), // the whole grant: units
        })
        {
            using var response = await app.RequestTokenAsync(key, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Contains("partner", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // a scope naming only partners is only those partners (the host's units are not added to it)
        var scorecard = await app.TokenAsync(logistics.Key, new { view = "scorecard", scope = new { partners = new[] { "PRT-PARCELNET" } } });
        var (_, units) = await app.GraphQLWithTokenAsync(scorecard, "{ units { code } }");
        Assert.Equal(["ENG-PRT-PARCELNET-LOGISTICS-CLAIMS", "ENG-PRT-PARCELNET-LOGISTICS-TRACKING"],
            units.GetProperty("data").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Partner_view_page_is_framed_by_the_hosts_origins_and_the_cli_registers_a_partner_host()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(app.ConnectionString, "embed", "add-host", "--name", "cli-partner-portal",
            "--origins", "https://partners.example.com", "--partners", "PRT-HELPDESK", "--views", "partner");
        Assert.True(code == 0, stderr);
        var hostId = await app.ScalarAsync<long>("SELECT id FROM host_application WHERE name = 'cli-partner-portal'");
        Assert.Equal(["partner"], (await app.ScalarAsync<string[]>("SELECT views FROM host_application WHERE id = $1", hostId))!);
        (code, stdout, stderr) = await CliRunner.RunAsync(app.ConnectionString, "embed", "issue-key", "--host", hostId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, stderr);
        var key = stdout.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("cxk_", StringComparison.Ordinal));
        var token = await app.TokenAsync(key, new { view = "partner" });

        using var client = app.Factory.CreateClient();
        foreach (var path in new[] { $"/embed/partner?token={Uri.EscapeDataString(token)}", $"/embed/partners/PRT-HELPDESK?token={Uri.EscapeDataString(token)}", $"/embed/partner?host={hostId}" })
        {
            using var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.EndsWith("frame-ancestors https://partners.example.com", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        }
        using var bare = await client.GetAsync("/embed/partners/PRT-HELPDESK");
        Assert.EndsWith("frame-ancestors 'none'", bare.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
