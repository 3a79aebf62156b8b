using CxDashboard.Api.Embedding;
using CxDashboard.Api.Export;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Health;
using CxDashboard.Api.Ingestion;
using CxDashboard.Api.Rollups;
using CxDashboard.Api.Security;
using CxDashboard.Api.Web;

namespace CxDashboard.Api.Hosting;

/// <summary>The request pipeline and the endpoint map, in the order they must run.</summary>
public static class PipelineExtensions
{
    /// <summary>
    /// Headers and problem details first (they wrap every answer), then who the caller is (a user token, or an embed
    /// token that must be checked against its host before authorization), then what they may do and how often.
    /// </summary>
    public static WebApplication UseCxPipeline(this WebApplication app)
    {
        app.UseCxSecurityHeaders();
        app.UseCxProblemDetails();
        app.UseAuthentication();
        app.UseCxEmbedding();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Every node answers <c>/healthz</c>; a worker node (<c>Role=worker</c>) runs the jobs and nothing else, only api
    /// nodes serve the API and the web app.
    /// </summary>
    public static WebApplication MapCxEndpoints(this WebApplication app)
    {
        app.MapCxHealth();
        if (!app.Services.GetRequiredService<NodeRole>().ServesApi) return app;
        app.MapCxAuth();
        app.MapCxIngestion();
        app.MapCxRollups();
        app.MapCxGraphQL();
        app.MapCxExport();
        app.MapCxEmbedding();
        app.MapCxWeb();
        return app;
    }
}
