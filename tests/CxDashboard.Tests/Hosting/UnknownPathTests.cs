using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.Hosting;

/// <summary>A host serving a web build: unknown API paths are 404 problems, only app routes get the app's page.</summary>
public sealed class UnknownPathTests(WebBuildApp app) : IClassFixture<WebBuildApp>
{
    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("GET", "/api")]
    [InlineData("GET", "/graphqlx")]
    [InlineData("GET", "/export/scorecard.xlsx")]
    [InlineData("GET", "/export/anything")]
    [InlineData("POST", "/units/CO")]
    public async Task Unknown_server_paths_are_404_problems_not_the_app_page(string method, string path)
    {
        var response = await app.CreateClient("analyst").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: HTTP {(int)response.StatusCode}: {text}");
        Assert.DoesNotContain(WebBuildApp.Marker, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/import/responses", "POST")]
    [InlineData("DELETE", "/export/monthly-review.xlsx", "GET")]
    [InlineData("PUT", "/api/rollups/rebuild", "POST")]
    public async Task A_known_server_path_with_the_wrong_method_is_a_405_problem_naming_the_allowed_ones(string method, string path, string allow)
    {
        var response = await app.CreateClient("analyst").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: HTTP {(int)response.StatusCode}: {text}");
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/units/DIV-CARE/scorecard")]
    public async Task App_routes_get_the_app_page(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebBuildApp.Marker, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The host with a stand-in web build (an index.html with a marker) as <c>Web:Root</c>.</summary>
public sealed class WebBuildApp : CxApp
{
    public const string Marker = "cx-test-web-build";
    private readonly string root = Directory.CreateTempSubdirectory("cx-web-").FullName;

    protected override void Configure(IWebHostBuilder web)
    {
        File.WriteAllText(Path.Combine(root, "index.html"), $"<!doctype html><title>{Marker}</title>");
        web.UseSetting("Web:Root", root);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}
