namespace CxDashboard.Core.Embedding;

/// <summary>
/// A key that signs embed tokens (HMAC-SHA256), named by its key id (<c>kid</c> in the token header). One key is
/// current; rotating retires it, and tokens it signed keep working for a grace period after retirement
/// (<c>Embed:RetiredKeyGrace</c>), then stop.
/// </summary>
public sealed class EmbedSigningKey
{
    public required string Kid { get; set; }

    /// <summary>The 256-bit secret. Stored in the database so every node of a cluster signs and checks alike.</summary>
    public required byte[] Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }
}
