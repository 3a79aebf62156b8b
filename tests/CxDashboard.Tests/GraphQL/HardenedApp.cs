using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.GraphQL;

/// <summary>
/// A freshly started host over a small demo data set (seed 7, rollup built) for the hardening tests, with raw
/// access to /graphql: any body bytes, the status code and the parsed answer.
/// </summary>
public class HardenedApp : CxApp
{
    /// <summary>Settings of a derived fixture (GraphQL limits).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [("GraphQL:RawFactWaitSeconds", "0.5")];

    protected override void Configure(IWebHostBuilder web)
    {
        foreach (var (key, value) in Settings) web.UseSetting(key, value);
    }

    /// <summary>Demo survey responses to seed (interactions: 1.25 times as many).</summary>
    protected virtual int Responses => 8_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = Responses, Interactions = Responses * 5 / 4, Seed = 7 });
        await new RollupEngine(DataSource).RebuildAsync();
    }

    private HttpClient? _client;

    /// <summary>POST /graphql with exactly these bytes, as <paramref name="persona"/>; the status and the parsed body.</summary>
    public async Task<(int Status, JsonElement Body)> PostAsync(string persona, byte[] body, string accept = "application/graphql-response+json")
    {
        _client ??= Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(persona));
        request.Headers.Accept.ParseAdd(accept);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement parsed;
        try
        {
            using var doc = JsonDocument.Parse(text);
            parsed = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode} answered with a body that is not JSON: {text[..Math.Min(text.Length, 300)]}", e);
        }
        return ((int)response.StatusCode, parsed);
    }

    /// <summary>POST /graphql with <c>{query, variables}</c> serialized as given.</summary>
    public Task<(int Status, JsonElement Body)> PostAsync(string persona, string query, object? variables = null) =>
        PostAsync(persona, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables }));

    public Task<(int Status, JsonElement Body)> PostTextAsync(string persona, string json) => PostAsync(persona, Encoding.UTF8.GetBytes(json));

    /// <summary>The id of a unit (the ID arguments of scorecard and drivers).</summary>
    public async Task<string> IdAsync(string code) => (await ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", code)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The same host still answers a normal query with the right data. A host with a tiny time budget (0.2 s) may stop
    /// even this query on a loaded machine: a TIMEOUT answer is itself a live host's answer, so it is asked again (at
    /// most 5 times); anything else must be the data.
    /// </summary>
    public async Task AssertAliveAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, body) = await PostAsync("executive", "{ unit(code: \"CO\") { code name } }");
            Assert.Equal(200, status);
            if (attempt < 5 && body.TryGetProperty("errors", out var errors) && errors.EnumerateArray().All(e => e.Code() == "TIMEOUT")) continue;
            Assert.Equal("CO", body.Data().GetProperty("unit").GetProperty("code").GetString());
            return;
        }
    }

    public override async Task DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
    }
}
