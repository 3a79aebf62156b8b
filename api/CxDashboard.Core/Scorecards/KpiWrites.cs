using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The KPI admin's writes, each on the caller's connection and transaction, so that a KPI, its status rule and its
/// targets are written together or not at all (<see cref="KpiAdminService.SaveAsync"/>). Inputs are checked before.
/// </summary>
internal static class KpiWrites
{
    public static async Task<long> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long unitId, string metric, string? sliceDimension,
        string? sliceValue, long? parentId, decimal weight, bool isShared, string? owner, string? ruleJson, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO kpi (org_unit_id, metric_code, slice_dimension, slice_value, parent_kpi_id, weight, is_shared, owner, status_rule)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = unitId });
        cmd.Parameters.Add(new() { Value = metric });
        cmd.Parameters.Add(new() { Value = (object?)sliceDimension ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)sliceValue ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)parentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = weight });
        cmd.Parameters.Add(new() { Value = isShared });
        cmd.Parameters.Add(new() { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)ruleJson ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Changes what is given (null leaves a field); <paramref name="setRule"/> writes <paramref name="ruleJson"/>, null restoring the default.</summary>
    public static async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long kpiId, decimal? weight, bool? isShared, string? owner,
        long? parentId, bool clearParent, bool setRule, string? ruleJson, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE kpi SET weight = coalesce($2, weight), is_shared = coalesce($3, is_shared), owner = coalesce($4, owner),
                           parent_kpi_id = CASE WHEN $6 THEN NULL ELSE coalesce($5, parent_kpi_id) END,
                           status_rule = CASE WHEN $7 THEN $8::jsonb ELSE status_rule END
            WHERE id = $1
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = kpiId });
        cmd.Parameters.Add(new() { Value = (object?)weight ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        cmd.Parameters.Add(new() { Value = (object?)isShared ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        cmd.Parameters.Add(new() { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)parentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = clearParent });
        cmd.Parameters.Add(new() { Value = setRule });
        cmd.Parameters.Add(new() { Value = (object?)ruleJson ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Upserts the targets with a value and deletes those given as null, at one grain.</summary>
    public static async Task TargetsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long kpiId, string grain, IReadOnlyList<KpiTargetValue> targets, CancellationToken ct)
    {
        if (targets.Count == 0) return;
        var set = targets.Where(t => t.Value is not null).ToArray();
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO kpi_target (kpi_id, grain, period_start, target) SELECT $1, $2, p, v FROM unnest($3::date[], $4::numeric[]) AS x(p, v)
            ON CONFLICT (kpi_id, grain, period_start) DO UPDATE SET target = EXCLUDED.target
            """, conn, tx))
        {
            upsert.Parameters.Add(new() { Value = kpiId });
            upsert.Parameters.Add(new() { Value = grain });
            upsert.Parameters.Add(new() { Value = set.Select(t => t.PeriodStart).ToArray() });
            upsert.Parameters.Add(new() { Value = set.Select(t => t.Value!.Value).ToArray() });
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await using var delete = new NpgsqlCommand("DELETE FROM kpi_target WHERE kpi_id = $1 AND grain = $2 AND period_start = ANY($3)", conn, tx);
        delete.Parameters.Add(new() { Value = kpiId });
        delete.Parameters.Add(new() { Value = grain });
        delete.Parameters.Add(new() { Value = targets.Where(t => t.Value is null).Select(t => t.PeriodStart).ToArray() });
        await delete.ExecuteNonQueryAsync(ct);
    }
}
