using CxDashboard.GraphQL.Http;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.Api.Embedding;

public static class EmbedExtensions
{
    private static readonly IReadOnlySet<OperationType> QueriesOnly = new HashSet<OperationType> { OperationType.Query };

    /// <summary>
    /// Embed tokens (their JWT scheme, signing keys, key status, rate limits) and the token endpoint's services.
    /// Call after <c>AddCxAuth</c>: the embed scheme joins the user scheme behind one routing scheme.
    /// </summary>
    public static IHostApplicationBuilder AddCxEmbedding(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EmbedOptions.Section).Get<EmbedOptions>() ?? new EmbedOptions();
        if (options.MaxLifetime > TimeSpan.FromHours(1) || options.DefaultLifetime > options.MaxLifetime)
            throw new InvalidOperationException("Embed:MaxLifetime is at most 01:00:00 and Embed:DefaultLifetime at most Embed:MaxLifetime.");
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton<EmbedSigningKeys>();
        s.AddSingleton<EmbedKeyStatus>();
        s.AddSingleton<EmbedRateLimits>();
        s.AddScoped<EmbedTokenIssuer>();
        s.AddEmbedScheme(options);
        // An embed token reads: a mutation is refused before anything runs, whatever its resolver would decide.
        s.PostConfigure<GraphQLHttpOptions>(o => o.AllowedOperations = ctx => EmbedClaims.IsEmbed(ctx.User) ? QueriesOnly : null);
        return builder;
    }
}
