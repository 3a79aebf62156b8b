using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CxDashboard.Api.Security;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Hosting;

/// <summary>A worker node (<c>Role=worker</c>) runs the jobs and answers health checks, and serves nothing else.</summary>
public sealed class WorkerRoleTests(WorkerRoleTests.WorkerApp app) : IClassFixture<WorkerRoleTests.WorkerApp>
{
    public sealed class WorkerApp : CxApp
    {
        protected override void Configure(IWebHostBuilder web) => web.UseSetting("Role", "worker");
    }

    [Fact]
    public async Task A_worker_answers_healthz_but_serves_no_api_and_no_web_app()
    {
        using var client = app.CreateClient();

        var health = await client.GetAsync("/healthz");
        Assert.NotEqual(HttpStatusCode.NotFound, health.StatusCode);
        // The components (the node's role among them) are for a caller with a token; anonymous callers get the status only.
        Assert.DoesNotContain("\"role\"", await health.Content.ReadAsStringAsync());
        var token = app.Factory.Services.GetRequiredService<DemoTokenIssuer>().Issue("analyst")!.Value.Token;
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Contains("\"role\":\"worker\"", await (await client.SendAsync(withToken)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/auth/token", new { persona = "analyst" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/graphql", new { query = "{ metrics { code } }" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/rollups/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
    }
}
