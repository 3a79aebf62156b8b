using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Tests.Embedding;

/// <summary>
/// The host over the demo data set (seed 11, KPI cascade, full rollup), with embed caches off (a revocation or
/// rotation acts on the next request) and rate limits high enough not to interfere; helpers register hosts through
/// GraphQL as the analyst, ask for tokens over HTTP and forge tokens with the stored signing key.
/// </summary>
public class EmbedApp : CxApp
{
    protected virtual int TokenRequestsPerMinute => 100_000;
    protected virtual int RequestsPerMinute => 100_000;

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Auth:DemoIssuer", "true");
        // an analyst whose own scope is one division: it may not hand a host more
        web.UseSetting("Auth:Personas:retail_analyst:Name", "Ray Retail-Analyst");
        web.UseSetting("Auth:Personas:retail_analyst:Role", "analyst");
        web.UseSetting("Auth:Personas:retail_analyst:Units:0", "DIV-RETAIL");
        web.UseSetting("Embed:CacheFor", "00:00:00");
        // a stand-in web build, so the embed route has a page to serve (its headers are what the tests read)
        var root = Directory.CreateTempSubdirectory("cx-embed-web-").FullName;
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><title>CxDashboard</title><div id=root></div>");
        web.UseSetting("Web:Root", root);
        web.UseSetting("Embed:TokenRequestsPerMinute", TokenRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        web.UseSetting("Embed:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 6_000, Interactions = 6_000, Seed = 11 });
        await new RollupEngine(DataSource).RebuildAsync();
        Month = await ScalarAsync<string>("SELECT to_char(date_trunc('month', max(responded_at) AT TIME ZONE 'UTC') - interval '1 month', 'YYYY-MM') FROM survey_response") ?? "";
    }

    /// <summary>The last full month of responses (2026-10), the period tokens lock.</summary>
    public string Month { get; private set; } = "";

    public async Task<long> UnitIdAsync(string code) =>
        await ScalarAsync<long?>("SELECT id FROM org_unit WHERE code = $1", code) ?? throw new InvalidOperationException($"no unit {code}");

    public async Task<long> KpiOfAsync(string code) =>
        await ScalarAsync<long?>("SELECT min(k.id) FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = $1", code)
        ?? throw new InvalidOperationException($"no KPI at {code}");

    public sealed record Host(string Id, string Key, string KeyId);

    /// <summary>Registers a host as the analyst (GraphQL) and issues its first key.</summary>
    public async Task<Host> RegisterHostAsync(string name, string[] units, string[] partners, string[]? views = null,
        string[]? permissions = null, string[]? origins = null)
    {
        var reg = await GraphQLAsync("analyst", """
            mutation($input: HostApplicationInput!) { registerHostApplication(input: $input) { id } }
            """, new
        {
            input = new
            {
                name, origins = origins ?? ["https://portal.example.com"], grantUnits = units, grantPartners = partners,
                views = views ?? ["scorecard", "cascade", "process", "partner"], permissions = permissions ?? ["view", "drill", "export"],
            },
        });
        Assert.False(reg.TryGetProperty("errors", out var e), e.ToString());
        var id = reg.GetProperty("data").GetProperty("registerHostApplication").GetProperty("id").GetString()!;
        var key = await GraphQLAsync("analyst", "mutation($h: ID!) { issueApiKey(host: $h) { keyId key } }", new { h = id });
        Assert.False(key.TryGetProperty("errors", out var e2), e2.ToString());
        var k = key.GetProperty("data").GetProperty("issueApiKey");
        return new Host(id, k.GetProperty("key").GetString()!, k.GetProperty("keyId").GetString()!);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string? apiKey, object body)
    {
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/embed/token") { Content = JsonContent.Create(body) };
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        return await client.SendAsync(request);
    }

    /// <summary>A token for <paramref name="body"/>; fails the test unless the host gets one.</summary>
    public async Task<string> TokenAsync(string apiKey, object body)
    {
        using var response = await RequestTokenAsync(apiKey, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>POST /graphql with a bearer token (embed or user); status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GraphQLWithTokenAsync(string token, string query, object? variables = null, HttpClient? client = null)
    {
        var own = client is null;
        client ??= Factory.CreateClient();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
            return (response.StatusCode, body);
        }
        finally
        {
            if (own) client.Dispose();
        }
    }

    /// <summary>The current embed signing key (kid, secret) as stored.</summary>
    public async Task<(string Kid, byte[] Secret)> SigningKeyAsync()
    {
        var rows = await RowsAsync("SELECT kid, secret FROM embed_signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
        return ((string)rows[0][0]!, (byte[])rows[0][1]!);
    }

    /// <summary>Signs arbitrary claims as an embed token would be signed (for forged, expired, wrong-audience tokens).</summary>
    public static string Sign(IEnumerable<Claim> claims, string kid, byte[] secret, string issuer = "cxdashboard-embed", string audience = "cxdashboard-embed",
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var key = new SymmetricSecurityKey(secret) { KeyId = kid };
        var now = DateTime.UtcNow;
        var jwt = new JwtSecurityToken(issuer, audience, claims, notBefore ?? now, expires ?? now.AddMinutes(10), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(jwt);
    }

    /// <summary>The claims of a genuine token, to re-sign with changes.</summary>
    public static List<Claim> ClaimsOf(string token) =>
        new JwtSecurityTokenHandler().ReadJwtToken(token).Claims.Where(c => c.Type is not ("exp" or "nbf" or "iat" or "iss" or "aud")).ToList();
}
