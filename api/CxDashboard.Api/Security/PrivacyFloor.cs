using System.Security.Claims;

namespace CxDashboard.Api.Security;

/// <summary>
/// Who the privacy floor applies to (DESIGN §9): every caller, fail closed, unless its token carries a role the
/// configuration grants small counts (<c>Auth:SmallCountRoles</c>, compared case-insensitively). A token scoped to a
/// partner, an embed token and an anonymous caller always get the floor, whatever role they claim.
/// </summary>
public static class PrivacyFloor
{
    /// <summary>Embed tokens carry <c>token_kind = embed</c>.</summary>
    public const string TokenKindClaim = "token_kind";

    /// <summary>
    /// The authentication type of identities made inside the process (the scheduler, the CLI's operator; see
    /// ExportCaller). No bearer token can carry it (JwtBearer sets its own), so it is a grant only code can give:
    /// what such an identity produces is stored as made without the floor and shown only to callers without it.
    /// </summary>
    public const string InProcessAuthentication = "in-process";

    public static bool AppliesTo(ClaimsPrincipal? user, AuthOptions options)
    {
        if (user?.Identity?.IsAuthenticated != true) return true;
        if (user.FindAll(TokenKindClaim).Any(c => string.Equals(c.Value, "embed", StringComparison.OrdinalIgnoreCase))) return true;
        if (user.HasClaim(c => c.Type == CxClaims.ScopePartner)) return true;
        if (user.Identity.AuthenticationType == InProcessAuthentication) return false;
        var granted = options.EffectiveSmallCountRoles;
        return !user.FindAll(CxClaims.Role).Any(c => granted.Contains(c.Value.Trim(), StringComparer.OrdinalIgnoreCase));
    }
}
