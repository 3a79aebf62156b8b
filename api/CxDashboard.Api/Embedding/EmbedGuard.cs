using CxDashboard.Api.Security;
using CxDashboard.Core.Embedding;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// What an embed token may reach besides GraphQL reads, decided once per request before authorization: its rate
/// limit, and exports — only the view's review workbook, only with the <c>export</c> permission and within the
/// locked period — each recorded in <c>embed_audit</c> with its outcome. Scope is not decided here: the export reads
/// through the scope gate like every other read.
/// </summary>
public static class EmbedGuard
{
    private const string ReviewPath = "/export/monthly-review.xlsx";

    public static WebApplication UseCxEmbedding(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (!EmbedClaims.IsEmbed(user))
            {
                await next(context);
                return;
            }
            var limits = context.RequestServices.GetRequiredService<EmbedRateLimits>();
            if (limits.TryToken(context, user.FindFirst("jti")?.Value ?? user.FindFirst("sub")?.Value ?? "?") is { } tooMany)
            {
                await tooMany.ExecuteAsync(context);
                return;
            }
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/export", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/api/exports", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var refusal = ExportRefusal(context);
            if (refusal is not null) await refusal.ExecuteAsync(context);
            else await next(context);
            await AuditAsync(context);
        });
        return app;
    }

    private static IResult? ExportRefusal(HttpContext context)
    {
        var user = context.User;
        if (!context.Request.Path.Equals(ReviewPath, StringComparison.OrdinalIgnoreCase))
            return Forbidden("An embed token exports its view's review workbook only (/export/monthly-review.xlsx).");
        if (!user.HasClaim(CxClaims.Permission, EmbedPermissions.Export))
            return Forbidden("This embed token does not carry the export permission.");
        var locks = CallerLocks.From(user);
        if (locks.Period is { } locked && (locked.Grain != "month" || !string.Equals(context.Request.Query["month"], locked.ToString(), StringComparison.Ordinal)))
            return Forbidden($"The period is locked to {locked} for this embed; the workbook's month must be it.");
        return null;
    }

    private static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this embed", detail: detail);

    private static async Task AuditAsync(HttpContext context)
    {
        var user = context.User;
        var scope = string.Join("; ",
            user.FindAll(CxClaims.ScopeUnit).Select(c => "unit " + c.Value)
                .Concat(user.FindAll(CxClaims.ScopePartner).Select(c => "partner " + c.Value))
                .Concat(user.FindAll(c => c.Type is CallerLocks.UnitClaim or CallerLocks.PeriodClaim or CallerLocks.SliceClaim or CallerLocks.DepthClaim)
                    .Select(c => $"{c.Type}={c.Value}")));
        await context.RequestServices.GetRequiredService<EmbedAuditLog>().RecordAsync(new EmbedAudit
        {
            Event = "export",
            HostApplicationId = long.TryParse(user.FindFirst(EmbedClaims.Host)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : null,
            KeyId = user.FindFirst(EmbedClaims.ApiKey)?.Value,
            TokenId = user.FindFirst("jti")?.Value,
            View = user.FindFirst(EmbedClaims.View)?.Value,
            Scope = scope,
            Detail = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} -> {context.Response.StatusCode}",
        }, CancellationToken.None);
    }
}
