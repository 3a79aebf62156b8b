using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Api.Security;

public static class AuthApi
{
    public sealed record TokenRequest(string? Persona);

    /// <summary>OAuth 2.0 token response field names (RFC 6749 §5.1), plus who the persona is.</summary>
    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        string Persona,
        string Name,
        string Role);

    /// <summary>
    /// <c>POST /auth/token</c>: the demo issuer — a token for any persona, no password. Absent (404) unless
    /// <c>Auth:DemoIssuer=true</c> (local runs) and no external issuer is configured.
    /// </summary>
    public static IEndpointRouteBuilder MapCxAuth(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<AuthOptions>();
        if (!options.DemoIssuerEnabled)
        {
            // Off: a clear 404 problem for any method, rather than the web app's index page (GET) or a 405.
            app.Map("/auth/{**rest}", () => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "No demo issuer",
                detail: "The demo issuer is off (it runs only with Auth:DemoIssuer=true and no Auth:Authority); sign in with the company's identity provider."))
                .AllowAnonymous().ExcludeFromDescription();
            return app;
        }

        var group = app.MapGroup("/auth").AllowAnonymous().WithTags("Auth");
        group.MapPost("/token", IssueToken);
        group.MapGet("/personas", (AuthOptions o) => TypedResults.Ok(
            o.Personas.Select(p => new { persona = p.Key, name = p.Value.Name, role = p.Value.Role })));
        return app;
    }

    private static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(TokenRequest? request, DemoTokenIssuer issuer, HttpContext http)
    {
        // A bearer token must not be kept by any cache (RFC 6749 §5.1).
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        var persona = request?.Persona?.Trim();
        var issued = string.IsNullOrEmpty(persona) ? null : issuer.Issue(persona);
        if (issued is not { } t)
        {
            return TypedResults.Problem(
                title: "Unknown persona",
                detail: $"Choose one of: {string.Join(", ", issuer.PersonaNames)}.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["personas"] = issuer.PersonaNames });
        }

        var expiresIn = (int)Math.Max(0, (t.Expires - DateTimeOffset.UtcNow).TotalSeconds);
        return TypedResults.Ok(new TokenResponse(t.Token, "Bearer", expiresIn, persona!.ToLowerInvariant(), t.Persona.Name, t.Persona.Role));
    }
}
