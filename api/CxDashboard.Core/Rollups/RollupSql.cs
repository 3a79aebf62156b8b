namespace CxDashboard.Core.Rollups;

/// <summary>The SQL of the rollup engine, generated from <see cref="CellColumns"/>.</summary>
internal static class RollupSql
{
    private const string DimName =
        "CASE WHEN GROUPING(channel) = 0 THEN 'channel' WHEN GROUPING(journey_stage) = 0 THEN 'journey_stage' WHEN GROUPING(segment) = 0 THEN 'segment' ELSE 'all' END";
    private const string DimValue =
        "CASE WHEN GROUPING(channel) = 0 THEN channel WHEN GROUPING(journey_stage) = 0 THEN journey_stage WHEN GROUPING(segment) = 0 THEN segment ELSE '' END";
    private const string Sets =
        "GROUPING SETS ((org_unit_id, day), (org_unit_id, day, channel), (org_unit_id, day, journey_stage), (org_unit_id, day, segment))";

    private static string Names(IEnumerable<CellColumn> cols) => string.Join(", ", cols.Select(c => c.Name));
    private static string Sums(IEnumerable<CellColumn> cols, string alias = "") =>
        string.Join(", ", cols.Select(c => $"sum({alias}{c.Name})::{c.SqlType} AS {c.Name}"));

    public static string CreateOwn() => $"""
        CREATE TEMP TABLE own (unit_id bigint, day date, dim text, dim_value text,
            {string.Join(", ", CellColumns.All.Select(c => $"{c.Name} {c.SqlType} NOT NULL DEFAULT 0"))}) ON COMMIT DROP
        """;

    /// <summary>Each unit's own facts per day and slice; <paramref name="where"/> limits the rows read (partition pruning).</summary>
    public static string FillOwnResponses(string where) => $"""
        INSERT INTO own (unit_id, day, dim, dim_value, {Names(CellColumns.Responses)})
        SELECT org_unit_id, day, {DimName}, {DimValue}, {string.Join(", ", CellColumns.Responses.Select(c => c.Aggregate))}
        FROM (SELECT *, (responded_at AT TIME ZONE 'UTC')::date AS day FROM survey_response WHERE {where.Replace("{time}", "responded_at")}) f
        GROUP BY {Sets}
        """;

    public static string FillOwnInteractions(string where) => $"""
        INSERT INTO own (unit_id, day, dim, dim_value, {Names(CellColumns.Interactions)})
        SELECT org_unit_id, day, {DimName}, {DimValue}, {string.Join(", ", CellColumns.Interactions.Select(c => c.Aggregate))}
        FROM (SELECT *, (opened_at AT TIME ZONE 'UTC')::date AS day, {CellColumns.InteractionBuckets}
              FROM interaction WHERE {where.Replace("{time}", "opened_at")}) f
        GROUP BY {Sets}
        """;

    /// <summary>
    /// Day cells of every subject: each unit over its whole subtree (closure table), and each partner
    /// over all its engagement nodes and what is under them (each fact counted once per partner).
    /// </summary>
    public static string CreateDayCells() => $"""
        CREATE TEMP TABLE day_cells ON COMMIT DROP AS
        SELECT 0::smallint AS subject_kind, c.ancestor_id AS subject_id, o.day, o.dim, o.dim_value, {Sums(CellColumns.All, "o.")}
        FROM own o JOIN org_unit_closure c ON c.descendant_id = o.unit_id
        GROUP BY c.ancestor_id, o.day, o.dim, o.dim_value
        UNION ALL
        SELECT 1::smallint, pm.partner_id, o.day, o.dim, o.dim_value, {Sums(CellColumns.All, "o.")}
        FROM own o JOIN (SELECT DISTINCT c.descendant_id, u.partner_id
                         FROM org_unit_closure c JOIN org_unit u ON u.id = c.ancestor_id
                         WHERE u.partner_id IS NOT NULL) pm ON pm.descendant_id = o.unit_id
        GROUP BY pm.partner_id, o.day, o.dim, o.dim_value
        """;

    public static string InsertDayCells() => $"""
        INSERT INTO rollup_cell (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, 'day', day, dim, dim_value, {Names(CellColumns.All)} FROM day_cells
        """;

    /// <summary>Coarser cells as sums of day cells; <paramref name="where"/> (over rollup_cell day rows) limits the periods.</summary>
    public static string InsertCoarser(string grain, string where) => $"""
        INSERT INTO rollup_cell (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, '{grain}', date_trunc('{grain}', period_start)::date, dim, dim_value, {Sums(CellColumns.All)}
        FROM rollup_cell WHERE grain = 'day' AND {where}
        GROUP BY subject_kind, subject_id, date_trunc('{grain}', period_start), dim, dim_value
        """;

    /// <summary>Coarser cells straight from this run's day cells (full rebuild: no need to read them back).</summary>
    public static string InsertCoarserFromDayCells(string grain) => $"""
        INSERT INTO rollup_cell (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, '{grain}', date_trunc('{grain}', day)::date, dim, dim_value, {Sums(CellColumns.All)}
        FROM day_cells
        GROUP BY subject_kind, subject_id, date_trunc('{grain}', day), dim, dim_value
        """;

    /// <summary>
    /// New minus old day cells of the touched days, per subject and slice: what every containing
    /// week, month, quarter and year must change by (cells are additive, so this is exact).
    /// </summary>
    public static string CreateDelta() => $"""
        CREATE TEMP TABLE delta ON COMMIT DROP AS
        SELECT subject_kind, subject_id, day, dim, dim_value, {Sums(CellColumns.All)}
        FROM (SELECT subject_kind, subject_id, day, dim, dim_value, {Names(CellColumns.All)} FROM day_cells
              UNION ALL
              SELECT subject_kind, subject_id, period_start, dim, dim_value, {string.Join(", ", CellColumns.All.Select(c => $"-{c.Name}"))}
              FROM rollup_cell WHERE grain = 'day' AND period_start = ANY(@days)) x
        GROUP BY subject_kind, subject_id, day, dim, dim_value
        """;

    /// <summary>Adds the delta into the coarser cells of one grain, then drops cells left empty.</summary>
    public static string ApplyDelta(string grain) => $"""
        INSERT INTO rollup_cell (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, '{grain}', date_trunc('{grain}', day)::date, dim, dim_value, {Sums(CellColumns.All)}
        FROM delta
        GROUP BY subject_kind, subject_id, date_trunc('{grain}', day), dim, dim_value
        ON CONFLICT (subject_kind, subject_id, grain, period_start, dim, dim_value) DO UPDATE SET
            {string.Join(", ", CellColumns.All.Select(c => $"{c.Name} = rollup_cell.{c.Name} + EXCLUDED.{c.Name}"))};
        DELETE FROM rollup_cell WHERE grain = '{grain}' AND period_start = ANY(@periods) AND responses = 0 AND contacts = 0
        """;

    public const string ClosureFingerprint = """
        SELECT md5(coalesce((SELECT string_agg(ancestor_id || ':' || descendant_id, ',' ORDER BY ancestor_id, descendant_id) FROM org_unit_closure), '')
                || '|' || coalesce((SELECT string_agg(id || ':' || partner_id, ',' ORDER BY id) FROM org_unit WHERE partner_id IS NOT NULL), ''))
        """;
}
