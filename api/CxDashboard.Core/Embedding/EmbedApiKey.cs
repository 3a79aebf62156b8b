namespace CxDashboard.Core.Embedding;

/// <summary>
/// One API key of a host application. Only a hash of its secret is stored; the key itself is shown once, when it is
/// issued. Rotation issues a new key and gives the old one an end (<see cref="ExpiresAt"/>) so both work during the
/// overlap; revocation ends it at once.
/// </summary>
public sealed class EmbedApiKey
{
    public long Id { get; set; }

    public long HostApplicationId { get; set; }

    public HostApplication? HostApplication { get; set; }

    /// <summary>The key's public id (the part of the key before its secret), e.g. <c>k7f3a9c21</c>; shown in lists and audit rows.</summary>
    public required string KeyId { get; set; }

    /// <summary>SHA-256 of the key's secret (the secret has 256 random bits, so a fast hash is enough).</summary>
    public required byte[] SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The end of a rotated-out key's overlap; null while the key has no end.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
