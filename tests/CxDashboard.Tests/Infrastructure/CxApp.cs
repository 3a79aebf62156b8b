using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>The host, in process, over its own fresh database (one per test class).</summary>
public class CxApp : CxDatabase
{
    private readonly Dictionary<string, string> tokens = new(StringComparer.OrdinalIgnoreCase);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Cx", ConnectionString);
            web.UseSetting("Database:Migrate", "false");
            // Tests start jobs explicitly; no background scheduler racing the assertions.
            web.UseSetting("Role", "api");
            Configure(web);
        });
    }

    /// <summary>Extra host settings for a derived fixture.</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    public override async Task DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>An HTTP client; with a persona, it carries that persona's demo bearer token.</summary>
    public HttpClient CreateClient(string? persona = null)
    {
        var client = Factory.CreateClient();
        if (persona is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(persona));
        }
        return client;
    }

    public string TokenFor(string persona)
    {
        lock (tokens)
        {
            if (tokens.TryGetValue(persona, out var cached)) return cached;
        }
        using var client = Factory.CreateClient();
        var response = client.PostAsJsonAsync("/auth/token", new { persona }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var body = response.Content.ReadFromJsonAsync<TokenBody>().GetAwaiter().GetResult()!;
        lock (tokens) tokens[persona] = body.AccessToken;
        return body.AccessToken;
    }

    private sealed record TokenBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken);
}
