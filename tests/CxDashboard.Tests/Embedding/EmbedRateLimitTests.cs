using System.Net;

namespace CxDashboard.Tests.Embedding;

/// <summary>Rate limits per API key and per embed token (issue 17 §5), on a host configured with small limits.</summary>
public sealed class EmbedRateLimitTests(EmbedRateLimitTests.App app) : IClassFixture<EmbedRateLimitTests.App>
{
    public sealed class App : EmbedApp
    {
        protected override int TokenRequestsPerMinute => 3;
        protected override int RequestsPerMinute => 4;
    }

    [Fact]
    public async Task Token_requests_past_the_per_key_limit_get_429_with_retry_after()
    {
        var host = await app.RegisterHostAsync("limited-key", ["DIV-RETAIL"], []);
        var other = await app.RegisterHostAsync("other-key", ["DIV-RETAIL"], []);
        for (var i = 0; i < 3; i++) await app.TokenAsync(host.Key, new { view = "scorecard" });
        using var limited = await app.RequestTokenAsync(host.Key, new { view = "scorecard" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        // another key has its own window
        await app.TokenAsync(other.Key, new { view = "scorecard" });
    }

    [Fact]
    public async Task Requests_past_the_per_token_limit_get_429_with_retry_after()
    {
        var host = await app.RegisterHostAsync("limited-token", ["DIV-RETAIL"], []);
        var token = await app.TokenAsync(host.Key, new { view = "scorecard" });
        var second = await app.TokenAsync(host.Key, new { view = "scorecard" });
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await app.GraphQLWithTokenAsync(token, "{ units { code } }")).Status);
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ units { code } }" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var limited = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        // another token has its own window
        Assert.Equal(HttpStatusCode.OK, (await app.GraphQLWithTokenAsync(second, "{ units { code } }")).Status);
    }
}
