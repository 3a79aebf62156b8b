using System.Net;
using System.Net.Http.Json;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.GraphQL;

/// <summary>
/// A browser opening /graphql gets the web build's GraphiQL page (web/dist/graphiql.html) without a token,
/// its bundle is served from the same origin, and queries still need the bearer token. The web root here is a
/// stand-in build; tests/e2e runs the real GraphiQL bundle in Chromium.
/// </summary>
public sealed class GraphiQLPageTests(GraphiQLPageTests.App app) : IClassFixture<GraphiQLPageTests.App>
{
    public sealed class App : CxApp
    {
        public string WebRoot { get; } = Directory.CreateTempSubdirectory("cx-web-").FullName;

        protected override void Configure(IWebHostBuilder web)
        {
            File.WriteAllText(Path.Combine(WebRoot, "index.html"), "<!doctype html><div id=\"root\">dashboard</div>");
            File.WriteAllText(Path.Combine(WebRoot, "graphiql.html"),
                "<!doctype html><title>CxDashboard GraphQL</title><script type=\"module\" src=\"/assets/graphiql-T3st.js\"></script><div id=\"graphiql\"></div>");
            Directory.CreateDirectory(Path.Combine(WebRoot, "assets"));
            File.WriteAllText(Path.Combine(WebRoot, "assets", "graphiql-T3st.js"), "export const graphiqlBundle = true;");
            web.UseSetting("Web:Root", WebRoot);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(WebRoot, recursive: true);
        }
    }

    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_get_of_graphql_without_a_token_gets_the_web_builds_graphiql_page()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd(BrowserAccept);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/assets/graphiql-T3st.js\"></script>", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());

        var bundle = await client.GetAsync("/assets/graphiql-T3st.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("export const graphiqlBundle = true;", await bundle.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_is_public_but_queries_still_need_the_bearer_token()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/graphql", new { query = "{ __typename }" })).StatusCode);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        get.Headers.Accept.ParseAdd(BrowserAccept);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(get)).StatusCode);

        using var signedIn = app.CreateClient("executive");
        var response = await signedIn.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }
}
