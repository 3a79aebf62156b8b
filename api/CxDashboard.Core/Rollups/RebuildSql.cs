using static CxDashboard.Core.Rollups.RollupSql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The SQL only a full rebuild runs (<see cref="FullRebuild"/>), generated from <see cref="CellColumns"/>. Every pass
/// over the ~90 sums of a cell costs about as much as reading the facts did, so the passes are few: each unit-day-slice
/// gets one own row (both fact tables joined while the interactions are read), the deepest units' subtree cells are
/// their own rows as they are, weeks and months come from one pass over the day cells, and day cells are written once.
/// </summary>
internal static class RebuildSql
{
    private const string Key = "unit_id, day, dim, dim_value";

    /// <summary>Sort memory of the day cells' write (<see cref="InsertDayCells"/>), one statement, the rest of the run keeps RollupEngine.WorkMem.</summary>
    public const string DaySortMem = "1GB";

    /// <summary>The statistics of raw rows as stored: a zero as NULL (<see cref="RollupSql.StoredSums"/>).</summary>
    private static string Aggregates(IEnumerable<CellColumn> cols) => string.Join(", ", cols.Select(c => $"nullif({c.Aggregate}, 0) AS {c.Name}"));

    /// <summary>
    /// Each unit's own response statistics per day and slice: 13 narrow columns, joined to the interactions next. Only the
    /// responses of <paramref name="range"/> (the days one connection of the rebuild takes, <see cref="RebuildRange"/>).
    /// </summary>
    public static string CreateOwnResponses(RebuildRange range) => $"""
        CREATE TEMP TABLE own_responses ON COMMIT DROP AS
        SELECT org_unit_id AS unit_id, day, {DimName} AS dim, {DimValue} AS dim_value, {Aggregates(CellColumns.Responses)}
        FROM (SELECT f.*, (f.responded_at AT TIME ZONE 'UTC')::date AS day FROM survey_response f {range.Where("f.responded_at")}) f
        GROUP BY {Sets};
        ANALYZE own_responses
        """;

    /// <summary>
    /// Each unit's own cells (table own): the interactions read and grouped, joined to the response rows of the same
    /// unit, day and slice, so every cell is one row carrying both families (a family without rows is NULL: zero, as
    /// stored). Written as separate rows (the refresh's
    /// shape), every later pass moved twice the rows, half of each row zeros, and had to group them back together.
    /// The response rows are hashed: the planner's other choice, sorting both sides for a merge join, sorted ~90 columns.
    /// </summary>
    public static string FillOwnJoined(RebuildRange range) => $"""
        SET LOCAL enable_mergejoin = off;
        INSERT INTO own ({Key}, {Names(CellColumns.All)})
        SELECT coalesce(r.unit_id, i.unit_id), coalesce(r.day, i.day), coalesce(r.dim, i.dim), coalesce(r.dim_value, i.dim_value),
               {Names(CellColumns.Responses, "r.")}, {Names(CellColumns.Interactions, "i.")}
        FROM own_responses r
        FULL JOIN (SELECT org_unit_id AS unit_id, day, {DimName} AS dim, {DimValue} AS dim_value, {Aggregates(CellColumns.Interactions)}
                   FROM (SELECT f.*, (f.opened_at AT TIME ZONE 'UTC')::date AS day, {CellColumns.InteractionBuckets} FROM interaction f {range.Where("f.opened_at")}) f
                   GROUP BY {Sets}) i
          ON i.unit_id = r.unit_id AND i.day = r.day AND i.dim = r.dim AND i.dim_value = r.dim_value;
        SET LOCAL enable_mergejoin TO DEFAULT;
        DROP TABLE own_responses
        """;

    /// <summary>The facts read (every fact is in one 'all' row of its unit and day) and the days they fall on.</summary>
    public const string RowsAndDays = "SELECT coalesce(sum(coalesce(responses, 0) + coalesce(contacts, 0)), 0)::bigint, count(DISTINCT day)::int FROM own WHERE dim = 'all'";

    /// <summary>The subtree day cells of the units on level <paramref name="level"/>: a unit on the deepest level has no children, so its own rows.</summary>
    private static string LevelSource(int level, int deepest) => level == deepest
        ? $"SELECT o.unit_id, o.day, o.dim, o.dim_value, {Names(CellColumns.All, "o.")} FROM own o JOIN tree t ON t.unit_id = o.unit_id WHERE t.level = {deepest}"
        : $"SELECT {Key}, {Names(CellColumns.All)} FROM level_{level}";

    /// <summary>
    /// Subtree day cells of the units on one level above the deepest (table level_N): their own rows plus their children's
    /// subtree cells, so raw facts are read once and each cell is summed from the cells just under it.
    /// </summary>
    public static string SumLevel(int level, int deepest) => $"""
        CREATE TEMP TABLE level_{level} ON COMMIT DROP AS
        SELECT {Key}, {StoredSums(CellColumns.All)}
        FROM (SELECT o.unit_id, o.day, o.dim, o.dim_value, {Names(CellColumns.All, "o.")}
              FROM own o JOIN tree t ON t.unit_id = o.unit_id WHERE t.level = {level}
              UNION ALL
              SELECT t.parent_id, s.day, s.dim, s.dim_value, {Names(CellColumns.All, "s.")}
              FROM ({LevelSource(level + 1, deepest)}) s JOIN tree t ON t.unit_id = s.unit_id) x
        GROUP BY {Key}
        """;

    /// <summary>The subtree day cells of every unit: the level tables and the deepest units' own rows.</summary>
    private static string SubtreeDays(int deepest) =>
        string.Join("\nUNION ALL\n", Enumerable.Range(0, Math.Max(deepest, -1) + 1).Select(l => LevelSource(l, deepest)).DefaultIfEmpty(
            $"SELECT {Key}, {Names(CellColumns.All)} FROM own WHERE false"));

    /// <summary>Partner day cells from the subtree day cells of their engagement roots (disjoint subtrees, so each fact once).</summary>
    public static string CreatePartnerDays(int deepest) => $"""
        CREATE TEMP TABLE partner_days ON COMMIT DROP AS
        SELECT e.partner_id, d.day, d.dim, d.dim_value, {StoredSums(CellColumns.All, "d.")}
        FROM ({SubtreeDays(deepest)}) d JOIN partner_root e ON e.unit_id = d.unit_id
        GROUP BY e.partner_id, d.day, d.dim, d.dim_value
        """;

    /// <summary>Every subject's day cells (subject_kind 0 = unit, 1 = partner).</summary>
    private static string Days(int deepest) => $"""
        SELECT 0::smallint AS subject_kind, unit_id AS subject_id, day, dim, dim_value, {Names(CellColumns.All)} FROM ({SubtreeDays(deepest)}) u
        UNION ALL
        SELECT 1::smallint, partner_id, day, dim, dim_value, {Names(CellColumns.All)} FROM partner_days
        """;

    /// <summary>
    /// Day cells into the new cells table, in day order: a refresh updates the cells of a few days for every subject, and with each day's
    /// cells on adjacent pages it dirties (and logs whole to the WAL) a few hundred pages rather than one page per cell.
    /// Written in random order, the benchmark's 51,000-row change took twice as long to refresh (6.2 against 3.1-3.5 s,
    /// 1M + 1M rows, both at load ~15).
    /// </summary>
    public static string InsertDayCells(int deepest) => $"""
        INSERT INTO {RollupSql.NextCells} (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, 'day', day, dim, dim_value, {Names(CellColumns.All)} FROM ({Days(deepest)}) d ORDER BY day
        """;

    /// <summary>The columns of a driver day row, as driver_cell and driver_days have them.</summary>
    public static readonly string DriverDayColumns = $"org_unit_id, grain, period_start, linked, {string.Join(", ", Drivers.DriverCells.CountColumns)}";

    /// <summary>Every connection's driver day rows until the run writes driver_cell (its columns, spelled out as the day cells').</summary>
    public static string CreateDriverDays() => $"""
        CREATE TEMP TABLE driver_days (org_unit_id bigint, grain text, period_start date, linked integer,
            {string.Join(", ", Drivers.DriverCells.CountColumns.Select(c => $"{c} integer"))}) ON COMMIT DROP
        """;

    /// <summary>
    /// The driver day rows of the responses in <paramref name="range"/> into driver_days; a response links interactions
    /// from 35 days before its month, so the interactions read reach that far back.
    /// </summary>
    public static string InsertDriverDays(RebuildRange range) => Drivers.DriverCells.InsertDays(range.Condition("r.responded_at"),
        range.Condition("i.opened_at", widenBefore: TimeSpan.FromDays(35)), target: "driver_days");

    /// <summary>The driver day rows into driver_cell (emptied first).</summary>
    public static readonly string WriteDriverDays = $"""
        DELETE FROM driver_cell;
        INSERT INTO driver_cell ({DriverDayColumns})
        SELECT {DriverDayColumns} FROM driver_days
        """;

    /// <summary>
    /// Each week's part inside one month (a week spans at most two) per subject and slice, from the day cells: a sixth as
    /// many rows as days, summed into weeks and months next (<see cref="WeeksAndMonths"/>).
    /// </summary>
    public static string CreateParts(int deepest) => $"""
        CREATE TEMP TABLE coarse_parts ON COMMIT DROP AS
        SELECT subject_kind, subject_id, date_trunc('week', day)::date AS week, date_trunc('month', day)::date AS month, dim, dim_value,
               {StoredSums(CellColumns.All)}
        FROM ({Days(deepest)}) d
        GROUP BY subject_kind, subject_id, date_trunc('week', day), date_trunc('month', day), dim, dim_value
        """;

    /// <summary>
    /// Week and month cells from the parts. Every statistic is a count or a sum, so this is exact. A week inside one
    /// month has one part, which is its cell as it is (stored form already); only the weeks across a month's end and the
    /// months are summed (one GROUPING SETS over all parts, summing every week, took twice the CPU time: 2.6 against
    /// 1.4 s, 1M + 1M rows).
    /// </summary>
    public static string WeeksAndMonths() => $"""
        CREATE TEMP TABLE coarse_cells ON COMMIT DROP AS
        SELECT subject_kind, subject_id, 'week'::text AS grain, week AS period_start, dim, dim_value, {Names(CellColumns.All)}
        FROM coarse_parts WHERE {WeekInsideMonth}
        UNION ALL
        SELECT subject_kind, subject_id, 'week', week, dim, dim_value, {StoredSums(CellColumns.All)}
        FROM coarse_parts WHERE NOT ({WeekInsideMonth})
        GROUP BY subject_kind, subject_id, week, dim, dim_value
        UNION ALL
        SELECT subject_kind, subject_id, 'month', month, dim, dim_value, {StoredSums(CellColumns.All)}
        FROM coarse_parts
        GROUP BY subject_kind, subject_id, month, dim, dim_value
        """;

    /// <summary>A part's week (its Monday) lies wholly inside the part's month.</summary>
    private const string WeekInsideMonth = "week >= month AND week + 6 < (month + interval '1 month')::date";

    /// <summary>
    /// Connections that split the days at <paramref name="boundary"/> each made a cell for a week or a month that has days
    /// on both sides: those two become one, their sum. Every other week and month lies on one side.
    /// </summary>
    public static string JoinAcross(DateOnly boundary)
    {
        var b = $"date '{boundary:yyyy-MM-dd}'";
        var across = $"grain IN ('week', 'month') AND period_start < {b} AND (period_start + CASE grain WHEN 'week' THEN interval '1 week' ELSE interval '1 month' END) > {b}";
        return $"""
            CREATE TEMP TABLE cells_across ON COMMIT DROP AS
            SELECT subject_kind, subject_id, grain, period_start, dim, dim_value, {StoredSums(CellColumns.All)}
            FROM coarse_cells WHERE {across}
            GROUP BY subject_kind, subject_id, grain, period_start, dim, dim_value;
            DELETE FROM coarse_cells WHERE {across};
            INSERT INTO coarse_cells SELECT * FROM cells_across;
            DROP TABLE cells_across
            """;
    }

    /// <summary>Quarter and year cells from the month cells, in one pass.</summary>
    public static string AddQuartersAndYears() => $"""
        INSERT INTO coarse_cells
        SELECT subject_kind, subject_id, CASE WHEN GROUPING(quarter) = 0 THEN 'quarter' ELSE 'year' END, coalesce(quarter, year),
               dim, dim_value, {StoredSums(CellColumns.All)}
        FROM (SELECT subject_kind, subject_id, date_trunc('quarter', period_start)::date AS quarter, date_trunc('year', period_start)::date AS year,
                     dim, dim_value, {Names(CellColumns.All)}
              FROM coarse_cells WHERE grain = 'month') m
        GROUP BY subject_kind, subject_id, dim, dim_value, GROUPING SETS ((quarter), (year))
        """;

    /// <summary>
    /// Every coarser cell into the new table after the day cells, grain by grain, each period's cells together (as the
    /// days'), so a refresh's updates of one week or month touch adjacent pages.
    /// </summary>
    public static readonly string InsertCoarseCells = $"""
        INSERT INTO {RollupSql.NextCells} (subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)})
        SELECT subject_kind, subject_id, grain, period_start, dim, dim_value, {Names(CellColumns.All)} FROM coarse_cells
        ORDER BY grain, period_start
        """;

    /// <summary>Sort memory of the index builds (maintenance_work_mem), set for that step alone.</summary>
    public const string IndexSortMem = "1GB";

    /// <summary>
    /// Statistics of the columns queries filter or join on: the planner reads no others, and sampling all ~90 columns of
    /// a cell took several times as long.
    /// </summary>
    public const string AnalyzeNextCells =
        $"ANALYZE {RollupSql.NextCells} (subject_kind, subject_id, grain, period_start, dim, dim_value, responses, contacts)";
}
