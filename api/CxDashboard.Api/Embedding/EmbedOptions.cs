namespace CxDashboard.Api.Embedding;

/// <summary>The <c>Embed</c> configuration section (docs/embedding.md).</summary>
public sealed class EmbedOptions
{
    public const string Section = "Embed";

    /// <summary>The <c>iss</c> and <c>aud</c> of embed tokens (distinct from user tokens, so neither passes for the other).</summary>
    public string Issuer { get; set; } = "cxdashboard-embed";

    public string Audience { get; set; } = "cxdashboard-embed";

    /// <summary>A token's life when the host does not ask for one.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest life a host may ask for.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long tokens signed by a retired signing key keep working after the rotation.</summary>
    public TimeSpan RetiredKeyGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a node trusts its copy of the signing keys and of key/host status before reading them again.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary><c>POST /embed/token</c> calls per API key per minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 60;

    /// <summary>Requests per embed token per minute (GraphQL and exports together).</summary>
    public int RequestsPerMinute { get; set; } = 600;
}
