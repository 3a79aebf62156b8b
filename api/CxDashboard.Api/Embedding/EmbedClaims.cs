using System.Security.Claims;

namespace CxDashboard.Api.Embedding;

/// <summary>Claim types of embed tokens beyond the shared ones (<c>scope_unit</c>, <c>scope_partner</c>, <c>permission</c>, <c>role</c>).</summary>
public static class EmbedClaims
{
    public const string Kind = "token_kind";
    public const string EmbedKind = "embed";
    public const string Role = "embed";
    public const string Host = "host_app";
    public const string ApiKey = "api_key";
    public const string View = "view";
    public const string Locale = "locale";
    public const string Origin = "origin";

    /// <summary>The view's authentication scheme (tokens are routed to it by their issuer).</summary>
    public const string Scheme = "Embed";

    public static bool IsEmbed(ClaimsPrincipal? user) => user?.HasClaim(Kind, EmbedKind) == true;
}
