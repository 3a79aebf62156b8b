using System.Text;

namespace CxDashboard.GraphQL.Tests.Http;

public sealed class GraphQLHttpEndpointTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string GraphQLJson = "application/graphql-response+json";

    private HttpTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HttpTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    // ---- media types and Accept negotiation ----

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData(Json, Json)]
    [InlineData(GraphQLJson, GraphQLJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLJson)]
    [InlineData("application/graphql-response+json, */*;q=0.1", GraphQLJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html, application/graphql-response+json;charset=utf-8", GraphQLJson)]
    [InlineData("application/json;q=0, */*", GraphQLJson)]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        var response = await _server.PostJsonAsync(new { query = "{ hello }" }, accept);
        Assert.Equal(200, response.Status);
        Assert.Equal(expected + "; charset=utf-8", response.ContentType);
        Assert.Equal("""{"hello":"Hello, world!"}""", response.Data);
        Assert.False(response.Json.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Nothing_acceptable_is_406_with_an_error_in_json(string accept)
    {
        var response = await _server.PostJsonAsync(new { query = "{ hello }" }, accept);
        Assert.Equal(406, response.Status);
        Assert.StartsWith(Json, response.ContentType);
        Assert.Contains("application/graphql-response+json or application/json", response.FirstMessage);
        Assert.False(response.HasData);
    }

    // ---- POST body ----

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_bodies_other_than_utf8_json_are_415(string contentType)
    {
        var response = await _server.PostAsync("""{"query":"mutation { increment }"}""", contentType);
        Assert.Equal(415, response.Status);
        Assert.Contains("application/json", response.FirstMessage);
        Assert.Equal(0, _server.Counter.Value);
    }

    [Fact]
    public async Task Post_without_content_type_is_415()
    {
        var response = await _server.PostAsync("""{"query":"{ hello }"}""", contentType: null);
        Assert.Equal(415, response.Status);
        Assert.Equal("A POST request must say its Content-Type; send application/json.", response.FirstMessage);
    }

    [Fact]
    public async Task Utf8_charset_and_non_ascii_text_are_accepted()
    {
        var response = await _server.PostAsync("""{"query":"{ hello(name: \"Zoë 🏃\") }"}""", "application/json; charset=utf-8");
        Assert.Equal(200, response.Status);
        Assert.Equal("Hello, Zoë 🏃!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_whether_or_not_they_declare_a_length()
    {
        var padding = new string(' ', HttpTestServer.BodyLimit);
        var declared = await _server.PostAsync("{\"query\":\"{ hello }\"" + padding + "}");
        Assert.Equal(413, declared.Status);
        Assert.Equal($"The request body is larger than the limit of {HttpTestServer.BodyLimit} bytes.", declared.FirstMessage);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes("{\"query\":\"{ hello }\"" + padding + "}")));
        request.Content.Headers.ContentType = new("application/json");
        var chunked = await _server.SendAsync(request);
        Assert.Equal(413, chunked.Status);

        var justUnder = await _server.PostAsync("{\"query\":\"{ hello }\"" + padding[..(HttpTestServer.BodyLimit - 21)] + "}");
        Assert.Equal(200, justUnder.Status);
    }

    [Theory]
    [InlineData("", "The request body is empty; send a JSON object with a \"query\" string.")]
    [InlineData("{ \"not a JSON", "The request body is not valid JSON:")]
    [InlineData("[{\"query\":\"{ hello }\"}]", "The request body must be a JSON object with a \"query\" string.")]
    [InlineData("\"{ hello }\"", "The request body must be a JSON object with a \"query\" string.")]
    [InlineData("{}", "Must provide query string.")]
    [InlineData("{\"qeury\":\"{ hello }\"}", "Must provide query string.")]
    [InlineData("{\"query\":null}", "Must provide query string.")]
    [InlineData("{\"query\":{\"obj\":\"ect\"}}", "The \"query\" parameter must be a string.")]
    [InlineData("{\"query\":0}", "The \"query\" parameter must be a string.")]
    [InlineData("{\"query\":false}", "The \"query\" parameter must be a string.")]
    [InlineData("{\"query\":[\"array\"]}", "The \"query\" parameter must be a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":{}}", "The \"operationName\" parameter must be a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":0}", "The \"operationName\" parameter must be a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":\"string\"}", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":0}", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":false}", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":[\"array\"]}", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":\"string\"}", "The \"extensions\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":[1]}", "The \"extensions\" parameter must be a JSON object.")]
    public async Task Malformed_requests_are_400_for_both_media_types(string body, string message)
    {
        foreach (var accept in new[] { Json, GraphQLJson })
        {
            var response = await _server.PostAsync(body, accept: accept);
            Assert.Equal(400, response.Status);
            Assert.Equal(accept + "; charset=utf-8", response.ContentType);
            Assert.StartsWith(message, response.FirstMessage);
            Assert.False(response.HasData);
        }
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("operationName")]
    [InlineData("extensions")]
    public async Task Null_optional_parameters_are_allowed(string parameter)
    {
        foreach (var accept in new[] { Json, GraphQLJson })
        {
            var response = await _server.PostAsync($$"""{"query":"{ hello }","{{parameter}}":null}""", accept: accept);
            Assert.Equal(200, response.Status);
            Assert.Equal("""{"hello":"Hello, world!"}""", response.Data);
        }
    }

    [Fact]
    public async Task Extensions_maps_are_accepted()
    {
        var response = await _server.PostJsonAsync(new { query = "{ hello }", extensions = new { some = "value", nested = new { a = 1 } } });
        Assert.Equal(200, response.Status);
        Assert.False(response.Json.TryGetProperty("errors", out _));
    }

    // ---- GraphQL errors: status depends on the media type ----

    [Fact]
    public async Task Syntax_errors_are_200_with_application_json_and_400_with_graphql_response_json_never_with_data()
    {
        var json = await _server.PostJsonAsync(new { query = "{" }, Json);
        Assert.Equal(200, json.Status);
        Assert.False(json.HasData);
        Assert.Equal("""{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":2}]}]}""", json.Body);

        var graphql = await _server.PostJsonAsync(new { query = "{" }, GraphQLJson);
        Assert.Equal(400, graphql.Status);
        Assert.Equal(json.Body, graphql.Body);
    }

    [Fact]
    public async Task Validation_errors_are_200_with_application_json_and_400_with_graphql_response_json()
    {
        var json = await _server.PostJsonAsync(new { query = "{ doesNotExist }" }, Json);
        Assert.Equal(200, json.Status);
        Assert.False(json.HasData);
        Assert.Equal("Cannot query field \"doesNotExist\" on type \"Query\".", json.FirstMessage);

        var graphql = await _server.PostJsonAsync(new { query = "{ doesNotExist }" }, GraphQLJson);
        Assert.Equal(400, graphql.Status);
        Assert.False(graphql.HasData);
    }

    [Fact]
    public async Task Variable_coercion_errors_are_request_errors()
    {
        var body = new { query = "query Q($n: Int!) { add(a: $n, b: 1) }", variables = new Dictionary<string, object?> { ["n"] = null } };
        var json = await _server.PostJsonAsync(body, Json);
        Assert.Equal(200, json.Status);
        Assert.False(json.HasData);
        Assert.Equal("Variable \"$n\" of non-null type \"Int!\" must not be null.", json.FirstMessage);
        Assert.Equal(400, (await _server.PostJsonAsync(body, GraphQLJson)).Status);
    }

    [Fact]
    public async Task Field_errors_keep_200_and_data_with_path_and_locations()
    {
        foreach (var accept in new[] { Json, GraphQLJson })
        {
            var response = await _server.PostJsonAsync(new { query = "{\n  hello\n  fail\n}" }, accept);
            Assert.Equal(200, response.Status);
            Assert.Equal("""{"hello":"Hello, world!","fail":null}""", response.Data);
            Assert.Equal("""[{"message":"Unexpected error.","locations":[{"line":3,"column":3}],"path":["fail"]}]""",
                response.Json.GetProperty("errors").GetRawText());
        }
    }

    [Fact]
    public async Task Null_propagating_to_the_root_is_still_200_with_data_null()
    {
        var response = await _server.PostJsonAsync(new { query = "{ hello mustHave }" }, GraphQLJson);
        Assert.Equal(200, response.Status);
        Assert.Equal("null", response.Data);
        Assert.Equal("Cannot return null for non-nullable field Query.mustHave.", response.FirstMessage);
    }

    [Fact]
    public async Task Variables_arrive_as_json_values_and_operation_name_picks_the_operation()
    {
        var response = await _server.PostJsonAsync(new
        {
            query = "query A($a: Int!, $b: Float!) { add(a: $a, b: $b) } query B($items: [String!]!) { count(items: $items) } query C { hello }",
            operationName = "A",
            variables = new { a = 2, b = 0.5, items = new[] { "x", "y", "z" } },
        });
        Assert.Equal("""{"add":2.5}""", response.Data);

        var b = await _server.PostJsonAsync(new { query = "query A { hello } query B($items: [String!]!) { count(items: $items) }", operationName = "B", variables = new { items = new[] { "x", "y", "z" } } });
        Assert.Equal("""{"count":["3"]}""", b.Data);

        var missing = await _server.PostJsonAsync(new { query = "query A { hello } query B { hello }" }, GraphQLJson);
        Assert.Equal(400, missing.Status);
        Assert.Equal("Must provide operation name if query contains multiple operations.", missing.FirstMessage);

        var unknown = await _server.PostJsonAsync(new { query = "query A { hello }", operationName = "Z" }, Json);
        Assert.Equal((200, "Unknown operation named \"Z\"."), (unknown.Status, unknown.FirstMessage));
    }

    [Fact]
    public async Task Mutations_run_on_post()
    {
        var response = await _server.PostJsonAsync(new { query = "mutation { a: increment b: increment(by: 10) }" }, GraphQLJson);
        Assert.Equal(200, response.Status);
        Assert.Equal("""{"a":1,"b":11}""", response.Data);
        Assert.Equal(11, _server.Counter.Value);
    }

    [Fact]
    public async Task Resolvers_see_the_http_context()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ userAgent }"}""", Encoding.UTF8, "application/json") };
        request.Headers.UserAgent.ParseAdd("probe/1.0");
        var response = await _server.SendAsync(request);
        Assert.Equal("""{"userAgent":"probe/1.0"}""", response.Data);
    }

    // ---- GET ----

    [Fact]
    public async Task Get_runs_queries_from_the_query_string_with_json_variables()
    {
        var query = Uri.EscapeDataString("query Q($name: String) { hello(name: $name) }");
        var variables = Uri.EscapeDataString("""{"name":"get"}""");
        foreach (var accept in new[] { Json, GraphQLJson })
        {
            var response = await _server.GetAsync($"?query={query}&variables={variables}&operationName=Q", accept);
            Assert.Equal(200, response.Status);
            Assert.Equal(accept + "; charset=utf-8", response.ContentType);
            Assert.Equal("""{"hello":"Hello, get!"}""", response.Data);
        }
        Assert.Equal(200, (await _server.GetAsync("?query=%7B%20hello%20%7D")).Status);
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLJson)]
    public async Task Mutations_over_get_are_405_with_allow_post_and_do_not_run(string accept)
    {
        var response = await _server.GetAsync("?query=" + Uri.EscapeDataString("mutation { increment }"), accept);
        Assert.Equal(405, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.StartsWith("Only queries can be sent with GET; send mutations with POST.", response.FirstMessage);
        Assert.False(response.HasData);
        Assert.Equal(0, _server.Counter.Value);

        var named = await _server.GetAsync("?query=" + Uri.EscapeDataString("query Q { hello } mutation M { increment }") + "&operationName=M", accept);
        Assert.Equal(405, named.Status);
        var query = await _server.GetAsync("?query=" + Uri.EscapeDataString("query Q { hello } mutation M { increment }") + "&operationName=Q", accept);
        Assert.Equal(200, query.Status);
        Assert.Equal(0, _server.Counter.Value);
    }

    [Theory]
    [InlineData("", "Must provide query string.")]
    [InlineData("?query=", "Must provide query string.")]
    [InlineData("?query=%7Bhello%7D&query=%7Bhello%7D", "The \"query\" parameter must be given once.")]
    [InlineData("?query=%7Bhello%7D&variables=%7Bnot", "The \"variables\" parameter is not valid JSON:")]
    [InlineData("?query=%7Bhello%7D&variables=%5B1%5D", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("?query=%7Bhello%7D&extensions=%22s%22", "The \"extensions\" parameter must be a JSON object.")]
    public async Task Malformed_get_requests_are_400(string queryString, string message)
    {
        var response = await _server.GetAsync(queryString, Json);
        Assert.Equal(400, response.Status);
        Assert.StartsWith(message, response.FirstMessage);
    }

    [Fact]
    public async Task A_browser_get_without_query_gets_a_self_contained_query_page()
    {
        var response = await _server.GetAsync("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains("<textarea id=\"query\"", response.Body);
        Assert.DoesNotContain("src=\"http", response.Body);
        Assert.DoesNotContain("href=\"http", response.Body);

        // The same browser asking with a query gets JSON.
        var query = await _server.GetAsync("?query=%7Bhello%7D", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        Assert.Equal((200, "application/json; charset=utf-8"), (query.Status, query.ContentType));
    }

    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_configured_page_file_replaces_the_built_in_page_for_browsers_only()
    {
        var file = Path.Combine(Path.GetTempPath(), $"graphiql-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, """<!doctype html><script type="module" src="/assets/graphiql-abc.js"></script><div id="graphiql"></div>""");
        try
        {
            await using var server = await HttpTestServer.StartAsync(o => o.GraphiQLPageFile = file);
            var page = await server.GetAsync("", BrowserAccept);
            Assert.Equal((200, "text/html; charset=utf-8"), (page.Status, page.ContentType));
            Assert.Contains("/assets/graphiql-abc.js", page.Body);
            Assert.DoesNotContain("<textarea id=\"query\"", page.Body);

            // API clients on the same URL still get GraphQL
            Assert.Equal("""{"hello":"Hello, world!"}""", (await server.GetAsync("?query=%7Bhello%7D", BrowserAccept)).Data);
            Assert.Equal("""{"hello":"Hello, world!"}""", (await server.PostJsonAsync(new { query = "{ hello }" }, Json)).Data);
            Assert.Equal(400, (await server.GetAsync("", Json)).Status); // no query: a GraphQL request error, not the page
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_configured_page_file_that_is_missing_falls_back_to_the_built_in_page()
    {
        await using var server = await HttpTestServer.StartAsync(o => o.GraphiQLPageFile = "/nonexistent/graphiql.html");
        var page = await server.GetAsync("", BrowserAccept);
        Assert.Equal(200, page.Status);
        Assert.Contains("<textarea id=\"query\"", page.Body);
    }

    [Fact]
    public async Task With_GraphiQL_disabled_a_browser_get_is_not_served_a_page()
    {
        await using var server = await HttpTestServer.StartAsync(o => o.EnableGraphiQL = false);
        var response = await server.GetAsync("", "text/html");
        // Without the page, a browser's GET is a GraphQL request whose Accept names no GraphQL media type:
        // 406 with a JSON error (not a page, and not a 500 or an empty 404).
        Assert.Equal((406, "application/json; charset=utf-8"), (response.Status, response.ContentType));
        Assert.Contains("application/graphql-response+json or application/json", response.FirstMessage);
        Assert.DoesNotContain("<html", response.Body);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json") };
        var response = await _server.SendAsync(request);
        // RFC 9110 §15.5.6: a 405 MUST carry Allow with the methods the resource supports.
        Assert.Equal((405, "GET, POST"), (response.Status, response.Allow));
    }

    [Fact]
    public async Task Get_can_be_switched_off()
    {
        await using var server = await HttpTestServer.StartAsync(o => o.EnableGet = false);
        var response = await server.GetAsync("?query=%7Bhello%7D", Json);
        Assert.Equal((405, "POST"), (response.Status, response.Allow));
        Assert.Equal(200, (await server.PostJsonAsync(new { query = "{ hello }" })).Status);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
