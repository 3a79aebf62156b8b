using System.Text.Json;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The SQL behind scorecards: two prepared statements (KPIs with targets and check-ins; cells) for any number of
/// units and cascade levels, sent at the same time on two connections, so a company scorecard with all its
/// departments costs one round trip. With a <see cref="KpiSideCache"/>, a scorecard asked for again reads its cells
/// only, with the KPI revision that says whether the KPI side kept from before is still current.
/// </summary>
public sealed class ScorecardReader(NpgsqlDataSource db, KpiSideCache? cache = null)
{
    /// <summary>
    /// The KPI set of a scorecard load, one row per KPI with an <c>expanded</c> flag: the KPIs of the expanded units
    /// plus every KPI linked below them (cascade children and process drivers). The expanded units are those in $1
    /// (level 1) and, down to level $<paramref name="levelsParam"/>, the units of the cascade children (a KPI at
    /// another unit whose parent KPI is at a unit of the level above). Self-contained, so each statement of the
    /// batch finds the set itself (small tables) and none waits for another's answer.
    /// </summary>
    private static string KpiSet(int levelsParam) => $"{KpiSetCtes(levelsParam)} SELECT * FROM ks";

    /// <summary>The same set as the CTE <c>ks</c> (after <c>lv</c> and <c>units</c>), for a statement that reads it more than once.</summary>
    private static string KpiSetCtes(int levelsParam) => $"""
        WITH RECURSIVE lv(unit, level) AS (
            SELECT u, 1 FROM unnest($1::bigint[]) u
          UNION
            SELECT c.org_unit_id, lv.level + 1 FROM lv
            JOIN kpi p ON p.org_unit_id = lv.unit
            JOIN kpi c ON c.parent_kpi_id = p.id AND c.org_unit_id <> p.org_unit_id
            WHERE lv.level < ${levelsParam}
        ), units AS (SELECT DISTINCT unit FROM lv),
        ks AS MATERIALIZED (
            SELECT k.id, k.org_unit_id, k.slice_dimension, k.slice_value, k.metric_code, k.org_unit_id IN (SELECT unit FROM units) AS expanded
            FROM kpi k
            WHERE k.org_unit_id IN (SELECT unit FROM units) OR k.parent_kpi_id IN (SELECT id FROM kpi WHERE org_unit_id IN (SELECT unit FROM units)))
        """;

    /// <summary>
    /// Everything a scorecard of <paramref name="unitIds"/> reads — KPIs, their targets and cells of
    /// <paramref name="grain"/> from <paramref name="from"/> to <paramref name="to"/> (period starts), and their
    /// latest check-ins dated in [<paramref name="checkinFrom"/>, <paramref name="checkinTo"/>) — in one round trip:
    /// two prepared statements, each on its own pooled connection at the same time (they need nothing from each
    /// other, and each PostgreSQL backend runs on its own core, so the slower one sets the time, not their sum).
    /// With <paramref name="levels"/> above 1 the same read covers the cascade below, so the lines of the units down
    /// to that level come back expanded (a GraphQL query nesting <c>children</c> that deep needs no further round
    /// trip). A KPI slice reads the cell of its dimension and value, no slice the unit total.
    /// A KPI side kept for the same arguments is used while the revision read with the cells matches its own; the cells
    /// are then those of its (unit, slice) pairs, given as arrays. After any change both sides are read again (one more
    /// round trip for the first scorecard after it).
    /// </summary>
    public async Task<ScorecardData> ReadAsync(long[] unitIds, int levels, string grain, DateOnly from, DateOnly to, DateOnly checkinFrom, DateOnly checkinTo, CancellationToken ct)
    {
        var key = KpiSideCache.Key.For(unitIds, levels, grain, from, to, checkinFrom, checkinTo);
        if (cache?.Find(key) is { } cached)
        {
            // The KPI side read before: only the cells of its (unit, slice) pairs, and the revision to check it against.
            var (cells, revision) = await ReadCellsAsync(cached.CellSubjects, grain, from, to, ct);
            if (revision == cached.Revision) return new ScorecardData(cached, cells);
            // changed since: read both sides afresh (the KPI set may hold other pairs now)
        }

        var kpiSide = ReadKpisAsync(unitIds, levels, grain, from, to, checkinFrom, checkinTo, ct);
        var cellSide = ReadCellsAsync(unitIds, levels, grain, from, to, ct);
        try
        {
            var side = await kpiSide;
            var (cells, _) = await cellSide;
            cache?.Store(key, side);
            return new ScorecardData(side, cells);
        }
        finally
        {
            // never leave a read running past this call (it holds a pooled connection)
            await Task.WhenAll(kpiSide, cellSide).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The revision row, sent first in each batch: what the batch reads after it is at least that recent.</summary>
    private const string RevisionSql = "SELECT revision, generation FROM kpi_revision";

    private static async Task<KpiRevision> ReadRevisionAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        await r.NextResultAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("kpi_revision has no row: the database is not migrated (run the migrate verb).");
        return new KpiRevision(r.GetInt64(0), r.GetGuid(1));
    }

    /// <summary>KPIs with their targets (as arrays) and latest check-in: the KPI set is found once for all three.</summary>
    private async Task<KpiSide> ReadKpisAsync(
        long[] unitIds, int levels, string grain, DateOnly from, DateOnly to, DateOnly checkinFrom, DateOnly checkinTo, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = GenericPlanBatch(conn, $"""
            {KpiSetCtes(2)}
            SELECT {KpiColumns}, ks.expanded, tg.starts, tg.targets,
                   ci.id, ci.kpi_id, ci.period_start, ci.value, ci.status, ci.note, ci.author, ci.created_at
            FROM ks JOIN kpi k ON k.id = ks.id JOIN org_unit u ON u.id = k.org_unit_id JOIN metric m ON m.code = k.metric_code
            LEFT JOIN (SELECT t.kpi_id, array_agg(t.period_start) AS starts, array_agg(t.target::float8) AS targets -- one aggregate: same row order, pairs aligned
                       FROM kpi_target t WHERE t.kpi_id IN (SELECT id FROM ks) AND t.grain = $3 AND t.period_start BETWEEN $4 AND $5
                       GROUP BY t.kpi_id) tg ON tg.kpi_id = k.id
            LEFT JOIN LATERAL (SELECT c.id, c.kpi_id, c.period_start, c.value, c.status, c.note, c.author, c.created_at
                               FROM kpi_checkin c WHERE c.kpi_id = k.id AND c.period_start >= $6 AND c.period_start < $7
                               ORDER BY c.created_at DESC, c.id DESC LIMIT 1) ci ON true
            ORDER BY k.id
            """, unitIds, levels, grain, from, to, checkinFrom, checkinTo);
        await batch.PrepareAsync(ct);
        await using var r = await batch.ExecuteReaderAsync(ct);
        var revision = await ReadRevisionAsync(r, ct);
        await r.NextResultAsync(ct);
        var kpis = new List<KpiDefinition>();
        var expanded = new HashSet<long>();
        var targets = new Dictionary<(long, DateOnly), double>();
        var checkins = new Dictionary<long, KpiCheckinView>();
        while (await r.ReadAsync(ct))
        {
            var kpi = ReadKpi(r);
            kpis.Add(kpi);
            const int at = KpiColumnCount;
            if (r.GetBoolean(at)) expanded.Add(kpi.UnitId);
            if (!r.IsDBNull(at + 1))
            {
                var (starts, values) = (r.GetFieldValue<DateOnly[]>(at + 1), r.GetFieldValue<double[]>(at + 2));
                for (var i = 0; i < starts.Length; i++) targets[(kpi.Id, starts[i])] = values[i];
            }
            if (!r.IsDBNull(at + 3)) checkins[kpi.Id] = ReadCheckin(r, at + 3);
        }
        return new KpiSide(kpis, expanded, targets, checkins, revision);
    }

    private async Task<(Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats>, KpiRevision)> ReadCellsAsync(
        long[] unitIds, int levels, string grain, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = GenericPlanBatch(conn, CellStore.SeriesSql($"""
            SELECT org_unit_id AS unit,
                   CASE WHEN slice_dimension IS NULL OR slice_dimension = 'all' THEN 'all' ELSE slice_dimension END AS dim,
                   CASE WHEN slice_dimension IS NULL OR slice_dimension = 'all' THEN '' ELSE slice_value END AS dv,
                   bit_or({CellStore.GroupsSql("metric_code")}) AS groups
            FROM ({KpiSet(5)}) ks GROUP BY 1, 2, 3
            """), unitIds, grain, from, to, levels);
        return await ReadCellsAsync(batch, ct);
    }

    /// <summary>The cells of given (unit, slice) pairs (a KPI side's <see cref="KpiSide.CellSubjects"/>): no KPI set to find.</summary>
    private async Task<(Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats>, KpiRevision)> ReadCellsAsync(
        (long[] Units, string[] Dimensions, string[] Values, int[] Groups) subjects, string grain, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = GenericPlanBatch(conn, CellStore.SeriesSql(
            "SELECT * FROM unnest($1::bigint[], $5::text[], $6::text[], $7::int[]) AS s(unit, dim, dv, groups)"),
            subjects.Units, grain, from, to, subjects.Dimensions, subjects.Values, subjects.Groups);
        return await ReadCellsAsync(batch, ct);
    }

    private static async Task<(Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats>, KpiRevision)> ReadCellsAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        await batch.PrepareAsync(ct);
        await using var r = await batch.ExecuteReaderAsync(ct);
        var revision = await ReadRevisionAsync(r, ct);
        await r.NextResultAsync(ct);
        return (await CellStore.ReadSeriesAsync(r, ct), revision);
    }

    /// <summary>
    /// A batch of <paramref name="sql"/> behind a statement that makes it reuse its generic plan. The batch is one
    /// implicit transaction, so the setting ends with it. Left to choose, PostgreSQL re-planned these statements on
    /// every call (custom plans look cheaper for the unit id array), which cost more than executing them. Prepared
    /// once per physical connection: Npgsql keeps the statements across pool returns and skips the round trip when
    /// they already are, so a request pays neither parsing nor planning.
    /// </summary>
    private static NpgsqlBatch GenericPlanBatch(NpgsqlConnection conn, string sql, params object[] values)
    {
        var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(Command("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"));
        batch.BatchCommands.Add(Command(RevisionSql));
        batch.BatchCommands.Add(Command(sql, values));
        return batch;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return cmd;
    }

    /// <summary>
    /// A KPI's columns (<see cref="KpiColumnCount"/> of them) with its unit's and its metric's: a KPI's unit and metric are
    /// read with it (and kept with the KPI side), never looked up one by one.
    /// </summary>
    public const string KpiColumns = """
        k.id, k.org_unit_id, u.code, u.name, k.metric_code, m.name, m.kind, m.unit, m.direction,
        k.slice_dimension, k.slice_value, k.parent_kpi_id, k.weight, k.is_shared, k.owner, k.status_rule::text, k.created_at,
        u.parent_id, u.kind, u.partner_id, m.description, m.computation, m.method, m.scale_min, m.scale_max
        """;

    private const int KpiColumnCount = 25;

    public static async Task<List<KpiDefinition>> ReadKpisAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<KpiDefinition>();
        while (await r.ReadAsync(ct)) list.Add(ReadKpi(r));
        return list;
    }

    /// <summary>A KPI from the <see cref="KpiColumns"/> of the current row.</summary>
    private static KpiDefinition ReadKpi(NpgsqlDataReader r)
    {
        var rule = r.IsDBNull(15) ? StatusRule.Default : ParsedRules.Get(r.GetString(15));
        var unit = new OrgNode(r.GetInt64(1), r.IsDBNull(17) ? null : r.GetInt64(17), r.GetString(18), r.GetString(2), r.GetString(3),
            r.IsDBNull(19) ? null : r.GetInt64(19));
        var metric = new Metric
        {
            Code = r.GetString(4), Name = r.GetString(5), Kind = r.GetString(6), Unit = r.GetString(7), Direction = r.GetString(8),
            Description = r.GetString(20), Computation = r.GetString(21), Method = r.IsDBNull(22) ? null : r.GetString(22),
            ScaleMin = r.IsDBNull(23) ? null : r.GetInt16(23), ScaleMax = r.IsDBNull(24) ? null : r.GetInt16(24),
        };
        return new KpiDefinition(
            r.GetInt64(0), unit, metric, r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
            r.IsDBNull(11) ? null : r.GetInt64(11), r.GetDecimal(12), r.GetBoolean(13), r.IsDBNull(14) ? null : r.GetString(14),
            rule, r.GetFieldValue<DateTimeOffset>(16));
    }

    public static async Task<List<KpiCheckinView>> ReadCheckinsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<KpiCheckinView>();
        while (await r.ReadAsync(ct)) list.Add(ReadCheckin(r, 0));
        return list;
    }

    /// <summary>A check-in from the current row's columns from <paramref name="at"/>: id, kpi_id, period_start, value, status, note, author, created_at.</summary>
    private static KpiCheckinView ReadCheckin(NpgsqlDataReader r, int at) =>
        new(r.GetInt64(at), r.GetInt64(at + 1), r.GetFieldValue<DateOnly>(at + 2), r.IsDBNull(at + 3) ? null : r.GetDecimal(at + 3),
            KpiStatusNames.FromDb(r.GetString(at + 4)) ?? KpiStatus.NoData, r.IsDBNull(at + 5) ? null : r.GetString(at + 5), r.GetString(at + 6),
            r.GetFieldValue<DateTimeOffset>(at + 7));
}

/// <summary>
/// One read's answer for a set of units: the KPI side (KPIs, the units whose lines are expanded — the requested ones
/// and the cascade below them down to the requested level —, targets by (KPI, period start), latest check-ins by KPI;
/// possibly kept from an earlier read, so shared and read-only) and cells by (unit, slice, period start).
/// </summary>
public sealed record ScorecardData(KpiSide Side, IReadOnlyDictionary<(long Unit, Slice Slice, DateOnly Start), CellStats> Cells);

/// <summary>
/// Status rules by their stored JSON text. Every scorecard read meets the same few rules (KPIs share them), and parsing
/// each KPI's JSON on every request cost about a tenth of reading the KPIs. Rules are immutable records; the cache
/// stops growing at <see cref="Limit"/> distinct texts (beyond that, rules are parsed per read).
/// </summary>
internal static class ParsedRules
{
    private const int Limit = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StatusRule> Rules = new(StringComparer.Ordinal);

    public static StatusRule Get(string json)
    {
        if (Rules.TryGetValue(json, out var rule)) return rule;
        using (var document = JsonDocument.Parse(json)) rule = StatusRule.FromJson(document);
        if (Rules.Count < Limit) Rules.TryAdd(json, rule);
        return rule;
    }
}
