using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            // Nor privacy patterns built in the background after each rollup version (tests that want them call
            // FloorPatternWarmer.WarmAsync): its reads of rollup_cell would race tests that hold locks on it.
            web.UseSetting("FloorPatterns:Poll", "00:00:00");
            web.UseSetting("Auth:DemoIssuer", "true");
            // Test databases hold many small organisations side by side (each test its own codes), which the analyst
            // imports: here it is org-wide ("*"), not just the demo company (imports are limited to the caller's scope).
            web.UseSetting("Auth:Personas:analyst:Units:1", "*");
            Configure(web);
        });
    }

    /// <summary>Extra host settings for a derived fixture.</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    public override async Task DisposeAsync()
    {
        graphqlClient?.Dispose();
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

    // Variables go out as written (no camel-casing of their names); an absent "variables" is left out.
    private static readonly JsonSerializerOptions RequestJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private HttpClient? graphqlClient;

    /// <summary>
    /// POST /graphql as <paramref name="persona"/> (its demo bearer token), JSON body <c>{query, variables}</c>,
    /// through the whole host pipeline (authentication, authorization, the GraphQL-over-HTTP handler). Returns
    /// the response body; with <c>application/json</c> every well-formed request is a 200, errors or not.
    /// </summary>
    public async Task<JsonElement> GraphQLAsync(string persona, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new GraphQLBody(query, variables), options: RequestJson),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(persona));
        request.Headers.Accept.ParseAdd("application/json");
        graphqlClient ??= Factory.CreateClient();
        using var response = await graphqlClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        return body.RootElement.Clone();
    }

    private sealed record GraphQLBody(
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("variables")] object? Variables);

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
