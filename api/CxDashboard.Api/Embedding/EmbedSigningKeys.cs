using CxDashboard.Core.Embedding;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// This node's copy of the embed signing keys: the current one signs, every key that is current or retired less
/// than <see cref="EmbedOptions.RetiredKeyGrace"/> ago checks. Read again from the database when older than
/// <see cref="EmbedOptions.CacheFor"/> (so a rotation on one node reaches the others) or when a token names a key
/// id this node does not know.
/// </summary>
public sealed class EmbedSigningKeys(SigningKeyRing store, EmbedOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot snapshot = new([], DateTimeOffset.MinValue);

    private sealed record Snapshot(IReadOnlyList<EmbedSigningKey> Keys, DateTimeOffset ReadAt);

    /// <summary>The key that signs new tokens (created on first use).</summary>
    public async Task<(string Kid, SymmetricSecurityKey Key)> CurrentAsync(CancellationToken ct = default)
    {
        await RefreshAsync(force: false, ct);
        var current = snapshot.Keys.FirstOrDefault(k => k.RetiredAt is null);
        if (current is null)
        {
            await store.EnsureCurrentAsync(ct);
            await RefreshAsync(force: true, ct);
            current = snapshot.Keys.First(k => k.RetiredAt is null);
        }
        return (current.Kid, Security(current));
    }

    /// <summary>Makes sure the copy is fresh enough to check a token naming <paramref name="kid"/>.</summary>
    public Task PrepareAsync(string? kid, CancellationToken ct) =>
        RefreshAsync(force: kid is not null && snapshot.Keys.All(k => k.Kid != kid) && clock.GetUtcNow() - snapshot.ReadAt > TimeSpan.FromSeconds(1), ct);

    /// <summary>The keys that may check a token naming <paramref name="kid"/>: none when unknown or retired past the grace.</summary>
    public IEnumerable<SecurityKey> Resolve(string? kid)
    {
        var now = clock.GetUtcNow();
        return snapshot.Keys
            .Where(k => k.Kid == kid && (k.RetiredAt is null || k.RetiredAt.Value + options.RetiredKeyGrace > now))
            .Select(Security);
    }

    /// <summary>Forgets the copy (after a rotation on this node).</summary>
    public void Invalidate() => snapshot = new([], DateTimeOffset.MinValue);

    private async Task RefreshAsync(bool force, CancellationToken ct)
    {
        if (!force && clock.GetUtcNow() - snapshot.ReadAt < options.CacheFor) return;
        await refreshing.WaitAsync(ct);
        try
        {
            if (!force && clock.GetUtcNow() - snapshot.ReadAt < options.CacheFor) return;
            var now = clock.GetUtcNow();
            snapshot = new(await store.LiveAsync(now - options.RetiredKeyGrace, ct), now);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private static SymmetricSecurityKey Security(EmbedSigningKey k) => new(k.Secret) { KeyId = k.Kid };
}
