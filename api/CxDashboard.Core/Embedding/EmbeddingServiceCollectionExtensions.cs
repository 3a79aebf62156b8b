using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxDashboard.Core.Embedding;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>Host applications and their keys (EF Core, per request), signing keys and the audit log (Npgsql).</summary>
    public static IServiceCollection AddCxEmbeddingCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<HostRegistry>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<EmbedAuditLog>();
        return services;
    }
}
