using System.Collections.Concurrent;
using Npgsql;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// Whether the API key an embed token was issued through still works (not revoked, not past a rotation's overlap,
/// its host not switched off): a token outlives none of these by more than <see cref="EmbedOptions.CacheFor"/>.
/// </summary>
public sealed class EmbedKeyStatus(NpgsqlDataSource db, EmbedOptions options, TimeProvider clock)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (bool Usable, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);

    public async Task<bool> UsableAsync(string keyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(keyId, out var e) && now - e.ReadAt < options.CacheFor) return e.Usable;
        await using var cmd = db.CreateCommand("""
            SELECT k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2) AND h.disabled_at IS NULL
            FROM embed_api_key k JOIN host_application h ON h.id = k.host_application_id
            WHERE k.key_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = keyId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        var usable = await cmd.ExecuteScalarAsync(ct) is true;
        if (cache.Count >= MaxEntries) cache.Clear();
        cache[keyId] = (usable, now);
        return usable;
    }

    /// <summary>Forgets what this node knows (after a revocation or rotation made here).</summary>
    public void Invalidate() => cache.Clear();
}
