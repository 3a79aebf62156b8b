using CxDashboard.Core.Embedding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Api.Embedding;

/// <summary><c>POST /embed/token</c>: a host application, authenticated by <c>Authorization: ApiKey &lt;key&gt;</c>, gets an embed token.</summary>
public static class EmbedApi
{
    public const string ApiKeyScheme = "ApiKey";

    public static IEndpointRouteBuilder MapCxEmbedding(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/embed").AllowAnonymous().WithTags("Embedding");
        group.MapPost("/token", IssueAsync);
        group.MapEmbedPages();
        return app;
    }

    private static async Task<Results<Ok<EmbedTokenResponse>, ProblemHttpResult>> IssueAsync(
        HttpContext http, HostRegistry hosts, EmbedTokenIssuer issuer, EmbedRateLimits limits, CancellationToken ct)
    {
        // Tokens must not be kept by any cache (RFC 6749 §5.1 asks the same of access tokens).
        http.Response.Headers.CacheControl = "no-store";
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(ApiKeyScheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(ApiKeyScheme.Length + 1)..].Trim() : null;
        // Limited per key id before the key is checked, so guessing secrets for one key is limited too.
        var partition = ApiKeySecret.TryParse(presented, out var keyId, out _) ? "key:" + keyId : "ip:" + http.Connection.RemoteIpAddress;
        if (limits.TryKey(http, partition) is { } tooMany) return tooMany;

        var auth = await hosts.AuthenticateAsync(presented, ct);
        if (auth is not { } found)
        {
            http.Response.Headers.WWWAuthenticate = ApiKeyScheme;
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: "Send Authorization: ApiKey <key> with a key of a registered host application that is neither revoked nor rotated out.");
        }

        EmbedTokenRequest? body;
        try
        {
            body = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<EmbedTokenRequest>(ct) : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad embed token request",
                detail: $"The body is not valid JSON for a token request: {e.Message}");
        }
        var (token, refusal) = await issuer.IssueAsync(found.Host, found.Key, body, ct);
        return token is not null
            ? TypedResults.Ok(token)
            : TypedResults.Problem(statusCode: refusal!.Status, title: refusal.Title, detail: refusal.Detail);
    }
}
