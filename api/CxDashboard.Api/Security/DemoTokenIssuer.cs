using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Api.Security;

/// <summary>Mints user tokens for the configured demo personas (local runs only).</summary>
public sealed class DemoTokenIssuer(AuthOptions options, SigningKey key, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public IReadOnlyCollection<string> PersonaNames => options.Personas.Keys;

    public (string Token, DateTimeOffset Expires, PersonaOptions Persona)? Issue(string persona)
    {
        if (!options.Personas.TryGetValue(persona, out var p)) return null;

        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, $"demo:{persona.ToLowerInvariant()}"),
            new("name", p.Name),
            new(CxClaims.Persona, persona.ToLowerInvariant()),
            new(CxClaims.Role, p.Role),
        };
        claims.AddRange(p.Units.Select(u => new Claim(CxClaims.ScopeUnit, u)));
        claims.AddRange(p.Partners.Select(x => new Claim(CxClaims.ScopePartner, x)));
        claims.AddRange(p.Permissions.Select(x => new Claim(CxClaims.Permission, x)));

        var now = clock.GetUtcNow();
        var expires = now + options.TokenLifetime;
        var token = new JwtSecurityToken(
            options.Issuer, options.Audience, claims, now.UtcDateTime, expires.UtcDateTime,
            new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256));
        return (new JwtSecurityTokenHandler().WriteToken(token), expires, p);
    }
}
