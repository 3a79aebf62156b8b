using Npgsql;

namespace CxDashboard.Core.Embedding;

/// <summary>Appends to <c>embed_audit</c>: every token issued or refused, every export made with an embed token.</summary>
public sealed class EmbedAuditLog(NpgsqlDataSource db)
{
    public async Task RecordAsync(EmbedAudit a, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO embed_audit (event, host_application_id, key_id, token_id, view, scope, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        foreach (var v in new object?[] { a.Event, a.HostApplicationId, a.KeyId, a.TokenId, a.View, a.Scope, a.Detail })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
