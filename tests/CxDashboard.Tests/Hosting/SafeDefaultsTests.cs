using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.Hosting;

/// <summary>The host as configured in production: no <c>Auth:DemoIssuer</c>, a signing key file, a web build.</summary>
public sealed class ProductionLikeApp : CxApp
{
    public string WebRoot { get; } = Directory.CreateTempSubdirectory("cx-web-").FullName;

    public string KeyFile => Path.Combine(WebRoot, "keys", "signing-key");

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Auth:DemoIssuer", "false");
        web.UseSetting("Auth:SigningKeyFile", KeyFile);
        File.WriteAllText(Path.Combine(WebRoot, "index.html"), "<!doctype html><title>app</title>");
        File.WriteAllText(Path.Combine(WebRoot, "graphiql.html"), "<!doctype html><title>graphiql</title>");
        web.UseSetting("Web:Root", WebRoot);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(WebRoot, recursive: true);
    }
}

public sealed class SafeDefaultsTests(ProductionLikeApp app) : IClassFixture<ProductionLikeApp>
{
    [Fact]
    public async Task The_demo_issuer_is_off_unless_explicitly_enabled()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/auth/token", new { persona = "executive" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/auth/personas")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are POSIX
    public void The_signing_key_file_is_created_readable_by_its_owner_only()
    {
        _ = app.Factory.Services; // the host has started
        Assert.True(File.Exists(app.KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.KeyFile));
        Assert.True(Convert.FromBase64String(File.ReadAllText(app.KeyFile).Trim()).Length >= 32);
    }

    [Fact]
    public async Task Anonymous_healthz_answers_the_status_only()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/graphiql.html")]
    [InlineData("/some/app/route")]
    public async Task Every_html_page_carries_a_csp_that_forbids_framing_and_nosniff(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_graphql_endpoints_own_page_keeps_its_policy_framed_as_the_host_decides()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Single(csp.Split(';'), d => d.Trim().StartsWith("frame-ancestors", StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Api_json_answers_carry_nosniff()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("Content-Security-Policy", response.Headers.Select(h => h.Key));
    }
}

public sealed class DemoIssuerTests(CxApp app) : IClassFixture<CxApp>
{
    [Fact]
    public async Task A_token_response_is_never_cached()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/auth/token", new { persona = "analyst" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
    }

    [Fact]
    public async Task Healthz_with_a_token_names_each_component()
    {
        var client = app.CreateClient("analyst");
        var response = await client.GetAsync("/healthz");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var database = body.RootElement.GetProperty("components").GetProperty("database");
        Assert.Equal("healthy", database.GetProperty("status").GetString());
    }
}
