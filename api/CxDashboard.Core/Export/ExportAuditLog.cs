using Npgsql;

namespace CxDashboard.Core.Export;

/// <summary>Appends to <c>export_audit</c>: every export and every refused export request.</summary>
public sealed class ExportAuditLog(NpgsqlDataSource db)
{
    public async Task RecordAsync(ExportAudit a, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO export_audit (subject, caller_name, kind, format, unit_code, parameters, scope, privacy_floor, rows, outcome, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """);
        foreach (var v in new object?[] { a.Subject, a.CallerName, a.Kind, a.Format, a.UnitCode, a.Parameters, a.Scope, a.PrivacyFloor, a.Rows, a.Outcome, a.Detail })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
