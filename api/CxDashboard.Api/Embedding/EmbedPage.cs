using System.Reflection;
using CxDashboard.Api.Hosting;
using CxDashboard.Api.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// <c>GET /embed/{view}?token=…</c> (or <c>?host=&lt;id&gt;</c> when the token comes by postMessage; the frame's own
/// pages under <c>/embed/units/…</c> and <c>/embed/partners/…</c> alike): the web app in embed mode, framed only by the
/// host's origins (<c>Content-Security-Policy: frame-ancestors</c>), and <c>GET /embed/sdk.js</c>, the host SDK. The
/// page holds no data: every figure it shows is read with the token, through the scope gate. An expired token still
/// names its host (its signature is checked, its lifetime not), so the frame can say the view expired instead of being
/// refused by the browser.
/// </summary>
public static class EmbedPage
{
    private static readonly Lazy<byte[]> Sdk = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CxDashboard.Api.Embedding.sdk.js")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapEmbedPages(this RouteGroupBuilder group)
    {
        group.MapGet("/sdk.js", (HttpContext http) =>
        {
            // Loaded by the host's page from another origin: a module script needs CORS.
            http.Response.Headers.AccessControlAllowOrigin = "*";
            http.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Bytes(Sdk.Value, "text/javascript; charset=utf-8");
        });
        group.MapGet("/{view:regex(^(scorecard|cascade|process|partner)$)}", PageAsync);
        group.MapGet("/units/{unit}/{view:regex(^(scorecard|cascade|process)$)}", PageAsync);
        // the partner view's page (a reload inside the frame); which partner it may show is the token's scope
        group.MapGet("/partners/{code}", PageAsync);
    }

    private static async Task<IResult> PageAsync(HttpContext http, string? token, string? host, CancellationToken ct)
    {
        var services = http.RequestServices;
        var hostId = await HostOfAsync(services, token, ct) ?? (long.TryParse(host, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : null);
        var origins = hostId is { } id ? await OriginsAsync(services.GetRequiredService<NpgsqlDataSource>(), id, ct) : [];
        http.Items[SecurityHeaders.FrameAncestorsItem] = origins.Length == 0 ? "'none'" : string.Join(' ', origins);
        // The token may sit in this URL: no referrer leaves the page, and nothing keeps the answer.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        var root = WebApp.WebRoot(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        var index = root is null ? null : Path.Combine(Path.GetFullPath(root), "index.html");
        return index is not null && File.Exists(index)
            ? Results.File(index, "text/html; charset=utf-8")
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No web app", detail: "The web app is not built on this node (npm run build in web/).");
    }

    /// <summary>The host a genuine embed token names, expired or not; null for anything else.</summary>
    private static async Task<long?> HostOfAsync(IServiceProvider services, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192) return null;
        var keys = services.GetRequiredService<EmbedSigningKeys>();
        var handler = new JsonWebTokenHandler();
        string? kid;
        try
        {
            kid = handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return null;
        }
        await keys.PrepareAsync(kid, ct);
        var parameters = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(EmbedClaims.Scheme).TokenValidationParameters.Clone();
        parameters.ValidateLifetime = false;
        var result = await handler.ValidateTokenAsync(token, parameters);
        return result.IsValid && result.Claims.TryGetValue(EmbedClaims.Host, out var v)
            && long.TryParse(v?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static async Task<string[]> OriginsAsync(NpgsqlDataSource db, long hostId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT origins FROM host_application WHERE id = $1 AND disabled_at IS NULL");
        cmd.Parameters.Add(new NpgsqlParameter { Value = hostId });
        return await cmd.ExecuteScalarAsync(ct) as string[] ?? [];
    }
}
