using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Security;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer on every API request: an external issuer (<c>Auth:Authority</c>) in production, else tokens
    /// signed with the host's own key (the demo issuer's, only when <c>Auth:DemoIssuer=true</c>).
    /// </summary>
    public static IHostApplicationBuilder AddCxAuth(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var signingKey = new SigningKey(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddSingleton<DemoTokenIssuer>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ScopeResolver>();
        // The one scope decision per request (or per in-process caller), which every feature's reader takes as input.
        builder.Services.AddScoped<CallerIdentity>();
        builder.Services.AddScoped<ScopeGate>();
        builder.Services.AddSingleton<FloorPatterns>();
        builder.Services.Configure<FloorPatternOptions>(builder.Configuration.GetSection(FloorPatternOptions.Section));
        // Builds patterns after each rollup version, off the request path (api nodes only).
        builder.Services.AddSingleton<FloorPatternRounds>();
        builder.Services.AddSingleton<FloorPatternWarmer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FloorPatternWarmer>());
        builder.Services.Configure<ConfidenceOptions>(builder.Configuration.GetSection(ConfidenceOptions.Section));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = options.Audience,
                    RoleClaimType = CxClaims.Role,
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // Without an external issuer the host validates its own tokens (demo issuer, embed tokens).
                if (string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = signingKey.Key;
                }
                else
                {
                    jwt.Authority = options.Authority;
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CxClaims.AnalystPolicy, p => p.RequireAuthenticatedUser().RequireRole("analyst"))
            .AddPolicy(CxClaims.ExportPolicy, p => p.RequireAuthenticatedUser().RequireClaim(CxClaims.Permission, CxClaims.ExportPermission));
        return builder;
    }
}
