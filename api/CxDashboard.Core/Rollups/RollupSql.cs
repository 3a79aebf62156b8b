namespace CxDashboard.Core.Rollups;

/// <summary>The SQL of the rollup engine, generated from <see cref="CellColumns"/>.</summary>
internal static class RollupSql
{
    internal const string DimName =
        "CASE WHEN GROUPING(channel) = 0 THEN 'channel' WHEN GROUPING(journey_stage) = 0 THEN 'journey_stage' WHEN GROUPING(segment) = 0 THEN 'segment' ELSE 'all' END";
    internal const string DimValue =
        "CASE WHEN GROUPING(channel) = 0 THEN channel WHEN GROUPING(journey_stage) = 0 THEN journey_stage WHEN GROUPING(segment) = 0 THEN segment ELSE '' END";
    internal const string Sets =
        "GROUPING SETS ((org_unit_id, day), (org_unit_id, day, channel), (org_unit_id, day, journey_stage), (org_unit_id, day, segment))";

    internal static string Names(IEnumerable<CellColumn> cols, string prefix = "") => string.Join(", ", cols.Select(c => prefix + c.Name));
    internal static string Sums(IEnumerable<CellColumn> cols, string alias = "") =>
        string.Join(", ", cols.Select(c => $"sum({alias}{c.Name})::{c.SqlType} AS {c.Name}"));

    /// <summary>
    /// Sums as stored in a cell: a zero statistic is stored as NULL (one bit of the row's null bitmap instead of 4 or 8
    /// bytes; most of a cell's 56 histogram buckets are zero), and readers read NULL as 0 (ADR 0006). sum() skips NULLs.
    /// </summary>
    internal static string StoredSums(IEnumerable<CellColumn> cols, string alias = "") =>
        string.Join(", ", cols.Select(c => $"nullif(sum({alias}{c.Name}), 0)::{c.SqlType} AS {c.Name}"));

    /// <summary>Each unit's own cells of a refresh (zeros as 0 here; the cells store them as NULL).</summary>
    public static string CreateOwn() => $"""
        CREATE TEMP TABLE own (unit_id bigint, day date, dim text, dim_value text,
            {string.Join(", ", CellColumns.All.Select(c => $"{c.Name} {c.SqlType} DEFAULT 0"))}) ON COMMIT DROP
        """;

    /// <summary>
    /// Each unit's own facts per day and slice. A full rebuild reads every row (<paramref name="join"/> empty); a refresh
    /// joins the marked (unit, day) pairs (<see cref="Marked"/>), read by the (unit, time) index.
    /// </summary>
    public static string FillOwnResponses(string join = "") => $"""
        INSERT INTO own (unit_id, day, dim, dim_value, {Names(CellColumns.Responses)})
        SELECT org_unit_id, day, {DimName}, {DimValue}, {string.Join(", ", CellColumns.Responses.Select(c => c.Aggregate))}
        FROM (SELECT f.*, (f.responded_at AT TIME ZONE 'UTC')::date AS day FROM survey_response f {join.Replace("{time}", "responded_at")}) f
        GROUP BY {Sets}
        """;

    public static string FillOwnInteractions(string join = "") => $"""
        INSERT INTO own (unit_id, day, dim, dim_value, {Names(CellColumns.Interactions)})
        SELECT org_unit_id, day, {DimName}, {DimValue}, {string.Join(", ", CellColumns.Interactions.Select(c => c.Aggregate))}
        FROM (SELECT f.*, (f.opened_at AT TIME ZONE 'UTC')::date AS day, {CellColumns.InteractionBuckets}
              FROM interaction f {join.Replace("{time}", "opened_at")}) f
        GROUP BY {Sets}
        """;

    /// <summary>The rows of the marked (unit, day) pairs of table alias f; {time} is the table's time column.</summary>
    public const string Marked = "JOIN marks m ON f.org_unit_id = m.unit_id AND f.{time} >= m.t0 AND f.{time} < m.t1";

    /// <summary>Every (unit, day) marked in this run's snapshot of dirty_day, with the day's bounds as timestamps for the index.</summary>
    public const string CreateMarks = """
        CREATE TEMP TABLE marks ON COMMIT DROP AS
        SELECT unit_id, day, (day::timestamp AT TIME ZONE 'UTC') AS t0, ((day + 1)::timestamp AT TIME ZONE 'UTC') AS t1
        FROM (SELECT DISTINCT org_unit_id AS unit_id, day FROM consumed) d;
        ANALYZE marks
        """;

    /// <summary>
    /// The engagement nodes whose subtrees make up each partner (unit_id, partner_id): those with no ancestor engaged by
    /// the same partner. Their subtrees are disjoint, so a partner's cell is the sum of their subtree cells and counts
    /// each fact once.
    /// </summary>
    public const string PartnerRoots = """
        SELECT u.id AS unit_id, u.partner_id FROM org_unit u
        WHERE u.partner_id IS NOT NULL AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.ancestor_id = u.id AND s.depth = 0)
          AND NOT EXISTS (SELECT 1 FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id
                          WHERE c.descendant_id = u.id AND c.depth > 0 AND a.partner_id = u.partner_id)
        """;

    public const string CreatePartnerRoots = $"""
        CREATE TEMP TABLE partner_root ON COMMIT DROP AS {PartnerRoots};
        ANALYZE partner_root
        """;

    /// <summary>
    /// A full rebuild writes every cell into this new table, without indexes, and swaps it in at the end (RollupEngine):
    /// loading 1.4M wide rows into an indexed table and building the indexes afterwards differ about threefold.
    /// </summary>
    public const string NextCells = "rollup_cell_next";

    public const string CreateNextCells = $"CREATE TABLE {NextCells} (LIKE rollup_cell INCLUDING ALL EXCLUDING INDEXES)";

    /// <summary>
    /// Run between the day cells and the coarse cells of a full rebuild: the day cells (five sixths of the table, most of
    /// them never written again) are packed, and the week, month, quarter and year cells, four fifths of what every
    /// refresh updates, get half of each page free, so those updates are HOT (the new row version on its page, no index
    /// entry; no index includes a statistic: migration LooseCoarseCells). The fillfactor stays on the table, so the
    /// cells a refresh inserts (a new day) get room for the refreshes after it. LIKE does not copy it, so the day cells
    /// are written at the default 100.
    /// </summary>
    public const string LoosenNextCells = $"ALTER TABLE {NextCells} SET (fillfactor = 50)";

    /// <summary>Every index of rollup_cell (name, definition, and its constraint's name and definition if it backs one).</summary>
    public const string CellIndexes = """
        SELECT c.relname, pg_get_indexdef(i.indexrelid), k.conname, pg_get_constraintdef(k.oid)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
        WHERE i.indrelid = 'rollup_cell'::regclass
        ORDER BY c.relname
        """;

    /// <summary>
    /// What each marked (unit, day) changes by, per slice: its new own cell (table own, from the raw rows) minus its old
    /// one, which is the stored subtree cell minus the stored subtree cells of its children. Only non-zero rows.
    /// </summary>
    public static string CreateDelta() => $"""
        CREATE TEMP TABLE delta ON COMMIT DROP AS
        SELECT unit_id, day, dim, dim_value, {Sums(CellColumns.All)}
        FROM (SELECT unit_id, day, dim, dim_value, {Names(CellColumns.All)} FROM own
              UNION ALL
              SELECT m.unit_id, m.day, c.dim, c.dim_value, {Names(CellColumns.All, "-c.")}
              FROM marks m JOIN rollup_cell c ON c.subject_kind = 0 AND c.subject_id = m.unit_id AND c.grain = 'day' AND c.period_start = m.day
              UNION ALL
              SELECT m.unit_id, m.day, c.dim, c.dim_value, {Names(CellColumns.All, "c.")}
              FROM marks m JOIN org_unit_closure k ON k.ancestor_id = m.unit_id AND k.depth = 1
              JOIN rollup_cell c ON c.subject_kind = 0 AND c.subject_id = k.descendant_id AND c.grain = 'day' AND c.period_start = m.day) x
        GROUP BY unit_id, day, dim, dim_value
        HAVING {string.Join(" OR ", CellColumns.All.Select(c => $"sum({c.Name}) <> 0"))}
        """;

    /// <summary>The change of every subject's day cells: each unit's delta goes to all its ancestors and to its partners.</summary>
    public static string CreateDeltaCells() => $"""
        CREATE TEMP TABLE delta_cells ON COMMIT DROP AS
        SELECT 0::smallint AS subject_kind, k.ancestor_id AS subject_id, d.day, d.dim, d.dim_value, {Sums(CellColumns.All, "d.")}
        FROM delta d JOIN org_unit_closure k ON k.descendant_id = d.unit_id
        GROUP BY k.ancestor_id, d.day, d.dim, d.dim_value
        UNION ALL
        SELECT 1::smallint, e.partner_id, d.day, d.dim, d.dim_value, {Sums(CellColumns.All, "d.")}
        FROM delta d JOIN org_unit_closure k ON k.descendant_id = d.unit_id JOIN partner_root e ON e.unit_id = k.ancestor_id
        GROUP BY e.partner_id, d.day, d.dim, d.dim_value
        """;

    /// <summary>
    /// The change of every cell of every grain: delta_cells holds one row per subject, day and slice, so it is the day
    /// grain as it is, and so is a coarser grain in which no two of the changed <paramref name="days"/> share a period
    /// (the usual refresh: one day); otherwise that grain is summed from it. One upsert then takes all of them, sorted
    /// by the primary key so that it walks the key index and the cells' pages in order (one upsert per grain, each
    /// grouping delta_cells again and probing at random, took about a fifth longer).
    /// </summary>
    public static string CreateGrainDelta(IReadOnlyCollection<DateOnly> days) => $"""
        CREATE TEMP TABLE grain_delta ON COMMIT DROP AS
        SELECT subject_kind, subject_id, 'day'::text AS grain, day AS period_start, dim, dim_value, {Names(CellColumns.All)} FROM delta_cells
        {string.Join("", RollupGrains.Coarser.Select(g => days.Select(d => RollupGrains.PeriodStart(g, d)).Distinct().Count() == days.Count
            ? $"""

                UNION ALL
                SELECT subject_kind, subject_id, '{g}', date_trunc('{g}', day)::date, dim, dim_value, {Names(CellColumns.All)} FROM delta_cells
                """
            : $"""

                UNION ALL
                SELECT subject_kind, subject_id, '{g}', date_trunc('{g}', day)::date, dim, dim_value, {Sums(CellColumns.All)}
                FROM delta_cells GROUP BY subject_kind, subject_id, date_trunc('{g}', day), dim, dim_value
                """))}
        """;

    /// <summary>
    /// Adds the change into the cells (a cell the change creates is inserted), then deletes the cells it emptied: a cell
    /// with no response and no contact holds no fact, and a full rebuild would not have it. Zeros are stored as NULL, as
    /// the rebuild writes them (<see cref="StoredSums"/>). Only a cell whose responses or contacts went down can have been
    /// emptied, so only those are looked up again (a change of new rows looks up none).
    /// </summary>
    public static string ApplyDelta() => $"""
        INSERT INTO rollup_cell (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, grain, period_start, dim, dim_value, {string.Join(", ", CellColumns.All.Select(c => $"nullif({c.Name}, 0)"))}
        FROM grain_delta ORDER BY subject_kind, subject_id, grain, period_start, dim, dim_value
        ON CONFLICT (subject_kind, subject_id, grain, period_start, dim, dim_value) DO UPDATE SET
            {string.Join(", ", CellColumns.All.Select(c => $"{c.Name} = nullif(coalesce(rollup_cell.{c.Name}, 0) + coalesce(EXCLUDED.{c.Name}, 0), 0)"))};
        DELETE FROM rollup_cell c USING grain_delta k
        WHERE (k.responses < 0 OR k.contacts < 0)
          AND c.subject_kind = k.subject_kind AND c.subject_id = k.subject_id AND c.grain = k.grain AND c.period_start = k.period_start
          AND c.dim = k.dim AND c.dim_value = k.dim_value AND coalesce(c.responses, 0) = 0 AND coalesce(c.contacts, 0) = 0
        """;

    public const string ClosureFingerprint = """
        SELECT md5(coalesce((SELECT string_agg(ancestor_id || ':' || descendant_id, ',' ORDER BY ancestor_id, descendant_id) FROM org_unit_closure), '')
                || '|' || coalesce((SELECT string_agg(id || ':' || partner_id, ',' ORDER BY id) FROM org_unit WHERE partner_id IS NOT NULL), ''))
        """;
}
