using System.Text.Json;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The SQL behind scorecards: a fixed number of commands (KPIs, targets, check-ins; cells through CellStore) for any
/// number of units, so a company scorecard with all its departments costs the same four round trips.
/// </summary>
public sealed class ScorecardReader(NpgsqlDataSource db)
{
    /// <summary>The units' KPIs plus every KPI linked below them (cascade children and process drivers).</summary>
    public async Task<List<KpiDefinition>> KpisAsync(long[] unitIds, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {KpiColumns}
            FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id JOIN metric m ON m.code = k.metric_code
            WHERE k.org_unit_id = ANY($1) OR k.parent_kpi_id IN (SELECT id FROM kpi WHERE org_unit_id = ANY($1))
            ORDER BY k.id
            """);
        cmd.Parameters.Add(new() { Value = unitIds });
        return await ReadKpisAsync(cmd, ct);
    }

    public const string KpiColumns = """
        k.id, k.org_unit_id, u.code, u.name, k.metric_code, m.name, m.kind, m.unit, m.direction,
        k.slice_dimension, k.slice_value, k.parent_kpi_id, k.weight, k.is_shared, k.owner, k.status_rule::text, k.created_at
        """;

    public static async Task<List<KpiDefinition>> ReadKpisAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<KpiDefinition>();
        while (await r.ReadAsync(ct))
        {
            StatusRule rule;
            if (r.IsDBNull(15)) rule = StatusRule.Default;
            else using (var json = JsonDocument.Parse(r.GetString(15))) rule = StatusRule.FromJson(json);
            list.Add(new KpiDefinition(
                r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                r.IsDBNull(11) ? null : r.GetInt64(11), r.GetDecimal(12), r.GetBoolean(13), r.IsDBNull(14) ? null : r.GetString(14),
                rule, r.GetFieldValue<DateTimeOffset>(16)));
        }
        return list;
    }

    public async Task<Dictionary<(long Kpi, DateOnly Start), double>> TargetsAsync(long[] kpiIds, string grain, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT kpi_id, period_start, target FROM kpi_target
            WHERE kpi_id = ANY($1) AND grain = $2 AND period_start BETWEEN $3 AND $4
            """);
        cmd.Parameters.Add(new() { Value = kpiIds });
        cmd.Parameters.Add(new() { Value = grain });
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = to });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var targets = new Dictionary<(long, DateOnly), double>();
        while (await r.ReadAsync(ct)) targets[(r.GetInt64(0), r.GetFieldValue<DateOnly>(1))] = (double)r.GetDecimal(2);
        return targets;
    }

    /// <summary>The latest check-in of each KPI dated inside [from, to).</summary>
    public async Task<Dictionary<long, KpiCheckinView>> LatestCheckinsAsync(long[] kpiIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT DISTINCT ON (kpi_id) id, kpi_id, period_start, value, status, note, author, created_at
            FROM kpi_checkin WHERE kpi_id = ANY($1) AND period_start >= $2 AND period_start < $3
            ORDER BY kpi_id, created_at DESC, id DESC
            """);
        cmd.Parameters.Add(new() { Value = kpiIds });
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = to });
        var result = new Dictionary<long, KpiCheckinView>();
        foreach (var c in await ReadCheckinsAsync(cmd, ct)) result[c.KpiId] = c;
        return result;
    }

    public static async Task<List<KpiCheckinView>> ReadCheckinsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<KpiCheckinView>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new KpiCheckinView(r.GetInt64(0), r.GetInt64(1), r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetDecimal(3),
                KpiStatusNames.FromDb(r.GetString(4)) ?? KpiStatus.NoData, r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6),
                r.GetFieldValue<DateTimeOffset>(7)));
        }
        return list;
    }
}
