using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Api.Security;

public static class AuthApi
{
    public sealed record TokenRequest(string? Persona);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Persona, string Name, string Role);

    /// <summary><c>POST /auth/token</c>: the demo issuer. Absent (404) when an external issuer is configured.</summary>
    public static IEndpointRouteBuilder MapCxAuth(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<AuthOptions>();
        if (!options.DemoIssuerEnabled) return app;

        var group = app.MapGroup("/auth").AllowAnonymous().WithTags("Auth");
        group.MapPost("/token", IssueToken);
        group.MapGet("/personas", (AuthOptions o) => TypedResults.Ok(
            o.Personas.Select(p => new { persona = p.Key, name = p.Value.Name, role = p.Value.Role })));
        return app;
    }

    private static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(TokenRequest? request, DemoTokenIssuer issuer)
    {
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
