using System.Text.Json;
using CxDashboard.Core.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxDashboard.Api.Health;

public static class HealthApi
{
    public static IHostApplicationBuilder AddCxHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// <c>GET /healthz</c>: 200 when every component is healthy, 503 otherwise. Anonymous callers (load balancers)
    /// get the status only; with a valid token the body also names each component, its data and its last error.
    /// </summary>
    public static IEndpointRouteBuilder MapCxHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var status = report.Status.ToString().ToLowerInvariant();
        if (context.User.Identity?.IsAuthenticated != true)
        {
            // instance ids, error messages and versions help an attacker more than a load balancer
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status }, JsonSerializerOptions.Web));
        }
        var body = new
        {
            status,
            components = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString().ToLowerInvariant(),
                    description = e.Value.Description,
                    data = e.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

internal sealed class DatabaseHealthCheck(CxDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var pending = (await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database, ct)).Count();
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var data = new Dictionary<string, object> { ["latencyMs"] = Math.Round(ms, 1), ["pendingMigrations"] = pending };
            return pending == 0
                ? HealthCheckResult.Healthy("PostgreSQL reachable, schema up to date", data)
                : HealthCheckResult.Degraded($"{pending} migration(s) not applied", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable: {ex.Message}");
        }
    }
}
