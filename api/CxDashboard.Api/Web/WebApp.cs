using CxDashboard.GraphQL.Http;
using Microsoft.Extensions.FileProviders;

namespace CxDashboard.Api.Web;

public static class WebApp
{
    /// <summary>The GraphiQL page of the web build, served by /graphql to browsers (see GraphQLHttpOptions).</summary>
    public const string GraphiQLPage = "graphiql.html";

    /// <summary>
    /// Points the GraphQL endpoint's browser page at the web build's GraphiQL (web/dist/graphiql.html, its
    /// assets served by <see cref="MapCxWeb"/>). Without a web build the engine's built-in page stays.
    /// </summary>
    public static IHostApplicationBuilder AddCxWeb(this IHostApplicationBuilder builder)
    {
        var root = WebRoot(builder.Configuration, builder.Environment);
        if (root is not null && File.Exists(Path.Combine(root, GraphiQLPage)))
            builder.Services.PostConfigure<GraphQLHttpOptions>(o => o.GraphiQLPageFile ??= Path.GetFullPath(Path.Combine(root, GraphiQLPage)));
        return builder;
    }

    /// <summary>
    /// Serves the separately built React app (web/dist) with SPA fallback. The folder comes from
    /// <c>Web:Root</c>; by default the host looks for web/dist above its content root.
    /// </summary>
    public static WebApplication MapCxWeb(this WebApplication app)
    {
        var root = WebRoot(app.Configuration, app.Environment);
        if (root is null || !Directory.Exists(root))
        {
            app.Logger.LogWarning("Web app not found (build it with `npm run build` in web/, or set Web:Root); serving the API only.");
            return app;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        return app;
    }

    private static string? WebRoot(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Web:Root"] ?? FindWebDist(environment.ContentRootPath);

    private static string? FindWebDist(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "web", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
        }
        return null;
    }
}
