using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// Embed tokens are checked by their own JWT bearer scheme: their own issuer and audience, HS256 only, the signing
/// key named by <c>kid</c> (current, or retired within the grace period), a lifetime and a still-usable API key.
/// A policy scheme in front routes each bearer token by its (unverified) issuer: embed tokens here, everything else
/// to the user scheme, so every endpoint that requires a signed-in caller accepts both and the scope gate sees one
/// principal either way.
/// </summary>
public static class EmbedAuthentication
{
    public const string RoutingScheme = "CxBearer";

    public static void AddEmbedScheme(this IServiceCollection services, EmbedOptions options)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = RoutingScheme;
                o.DefaultAuthenticateScheme = RoutingScheme;
                o.DefaultChallengeScheme = RoutingScheme;
            })
            .AddPolicyScheme(RoutingScheme, "Bearer (user or embed)", p => p.ForwardDefaultSelector = ctx =>
                IssuerOf(ctx.Request.Headers.Authorization.ToString()) == options.Issuer ? EmbedClaims.Scheme : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(EmbedClaims.Scheme, jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RoleClaimType = Security.CxClaims.Role,
                    NameClaimType = "name",
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = async ctx =>
                    {
                        var keys = ctx.HttpContext.RequestServices.GetRequiredService<EmbedSigningKeys>();
                        var token = ctx.Token ?? BearerOf(ctx.Request.Headers.Authorization.ToString());
                        await keys.PrepareAsync(KidOf(token), ctx.HttpContext.RequestAborted);
                    },
                    OnTokenValidated = async ctx =>
                    {
                        // A revoked or rotated-out key, or a switched-off host, takes its tokens with it.
                        var keyId = ctx.Principal?.FindFirst(EmbedClaims.ApiKey)?.Value;
                        var status = ctx.HttpContext.RequestServices.GetRequiredService<EmbedKeyStatus>();
                        if (keyId is null || !await status.UsableAsync(keyId, ctx.HttpContext.RequestAborted)) ctx.Fail("The API key this token was issued through no longer works.");
                    },
                };
            });
        services.AddOptions<JwtBearerOptions>(EmbedClaims.Scheme).Configure<EmbedSigningKeys>((jwt, keys) =>
            jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid));
    }

    private static string? BearerOf(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;

    /// <summary>The <c>iss</c> of a bearer JWT, read without checking anything (only to pick the scheme that will).</summary>
    internal static string? IssuerOf(string header) => Part(BearerOf(header), 1, "iss");

    private static string? KidOf(string? token) => Part(token, 0, "kid");

    private static string? Part(string? token, int index, string name)
    {
        var parts = token?.Split('.');
        if (parts is null || parts.Length < 2 || parts[index].Length > 8192) return null;
        try
        {
            var json = Base64UrlEncoder.DecodeBytes(parts[index]);
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
