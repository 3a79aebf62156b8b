using System.Security.Cryptography;
using Npgsql;

namespace CxDashboard.Core.Embedding;

/// <summary>The embed signing keys in <c>embed_signing_key</c>: read them, create the first, rotate.</summary>
public sealed class SigningKeyRing(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>Every key that is current or was retired after <paramref name="retiredAfter"/>, newest first.</summary>
    public async Task<IReadOnlyList<EmbedSigningKey>> LiveAsync(DateTimeOffset retiredAfter, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT kid, secret, created_at, retired_at FROM embed_signing_key
            WHERE retired_at IS NULL OR retired_at > $1 ORDER BY created_at DESC
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = retiredAfter });
        var keys = new List<EmbedSigningKey>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            keys.Add(new EmbedSigningKey
            {
                Kid = r.GetString(0), Secret = (byte[])r[1], CreatedAt = r.GetFieldValue<DateTimeOffset>(2),
                RetiredAt = r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3),
            });
        }
        return keys;
    }

    /// <summary>Creates a key when none is current (first start; several nodes racing create one between them).</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('embed_signing_key'))", conn, tx)) await lockCmd.ExecuteNonQueryAsync(ct);
        await using (var any = new NpgsqlCommand("SELECT count(*) FROM embed_signing_key WHERE retired_at IS NULL", conn, tx))
        {
            if ((long)(await any.ExecuteScalarAsync(ct))! > 0) return;
        }
        await InsertAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Retires the current key(s) and makes a new one current; returns the new key id.</summary>
    public async Task<string> RotateAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('embed_signing_key'))", conn, tx)) await lockCmd.ExecuteNonQueryAsync(ct);
        await using (var retire = new NpgsqlCommand("UPDATE embed_signing_key SET retired_at = $1 WHERE retired_at IS NULL", conn, tx))
        {
            retire.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            await retire.ExecuteNonQueryAsync(ct);
        }
        var kid = await InsertAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        return kid;
    }

    private async Task<string> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var kid = "e" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        await using var cmd = new NpgsqlCommand("INSERT INTO embed_signing_key (kid, secret, created_at) VALUES ($1, $2, $3)", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = kid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(32) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        await cmd.ExecuteNonQueryAsync(ct);
        return kid;
    }
}
