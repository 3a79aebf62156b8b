using Microsoft.Extensions.FileProviders;

namespace CxDashboard.Api.Web;

public static class WebApp
{
    /// <summary>
    /// Serves the separately built React app (web/dist) with SPA fallback. The folder comes from
    /// <c>Web:Root</c>; by default the host looks for web/dist above its content root.
    /// </summary>
    public static WebApplication MapCxWeb(this WebApplication app)
    {
        var root = app.Configuration["Web:Root"] ?? FindWebDist(app.Environment.ContentRootPath);
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
