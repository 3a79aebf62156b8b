using System.Text.Json;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The SQL behind scorecards: one batch (KPIs, targets, cells, check-ins) for any number of units, so a
/// company scorecard with all its departments costs one round trip on one connection.
/// </summary>
public sealed class ScorecardReader(NpgsqlDataSource db)
{
    /// <summary>
    /// The KPI set of a scorecard load, one row per KPI with an <c>expanded</c> flag: the KPIs of the expanded units
    /// plus every KPI linked below them (cascade children and process drivers). The expanded units are those in $1
    /// (level 1) and, down to level $<paramref name="levelsParam"/>, the units of the cascade children (a KPI at
    /// another unit whose parent KPI is at a unit of the level above). Self-contained, so each statement of the
    /// batch finds the set itself (small tables) and none waits for another's answer.
    /// </summary>
    private static string KpiSet(int levelsParam) => $"""
        WITH RECURSIVE lv(unit, level) AS (
            SELECT u, 1 FROM unnest($1::bigint[]) u
          UNION
            SELECT c.org_unit_id, lv.level + 1 FROM lv
            JOIN kpi p ON p.org_unit_id = lv.unit
            JOIN kpi c ON c.parent_kpi_id = p.id AND c.org_unit_id <> p.org_unit_id
            WHERE lv.level < ${levelsParam}
        ), units AS (SELECT DISTINCT unit FROM lv)
        SELECT k.id, k.org_unit_id, k.slice_dimension, k.slice_value, k.metric_code, k.org_unit_id IN (SELECT unit FROM units) AS expanded
        FROM kpi k
        WHERE k.org_unit_id IN (SELECT unit FROM units) OR k.parent_kpi_id IN (SELECT id FROM kpi WHERE org_unit_id IN (SELECT unit FROM units))
        """;

    /// <summary>
    /// Everything a scorecard of <paramref name="unitIds"/> reads — KPIs, their targets and cells of
    /// <paramref name="grain"/> from <paramref name="from"/> to <paramref name="to"/> (period starts), and their
    /// latest check-ins dated in [<paramref name="checkinFrom"/>, <paramref name="checkinTo"/>) — in ONE batch:
    /// one connection, one round trip. With <paramref name="levels"/> above 1 the same batch also reads the
    /// cascade below, so the lines of the units down to that level come back expanded (a GraphQL query nesting
    /// <c>children</c> that deep then needs no further round trip). Each statement finds the KPI set itself
    /// (small tables, indexed), so none waits for another's answer; a KPI slice reads the cell of its dimension
    /// and value, no slice the unit total.
    /// </summary>
    public async Task<ScorecardData> ReadAsync(long[] unitIds, int levels, string grain, DateOnly from, DateOnly to, DateOnly checkinFrom, DateOnly checkinTo, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        // The batch is one implicit transaction: for its statements only, reuse the generic plan of each prepared
        // statement. Left to choose, PostgreSQL keeps re-planning them per call (custom plans look cheaper for the
        // unit id array), which cost more than executing them.
        batch.BatchCommands.Add(Command("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"));
        batch.BatchCommands.Add(Command($"""
            SELECT {KpiColumns}, ks.expanded
            FROM ({KpiSet(2)}) ks JOIN kpi k ON k.id = ks.id JOIN org_unit u ON u.id = k.org_unit_id JOIN metric m ON m.code = k.metric_code
            ORDER BY k.id
            """, unitIds, levels));
        batch.BatchCommands.Add(Command($"""
            SELECT t.kpi_id, t.period_start, t.target FROM ({KpiSet(5)}) ks
            CROSS JOIN LATERAL (SELECT kpi_id, period_start, target FROM kpi_target
                                WHERE kpi_id = ks.id AND grain = $2 AND period_start BETWEEN $3 AND $4) t
            """, unitIds, grain, from, to, levels));
        var subjects = $"""
            SELECT org_unit_id AS unit,
                   CASE WHEN slice_dimension IS NULL OR slice_dimension = 'all' THEN 'all' ELSE slice_dimension END AS dim,
                   CASE WHEN slice_dimension IS NULL OR slice_dimension = 'all' THEN '' ELSE slice_value END AS dv,
                   bit_or({CellStore.GroupsSql("metric_code")}) AS groups
            FROM ({KpiSet(5)}) ks GROUP BY 1, 2, 3
            """;
        batch.BatchCommands.Add(Command(CellStore.SeriesSql(subjects, CellPart.Counts), unitIds, grain, from, to, levels));
        batch.BatchCommands.Add(Command(CellStore.SeriesSql(subjects, CellPart.Histograms), unitIds, grain, from, to, levels));
        batch.BatchCommands.Add(Command($"""
            SELECT DISTINCT ON (kpi_id) id, kpi_id, period_start, value, status, note, author, created_at
            FROM kpi_checkin WHERE kpi_id IN (SELECT id FROM ({KpiSet(4)}) ks) AND period_start >= $2 AND period_start < $3
            ORDER BY kpi_id, created_at DESC, id DESC
            """, unitIds, checkinFrom, checkinTo, levels));

        // Prepared once per physical connection: Npgsql keeps the statements across pool returns and skips the
        // round trip when they already are, so a request pays neither parsing nor planning of these.
        await batch.PrepareAsync(ct);
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        var expanded = new HashSet<long>();
        var kpis = await ReadKpisAsync(r, ct, expanded);
        await r.NextResultAsync(ct);
        var targets = new Dictionary<(long, DateOnly), double>();
        while (await r.ReadAsync(ct)) targets[(r.GetInt64(0), r.GetFieldValue<DateOnly>(1))] = (double)r.GetDecimal(2);
        await r.NextResultAsync(ct);
        var cells = new Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats>();
        await CellStore.ReadSeriesAsync(r, CellPart.Counts, cells, ct);
        await r.NextResultAsync(ct);
        await CellStore.ReadSeriesAsync(r, CellPart.Histograms, cells, ct);
        await r.NextResultAsync(ct);
        var checkins = new Dictionary<long, KpiCheckinView>();
        foreach (var c in await ReadCheckinsAsync(r, ct)) checkins[c.KpiId] = c;
        return new ScorecardData(kpis, expanded, targets, cells, checkins);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return cmd;
    }

    public const string KpiColumns = """
        k.id, k.org_unit_id, u.code, u.name, k.metric_code, m.name, m.kind, m.unit, m.direction,
        k.slice_dimension, k.slice_value, k.parent_kpi_id, k.weight, k.is_shared, k.owner, k.status_rule::text, k.created_at
        """;

    public static async Task<List<KpiDefinition>> ReadKpisAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadKpisAsync(r, ct, null);
    }

    /// <param name="expanded">When given, the reader has a trailing <c>expanded</c> column: the units it marks are added.</param>
    private static async Task<List<KpiDefinition>> ReadKpisAsync(NpgsqlDataReader r, CancellationToken ct, HashSet<long>? expanded)
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
            if (expanded is not null && r.GetBoolean(17)) expanded.Add(r.GetInt64(1));
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

/// <summary>
/// One batch's answer for a set of units: KPIs, the units whose lines are expanded (the requested ones and the
/// cascade below them down to the requested level), targets by (KPI, period start), cells by (unit, slice, period
/// start), latest check-ins by KPI.
/// </summary>
public sealed record ScorecardData(
    List<KpiDefinition> Kpis,
    HashSet<long> ExpandedUnits,
    Dictionary<(long Kpi, DateOnly Start), double> Targets,
    Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats> Cells,
    Dictionary<long, KpiCheckinView> Checkins);
