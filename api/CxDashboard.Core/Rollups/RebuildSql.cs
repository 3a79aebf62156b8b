using static CxDashboard.Core.Rollups.RollupSql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The SQL only a full rebuild runs (<see cref="FullRebuild"/>), generated from <see cref="CellColumns"/>: each unit's own
/// statistics per day and slice, read out as binary COPY (the sums above them are added up in memory), the driver day
/// rows, and the settings of the new cells table.
/// </summary>
internal static class RebuildSql
{
    /// <summary>Fields of a row of <see cref="ReadResponses"/> and <see cref="ReadInteractions"/> before the statistics: unit, day, dim, dim_value.</summary>
    public const int KeyFields = 4;

    /// <summary>
    /// Each unit's own response statistics per day and slice of the facts in <paramref name="chunk"/>: org_unit_id, day,
    /// dim, dim_value, then <see cref="CellColumns.Responses"/> in their cell types, a zero as NULL (as stored).
    /// </summary>
    public static string ReadResponses(RebuildRange chunk) => Read(CellColumns.Responses,
        $"SELECT f.*, (f.responded_at AT TIME ZONE 'UTC')::date AS day FROM survey_response f {chunk.Where("f.responded_at")}");

    /// <summary>The same of the interactions (<see cref="CellColumns.Interactions"/>).</summary>
    public static string ReadInteractions(RebuildRange chunk) => Read(CellColumns.Interactions,
        $"SELECT f.*, (f.opened_at AT TIME ZONE 'UTC')::date AS day, {CellColumns.InteractionBuckets} FROM interaction f {chunk.Where("f.opened_at")}");

    private static string Read(CellColumn[] columns, string rows) => $"""
        COPY (SELECT org_unit_id::bigint, day, {DimName}, {DimValue}, {string.Join(", ", columns.Select(c => $"nullif(({c.Aggregate})::{c.SqlType}, 0)"))}
              FROM ({rows}) f
              GROUP BY {Sets}) TO STDOUT (FORMAT binary)
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

    /// <summary>Sort memory of the index builds (maintenance_work_mem), set for that step alone.</summary>
    public const string IndexSortMem = "1GB";

    /// <summary>
    /// Statistics of the columns queries filter or join on: the planner reads no others, and sampling all ~90 columns of
    /// a cell took several times as long.
    /// </summary>
    public const string AnalyzeNextCells =
        $"ANALYZE {RollupSql.NextCells} (subject_kind, subject_id, grain, period_start, dim, dim_value, responses, contacts)";
}
