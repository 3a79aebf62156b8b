namespace CxDashboard.Api.Hosting;

/// <summary>
/// Response headers every answer carries: <c>X-Content-Type-Options: nosniff</c> on all of them, and on HTML (the app,
/// GraphiQL) a Content-Security-Policy whose <c>frame-ancestors</c> comes from <see cref="FrameAncestors"/> — the one
/// place that decides who may embed the pages (nobody by default; embedding will open it per host).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <see cref="HttpContext.Items"/> key under which a page names who may frame it in place of the configured default
    /// (the embed route: the host application's origins).
    /// </summary>
    public const string FrameAncestorsItem = "cx.frame-ancestors";

    /// <summary>Who may frame the HTML pages: <c>Web:FrameAncestors</c>, default <c>'none'</c>.</summary>
    public static string FrameAncestors(IConfiguration configuration) =>
        configuration["Web:FrameAncestors"] is { Length: > 0 } v ? v : "'none'";

    /// <summary>The app's policy: everything from this origin; styles may be inline (the UI sets some), images as data: too.</summary>
    public static string AppPolicy(string frameAncestors) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        $"connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frameAncestors}";

    public static WebApplication UseCxSecurityHeaders(this WebApplication app)
    {
        var frameAncestors = FrameAncestors(app.Configuration);
        var appPolicy = AppPolicy(frameAncestors);
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers.XContentTypeOptions = "nosniff";
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    // A page that brings its own policy (the GraphQL endpoint's GraphiQL) keeps it, framed as decided here;
                    // a page that names its own framers (an embed) is framed by them.
                    var framers = context.Items[FrameAncestorsItem] as string ?? frameAncestors;
                    var own = response.Headers.ContentSecurityPolicy.ToString();
                    response.Headers.ContentSecurityPolicy = own.Length == 0
                        ? framers == frameAncestors ? appPolicy : AppPolicy(framers)
                        : WithFrameAncestors(own, framers);
                    if (framers == "'none'") response.Headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static string WithFrameAncestors(string policy, string frameAncestors)
    {
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(d => !d.StartsWith("frame-ancestors", StringComparison.OrdinalIgnoreCase));
        return string.Join("; ", directives.Append($"frame-ancestors {frameAncestors}"));
    }
}
