using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CxDashboard.Tests.Hosting;

/// <summary>The database going away under a running host, and a CLI run without a database.</summary>
public sealed class DatabaseOutageTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private const string Query = """{ unit(code: "CO") { name } }""";

    private async Task<HttpResponseMessage> GraphQLAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.TokenFor("executive"));
        request.Headers.Accept.ParseAdd("application/json");
        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task While_the_database_is_down_graphql_and_rest_answer_503_database_unavailable_then_recover_on_their_own()
    {
        app.TokenFor("executive");
        app.TokenFor("analyst");
        Assert.Equal(HttpStatusCode.OK, (await GraphQLAsync()).StatusCode);

        app.Proxy.Down();
        try
        {
            var down = await GraphQLAsync();
            var text = await down.Content.ReadAsStringAsync();
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"HTTP {(int)down.StatusCode}: {text}");
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), down.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.DoesNotContain("Unexpected error", text);

            var rest = await app.CreateClient("analyst").GetAsync("/api/rollups/runs");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rest.StatusCode);
            Assert.NotNull(rest.Headers.RetryAfter);
            Assert.Equal("Database unavailable", JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        }
        finally
        {
            app.Proxy.Up();
        }

        // Pooled connections died with the outage; the host opens new ones by itself.
        var recovered = false;
        for (var attempt = 0; attempt < 20 && !recovered; attempt++)
        {
            recovered = (await GraphQLAsync()).StatusCode == HttpStatusCode.OK;
            if (!recovered) await Task.Delay(250);
        }
        Assert.True(recovered, "GraphQL did not answer 200 again after the database came back");
    }

    [Fact]
    public async Task Cli_import_without_a_database_prints_one_line_and_exits_3()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cx-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "code,name,kind\nCO,Co,company\n");
        var closed = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Port = app.Proxy.Port, Timeout = 3 };
        app.Proxy.Down();
        try
        {
            var (code, stdout, stderr) = await CliRunner.RunAsync(closed.ConnectionString, "import", "org-units", file);

            Assert.Equal(3, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: the database 127.0.0.1:{app.Proxy.Port}/", line);
            Assert.Contains("is unavailable", line);
            Assert.Contains("nothing was written", line);
            Assert.Equal("", stdout);
        }
        finally
        {
            app.Proxy.Up();
            File.Delete(file);
        }
    }
}

/// <summary>The host reaching its database through a <see cref="TcpProxy"/> the test can take down.</summary>
public sealed class ProxiedApp : CxApp
{
    public TcpProxy Proxy { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        Proxy = new TcpProxy(target.Host!, target.Port);
    }

    protected override void Configure(IWebHostBuilder web)
    {
        var via = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3 };
        web.UseSetting("ConnectionStrings:Cx", via.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null) await Proxy.DisposeAsync();
    }
}
