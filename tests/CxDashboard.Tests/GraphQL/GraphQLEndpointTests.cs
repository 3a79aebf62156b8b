using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.GraphQL;

/// <summary>The host's /graphql endpoint over HTTP: authentication, GraphQL-over-HTTP status rules, scope errors.</summary>
public sealed class GraphQLEndpointTests(GraphQLEndpointTests.App app) : IClassFixture<GraphQLEndpointTests.App>
{
    public sealed class App : CxApp;

    [Fact]
    public async Task Graphql_without_a_token_is_refused_with_401()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ metrics { code } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metric_catalogue_over_http_lists_every_metric_row()
    {
        using var client = app.CreateClient("executive");
        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ metrics { code } }" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var codes = body.RootElement.GetProperty("data").GetProperty("metrics").EnumerateArray()
            .Select(m => m.GetProperty("code").GetString()).Order().ToList();
        var expected = (await app.RowsAsync("SELECT code FROM metric ORDER BY code")).Select(r => (string?)r[0]).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, codes);
    }

    [Fact]
    public async Task Mutation_over_get_is_refused_with_405()
    {
        using var client = app.CreateClient("analyst");
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { startRollupRun { enqueued } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Syntax_error_is_a_400_graphql_response_with_line_and_column()
    {
        using var client = app.CreateClient("executive");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ metrics { code }" }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.StartsWith("Syntax Error", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(19, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Unknown_unit_is_a_not_found_field_error()
    {
        using var client = app.CreateClient("executive");
        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ unit(code: \"NO-SUCH-UNIT\") { name } }" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal("unit", error.GetProperty("path")[0].GetString());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
