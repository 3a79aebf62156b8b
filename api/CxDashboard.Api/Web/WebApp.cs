using CxDashboard.GraphQL.Http;
using Microsoft.AspNetCore.Routing.Template;
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

    /// <summary>First path segments that belong to the server, never to the app: unknown paths under them are 404 problems.</summary>
    private static readonly string[] ServerPrefixes = ["api", "export", "auth", "healthz", "graphql", "embed"];

    /// <summary>
    /// Serves the separately built React app (web/dist) with a fallback to its index.html for app routes only:
    /// GET or HEAD of a path outside the server's prefixes (<c>/api</c>, <c>/export</c>, <c>/auth</c>,
    /// <c>/healthz</c>, <c>/graphql…</c>). Anything else that matches no endpoint is a 404 problem, also
    /// without a web build. The folder comes from <c>Web:Root</c>; by default the host looks for web/dist
    /// above its content root.
    /// </summary>
    public static WebApplication MapCxWeb(this WebApplication app)
    {
        foreach (var prefix in ServerPrefixes) app.MapFallback($"/{prefix}/{{**rest}}", NotFound);
        var root = WebRoot(app.Configuration, app.Environment);
        if (root is null || !Directory.Exists(root))
        {
            app.Logger.LogWarning("Web app not found (build it with `npm run build` in web/, or set Web:Root); serving the API only.");
            app.MapFallback(NotFound);
            return app;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        var index = Path.Combine(Path.GetFullPath(root), "index.html");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // "nonfile": paths with a file extension are left to the static files (and are 404 when missing).
        app.MapFallback("{*path:nonfile}", (HttpContext context) => IsAppRoute(context.Request)
            ? Results.File(index, "text/html; charset=utf-8")
            : NotFound(context));
        return app;
    }

    private static bool IsAppRoute(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        var path = request.Path.Value ?? "/";
        var first = path.TrimStart('/').Split('/', 2)[0];
        // "graphql" as a prefix too: /graphqlx is a mistyped endpoint, not a page of the app.
        return !ServerPrefixes.Contains(first, StringComparer.OrdinalIgnoreCase) && !first.StartsWith("graphql", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// 404, or 405 with <c>Allow</c> when an endpoint answers the path with other methods: the catch-all fallbacks
    /// above match every method, so routing's own 405 never happens under the server's prefixes.
    /// </summary>
    private static IResult NotFound(HttpContext context)
    {
        var allowed = AllowedMethods(context);
        if (allowed.Count == 0)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"Nothing answers {context.Request.Method} {context.Request.Path}.");
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "Method not allowed",
            detail: $"{context.Request.Path} answers {string.Join(", ", allowed)}, not {context.Request.Method}.");
    }

    private static SortedSet<string> AllowedMethods(HttpContext context)
    {
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var endpoints = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints;
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not { Count: > 0 } || endpoint.RoutePattern.RawText is not { } pattern || pattern.Contains("**", StringComparison.Ordinal)) continue;
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern), []);
            if (matcher.TryMatch(context.Request.Path, [])) allowed.UnionWith(methods);
        }
        return allowed;
    }

    /// <summary>The built web app's folder (<c>Web:Root</c>, else web/dist above the content root); null without a build.</summary>
    public static string? WebRoot(IConfiguration configuration, IHostEnvironment environment) =>
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
