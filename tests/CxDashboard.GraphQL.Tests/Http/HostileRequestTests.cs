using System.Net.Http.Headers;
using System.Text;

namespace CxDashboard.GraphQL.Tests.Http;

/// <summary>
/// Bodies a client could send by mistake or on purpose: nested past the JSON depth limit, not UTF-8, lone surrogate
/// escapes. Each is a 400 with a spec-shaped error (an errors array of messages), and the same host answers next.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private HttpTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HttpTestServer.StartAsync(o => o.MaxRequestBodyBytes = 1024 * 1024);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task AssertAlive()
    {
        var ok = await _server.PostJsonAsync(new { query = "{ hello }" });
        Assert.Equal(200, ok.Status);
        Assert.Equal("""{"hello":"Hello, world!"}""", ok.Data);
    }

    private static void AssertRefused(HttpTestServer.Response response, string messageStart)
    {
        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.StartsWith(messageStart, response.FirstMessage);
    }

    [Fact]
    public async Task Variables_nested_100000_deep_are_400_before_they_are_decoded()
    {
        const int deep = 100_000;
        var body = "{\"query\":\"query($n: [String!]!) { count(items: $n) }\",\"variables\":{\"n\":"
            + new string('[', deep) + "\"x\"" + new string(']', deep) + "}}";
        AssertRefused(await _server.PostAsync(body, accept: "application/graphql-response+json"), "The request body is not valid JSON: The maximum configured depth of 64 has been exceeded.");
        await AssertAlive();
    }

    [Fact]
    public async Task Variables_as_a_get_parameter_nested_too_deep_are_400()
    {
        var variables = Uri.EscapeDataString("{\"n\":" + new string('[', 1_000) + new string(']', 1_000) + "}");
        AssertRefused(await _server.GetAsync("?query=%7Bhello%7D&variables=" + variables), "The \"variables\" parameter is not valid JSON: The maximum configured depth of 64 has been exceeded.");
        await AssertAlive();
    }

    [Theory]
    [InlineData("query")]
    [InlineData("variable")]
    [InlineData("variable name")]
    public async Task A_lone_surrogate_escape_is_400_not_500(string where)
    {
        var body = where switch
        {
            "query" => """{"query":"{ hello(name: \"a\ud800b\") }"}""",
            "variable" => """{"query":"query($n: String) { hello(name: $n) }","variables":{"n":"a\udc00"}}""",
            _ => """{"query":"{ hello }","variables":{"\ud800":1}}""",
        };
        AssertRefused(await _server.PostAsync(body), "The request holds text that is not valid Unicode");
        await AssertAlive();
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_400_not_500()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"query":"{ hello(name: \"ab\") }"}""").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'b'), [0xC3, 0x28, 0xFF]); // a broken two-byte sequence and a byte UTF-8 never uses
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent([.. bytes]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        var response = await _server.SendAsync(request);
        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Contains("not valid", response.FirstMessage);
        await AssertAlive();
    }

    [Fact]
    public async Task A_nul_character_in_a_string_argument_reaches_the_resolver_as_data()
    {
        // U+0000 is a valid GraphQL string character; refusing it is the host's business (the CX API does)
        var response = await _server.PostAsync("""{"query":"{ hello(name: \"a\\u0000b\") }"}""");
        Assert.Equal(200, response.Status);
        Assert.Equal("Hello, a\0b!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }
}
