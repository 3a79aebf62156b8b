using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CxDashboard.Tests.Ingestion;

namespace CxDashboard.Tests.Embedding;

/// <summary>Host applications, API keys, embed tokens and signing keys through HTTP and the CLI (issue 17 §1, §2, §5).</summary>
public sealed partial class EmbedTokenTests(EmbedTokenTests.App app) : IClassFixture<EmbedTokenTests.App>
{
    public sealed class App : EmbedApp;

    private const string Stores = "DEP-RETAIL-STORES";

    [Fact]
    public async Task Token_is_a_jwt_signed_by_the_current_key_for_ten_minutes_by_default_and_audited()
    {
        var host = await app.RegisterHostAsync("token-default", ["DIV-RETAIL"], []);
        using var response = await app.RequestTokenAsync(host.Key, new { view = "scorecard", locked = new { unit = Stores, period = app.Month }, locale = "zh-CN" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("token").GetString());

        var (kid, _) = await app.SigningKeyAsync();
        Assert.Equal(kid, jwt.Header.Kid);
        Assert.Equal("HS256", jwt.Header.Alg);
        Assert.Equal(600, (int)(jwt.ValidTo - jwt.ValidFrom).TotalSeconds);
        Assert.Equal(jwt.ValidFrom, jwt.IssuedAt);
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(["cxdashboard-embed"], jwt.Audiences);
        Assert.Equal([Stores], jwt.Claims.Where(c => c.Type == "scope_unit").Select(c => c.Value));
        Assert.Equal(app.Month, jwt.Claims.Single(c => c.Type == "lock_period").Value);
        Assert.Equal("zh-CN", jwt.Claims.Single(c => c.Type == "locale").Value);
        Assert.Equal(["view", "drill"], jwt.Claims.Where(c => c.Type == "permission").Select(c => c.Value));

        var rows = await app.RowsAsync("SELECT event, key_id, token_id, view, scope FROM embed_audit WHERE host_application_id = $1", long.Parse(host.Id, System.Globalization.CultureInfo.InvariantCulture));
        var row = Assert.Single(rows);
        Assert.Equal(["token", host.KeyId, jwt.Id, "scorecard"], row[..4]);
        Assert.Contains($"units={Stores}", (string)row[4]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifetime_over_an_hour_is_a_400_problem_and_an_hour_is_allowed()
    {
        var host = await app.RegisterHostAsync("token-ttl", ["DIV-RETAIL"], []);
        using var tooLong = await app.RequestTokenAsync(host.Key, new { view = "scorecard", ttlSeconds = 3601 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        var hour = new JwtSecurityTokenHandler().ReadJwtToken(await app.TokenAsync(host.Key, new { view = "scorecard", ttlSeconds = 3600 }));
        Assert.Equal(3600, (int)(hour.ValidTo - hour.ValidFrom).TotalSeconds);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM embed_audit WHERE host_application_id = $1 AND event = 'token_refused'", long.Parse(host.Id, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Api_key_is_kept_only_as_a_hash_and_never_listed()
    {
        var host = await app.RegisterHostAsync("key-hash", ["DIV-RETAIL"], []);
        var secret = host.Key[$"cxk_{host.KeyId}_".Length..]; // base64url: the secret itself may hold '_'
        var stored = await app.ScalarAsync<byte[]>("SELECT secret_hash FROM embed_api_key WHERE key_id = $1", host.KeyId);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored);
        var dump = await app.ScalarAsync<string>("SELECT string_agg(t::text, ' ') FROM embed_api_key t");
        Assert.DoesNotContain(secret, dump!, StringComparison.Ordinal);

        var list = await app.GraphQLAsync("analyst", "{ hostApplications { name keys { keyId } } }");
        Assert.Contains(host.KeyId, list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotated_key_works_during_its_overlap_and_stops_after_it()
    {
        var host = await app.RegisterHostAsync("key-rotation", ["DIV-RETAIL"], []);
        var rotated = await app.GraphQLAsync("analyst", "mutation($k: String!) { rotateApiKey(keyId: $k, overlapHours: 2) { keyId key } }", new { k = host.KeyId });
        var fresh = rotated.GetProperty("data").GetProperty("rotateApiKey").GetProperty("key").GetString()!;
        await app.TokenAsync(host.Key, new { view = "scorecard" });
        await app.TokenAsync(fresh, new { view = "scorecard" });

        var expires = await app.ScalarAsync<DateTime>("SELECT expires_at FROM embed_api_key WHERE key_id = $1", host.KeyId);
        Assert.InRange(expires - DateTime.UtcNow, TimeSpan.FromMinutes(118), TimeSpan.FromMinutes(121));
        await app.ExecuteAsync("UPDATE embed_api_key SET expires_at = now() - interval '1 second' WHERE key_id = $1", host.KeyId);
        using var old = await app.RequestTokenAsync(host.Key, new { view = "scorecard" });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal("ApiKey", old.Headers.WwwAuthenticate.ToString());
        await app.TokenAsync(fresh, new { view = "scorecard" });
    }

    [Fact]
    public async Task Tokens_of_a_retired_signing_key_work_within_the_grace_period_then_stop()
    {
        var host = await app.RegisterHostAsync("signing-rotation", ["DIV-RETAIL"], []);
        var before = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = Stores } });
        var oldKid = new JwtSecurityTokenHandler().ReadJwtToken(before).Header.Kid;
        var rotated = await app.GraphQLAsync("analyst", "mutation { rotateEmbedSigningKey }");
        var newKid = rotated.GetProperty("data").GetProperty("rotateEmbedSigningKey").GetString();
        Assert.NotEqual(oldKid, newKid);

        var after = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = Stores } });
        Assert.Equal(newKid, new JwtSecurityTokenHandler().ReadJwtToken(after).Header.Kid);
        Assert.Equal(HttpStatusCode.OK, (await app.GraphQLWithTokenAsync(before, "{ units { code } }")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GraphQLWithTokenAsync(after, "{ units { code } }")).Status);

        // the default grace is an hour: retired 61 minutes ago, the old key's tokens stop
        await app.ExecuteAsync("UPDATE embed_signing_key SET retired_at = now() - interval '61 minutes' WHERE kid = $1", oldKid);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GraphQLWithTokenAsync(before, "{ units { code } }")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.GraphQLWithTokenAsync(after, "{ units { code } }")).Status);
    }

    [Fact]
    public async Task Embed_token_reads_its_units_figures_as_the_analyst_reads_them()
    {
        // A year: enough responses that the privacy floor (which every embed token gets) shows the value.
        var year = app.Month[..4];
        var host = await app.RegisterHostAsync("figures", ["DIV-RETAIL"], []);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = Stores, period = year } });
        var query = $$"""{ unit(code: "{{Stores}}") { code value(metric: "nps", period: "{{year}}") { n value suppressed } children { code } } }""";
        var (status, embedded) = await app.GraphQLWithTokenAsync(token, query);
        Assert.Equal(HttpStatusCode.OK, status);
        var analyst = await app.GraphQLAsync("analyst", query);
        var e = embedded.GetProperty("data").GetProperty("unit");
        var a = analyst.GetProperty("data").GetProperty("unit");
        Assert.False(e.GetProperty("value").GetProperty("suppressed").GetBoolean(), embedded.ToString());
        Assert.Equal(a.GetProperty("value").GetProperty("n").GetInt64(), e.GetProperty("value").GetProperty("n").GetInt64());
        Assert.Equal(a.GetProperty("value").GetProperty("value").GetDouble(), e.GetProperty("value").GetProperty("value").GetDouble());

        // the NPS from raw responses: 100·(promoters − detractors)/n
        var rows = await app.RowsAsync("""
            SELECT count(*) FILTER (WHERE r.nps >= 9), count(*) FILTER (WHERE r.nps <= 6), count(*)
            FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id JOIN org_unit root ON root.id = c.ancestor_id
            WHERE root.code = $1 AND r.nps IS NOT NULL AND to_char(r.responded_at AT TIME ZONE 'UTC', 'YYYY') = $2
            """, Stores, year);
        var (p, d, n) = ((long)rows[0][0]!, (long)rows[0][1]!, (long)rows[0][2]!);
        Assert.Equal(n, e.GetProperty("value").GetProperty("n").GetInt64());
        Assert.Equal(100.0 * (p - d) / n, e.GetProperty("value").GetProperty("value").GetDouble(), 6);
        Assert.Equal(a.GetProperty("children").GetArrayLength(), e.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Mutation_with_an_embed_token_is_refused_before_it_runs()
    {
        var host = await app.RegisterHostAsync("mutation", ["DIV-RETAIL"], []);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard" });
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM host_application");
        var (status, body) = await app.GraphQLWithTokenAsync(token,
            """mutation { registerHostApplication(input: { name: "evil", origins: ["https://evil.example"], grantUnits: ["DIV-RETAIL"], views: ["scorecard"] }) { id } }""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, body.ToString());
        Assert.Contains("mutation", body.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM host_application"));
    }

    [Fact]
    public async Task Embedded_export_is_allowed_with_the_permission_and_audited_with_host_and_key()
    {
        var host = await app.RegisterHostAsync("export", ["DIV-RETAIL"], []);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = Stores, period = app.Month }, permissions = new[] { "view", "export" } });
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/export/monthly-review.xlsx?unit={Stores}&month={app.Month}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip (xlsx)

        var rows = await app.RowsAsync("SELECT key_id, view, scope, detail FROM embed_audit WHERE host_application_id = $1 AND event = 'export'", long.Parse(host.Id, System.Globalization.CultureInfo.InvariantCulture));
        var row = Assert.Single(rows);
        Assert.Equal(host.KeyId, row[0]);
        Assert.Equal("scorecard", row[1]);
        Assert.Contains($"unit {Stores}", (string)row[2]!, StringComparison.Ordinal);
        Assert.EndsWith("-> 200", (string)row[3]!, StringComparison.Ordinal);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM export_audit WHERE subject LIKE $1 AND outcome = 'succeeded'", $"embed:{host.Id}:{host.KeyId}"));
    }

    [Fact]
    public async Task Analyst_cannot_register_a_host_wider_than_its_own_scope()
    {
        var wide = await app.GraphQLAsync("retail_analyst", """
            mutation { registerHostApplication(input: { name: "too-wide", origins: ["https://x.example"], grantUnits: ["CO"], views: ["scorecard"] }) { id } }
            """);
        Assert.Equal("FORBIDDEN", wide.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var fine = await app.GraphQLAsync("retail_analyst", """
            mutation { registerHostApplication(input: { name: "retail-only", origins: ["https://x.example"], grantUnits: ["DEP-RETAIL-STORES"], views: ["scorecard"] }) { id } }
            """);
        Assert.False(fine.TryGetProperty("errors", out var e), e.ToString());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM host_application WHERE name = 'too-wide'"));
        var viewer = await app.GraphQLAsync("executive", "{ hostApplications { id } }");
        Assert.Equal("FORBIDDEN", viewer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Registration_with_bad_input_names_every_problem_and_writes_nothing()
    {
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM host_application");
        var bad = await app.GraphQLAsync("analyst", """
            mutation { registerHostApplication(input: { name: " ", origins: ["http://portal.example.com", "https://x.example/path"], grantUnits: ["NOPE"], views: ["dashboard"], permissions: ["admin"] }) { id } }
            """);
        var fields = bad.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("field").GetString()!).ToArray();
        Assert.Equal(["name", "origins", "origins", "grantUnits", "views", "permissions"], fields);
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM host_application"));
    }

    [Fact]
    public async Task Cli_registers_a_host_and_issues_a_key_that_gets_a_token()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(app.ConnectionString, "embed", "add-host", "--name", "cli-portal",
            "--origins", "https://cli.example.com", "--units", "DIV-RETAIL", "--views", "scorecard,cascade");
        Assert.True(code == 0, stderr);
        var hostId = await app.ScalarAsync<long>("SELECT id FROM host_application WHERE name = 'cli-portal'");
        Assert.Contains($"host {hostId}", stdout, StringComparison.Ordinal);
        (code, stdout, stderr) = await CliRunner.RunAsync(app.ConnectionString, "embed", "issue-key", "--host", hostId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, stderr);
        var key = stdout.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("cxk_", StringComparison.Ordinal));
        await app.TokenAsync(key, new { view = "cascade" });

        var keyId = key.Split('_')[1];
        (code, _, stderr) = await CliRunner.RunAsync(app.ConnectionString, "embed", "revoke-key", "--key", keyId);
        Assert.True(code == 0, stderr);
        using var refused = await app.RequestTokenAsync(key, new { view = "cascade" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        (code, _, stderr) = await CliRunner.RunAsync(app.ConnectionString, "embed", "add-host", "--name", "cli-bad", "--origins", "ftp://x", "--units", "NOPE", "--views", "scorecard");
        Assert.Equal(1, code);
        Assert.Contains("origins", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_route_is_framed_only_by_the_hosts_origins_and_the_sdk_is_served_with_cors()
    {
        var host = await app.RegisterHostAsync("framing", ["DIV-RETAIL"], [], origins: ["https://portal.example.com", "http://localhost:3000"]);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard", locked = new { unit = Stores } });
        using var client = app.Factory.CreateClient();

        using var page = await client.GetAsync($"/embed/scorecard?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("frame-ancestors https://portal.example.com http://localhost:3000", csp, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());

        // postMessage mode names the host; no token and no host, or a forged token: nobody may frame it
        using var byHost = await client.GetAsync($"/embed/cascade?host={host.Id}");
        Assert.EndsWith("frame-ancestors https://portal.example.com http://localhost:3000", byHost.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var (kid, _) = await app.SigningKeyAsync();
        var forged = EmbedApp.Sign(EmbedApp.ClaimsOf(token), kid, RandomNumberGenerator.GetBytes(32));
        foreach (var path in new[] { "/embed/scorecard", $"/embed/scorecard?token={Uri.EscapeDataString(forged)}" })
        {
            using var none = await client.GetAsync(path);
            Assert.EndsWith("frame-ancestors 'none'", none.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("DENY", none.Headers.GetValues("X-Frame-Options").Single());
        }
        // an expired but genuine token still names its host, so the frame can say it expired
        var expired = EmbedApp.Sign(EmbedApp.ClaimsOf(token), kid, (await app.SigningKeyAsync()).Secret,
            notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));
        using var late = await client.GetAsync($"/embed/scorecard?token={Uri.EscapeDataString(expired)}");
        Assert.EndsWith("frame-ancestors https://portal.example.com http://localhost:3000", late.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var sdk = await client.GetAsync("/embed/sdk.js");
        Assert.Equal(HttpStatusCode.OK, sdk.StatusCode);
        Assert.Equal("text/javascript", sdk.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", sdk.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("export async function createEmbed", await sdk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
