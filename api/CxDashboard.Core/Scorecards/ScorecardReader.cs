using System.Text.Json;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The SQL behind scorecards: one batch (KPIs, targets, cells, check-ins) for any number of units, so a
/// company scorecard with all its departments costs one round trip on one connection.
/// </summary>
public sealed class ScorecardReader(NpgsqlDataSource db)
{
    /// <summary>The units' KPIs plus every KPI linked below them (cascade children and process drivers), on the unit ids in $1.</summary>
    private const string KpiSet = "SELECT k.id, k.org_unit_id, k.slice_dimension, k.slice_value FROM kpi k " +
        "WHERE k.org_unit_id = ANY($1) OR k.parent_kpi_id IN (SELECT id FROM kpi WHERE org_unit_id = ANY($1))";

    /// <summary>
    /// Everything a scorecard of <paramref name="unitIds"/> reads — KPIs, their targets and cells of
    /// <paramref name="grain"/> from <paramref name="from"/> to <paramref name="to"/> (period starts), and their
    /// latest check-ins dated in [<paramref name="checkinFrom"/>, <paramref name="checkinTo"/>) — in ONE batch:
    /// one connection, one round trip. Each statement finds the KPI set itself (small tables, indexed), so none
    /// waits for another's answer; a KPI slice reads the cell of its dimension and value, no slice the unit total.
    /// </summary>
    public async Task<ScorecardData> ReadAsync(long[] unitIds, string grain, DateOnly from, DateOnly to, DateOnly checkinFrom, DateOnly checkinTo, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(Command(KpisSql, unitIds));
        batch.BatchCommands.Add(Command($"""
            SELECT kpi_id, period_start, target FROM kpi_target
            WHERE kpi_id IN (SELECT id FROM ({KpiSet}) ks) AND grain = $2 AND period_start BETWEEN $3 AND $4
            """, unitIds, grain, from, to));
        batch.BatchCommands.Add(Command(CellStore.SeriesSql($"""
            SELECT DISTINCT org_unit_id AS unit,
                   CASE WHEN slice_dimension IS NULL OR slice_dimension = 'all' THEN 'all' ELSE slice_dimension END AS dim,
                   CASE WHEN slice_dimension IS NULL OR slice_dimension = 'all' THEN '' ELSE slice_value END AS dv
            FROM ({KpiSet}) ks
            """), unitIds, grain, from, to));
        batch.BatchCommands.Add(Command($"""
            SELECT DISTINCT ON (kpi_id) id, kpi_id, period_start, value, status, note, author, created_at
            FROM kpi_checkin WHERE kpi_id IN (SELECT id FROM ({KpiSet}) ks) AND period_start >= $2 AND period_start < $3
            ORDER BY kpi_id, created_at DESC, id DESC
            """, unitIds, checkinFrom, checkinTo));

        // Prepared once per physical connection: Npgsql keeps the statements across pool returns and skips the
        // round trip when they already are, so a request pays neither parsing nor planning of these four.
        await batch.PrepareAsync(ct);
        await using var r = await batch.ExecuteReaderAsync(ct);
        var kpis = await ReadKpisAsync(r, ct);
        await r.NextResultAsync(ct);
        var targets = new Dictionary<(long, DateOnly), double>();
        while (await r.ReadAsync(ct)) targets[(r.GetInt64(0), r.GetFieldValue<DateOnly>(1))] = (double)r.GetDecimal(2);
        await r.NextResultAsync(ct);
        var cells = await CellStore.ReadSeriesAsync(r, ct);
        await r.NextResultAsync(ct);
        var checkins = new Dictionary<long, KpiCheckinView>();
        foreach (var c in await ReadCheckinsAsync(r, ct)) checkins[c.KpiId] = c;
        return new ScorecardData(kpis, targets, cells, checkins);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return cmd;
    }

    private static readonly string KpisSql = $"""
        SELECT {KpiColumns}
        FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id JOIN metric m ON m.code = k.metric_code
        WHERE k.org_unit_id = ANY($1) OR k.parent_kpi_id IN (SELECT id FROM kpi WHERE org_unit_id = ANY($1))
        ORDER BY k.id
        """;

    public const string KpiColumns = """
        k.id, k.org_unit_id, u.code, u.name, k.metric_code, m.name, m.kind, m.unit, m.direction,
        k.slice_dimension, k.slice_value, k.parent_kpi_id, k.weight, k.is_shared, k.owner, k.status_rule::text, k.created_at
        """;

    public static async Task<List<KpiDefinition>> ReadKpisAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadKpisAsync(r, ct);
    }

    private static async Task<List<KpiDefinition>> ReadKpisAsync(NpgsqlDataReader r, CancellationToken ct)
    {
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

    public static async Task<List<KpiCheckinView>> ReadCheckinsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadCheckinsAsync(r, ct);
    }

    private static async Task<List<KpiCheckinView>> ReadCheckinsAsync(NpgsqlDataReader r, CancellationToken ct)
    {
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

/// <summary>One batch's answer for a set of units: KPIs, targets by (KPI, period start), cells by (unit, slice, period start), latest check-ins by KPI.</summary>
public sealed record ScorecardData(
    List<KpiDefinition> Kpis,
    Dictionary<(long Kpi, DateOnly Start), double> Targets,
    Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats> Cells,
    Dictionary<long, KpiCheckinView> Checkins);
