using System.Text.RegularExpressions;
using CxDashboard.Core.Drivers;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The SQL of the incremental refresh's change-log part (<see cref="IncrementalRefresh"/>): cells and driver cells change
/// by the sum of the importer's signed change rows (+1 a new row version, -1 a replaced one), as every statistic is a
/// count or a sum. Unit-days that are also recomputed from raw rows this run (marked in dirty_day) take no change rows.
/// </summary>
internal static partial class RefreshSql
{
    /// <summary>This run's snapshot of the change log, with each row's UTC day and an index for the unit-day lookups.</summary>
    public const string CreateChanges = """
        CREATE TEMP TABLE response_changes ON COMMIT DROP AS
        SELECT c.*, (c.responded_at AT TIME ZONE 'UTC')::date AS day FROM survey_response_change c;
        CREATE TEMP TABLE interaction_changes ON COMMIT DROP AS
        SELECT c.*, (c.opened_at AT TIME ZONE 'UTC')::date AS day FROM interaction_change c;
        -- Driver cells pair changed responses with changed interactions (P(dR, dI)) by this key: without an index that
        -- join, under the run's ban on hash joins, compared every pair (8,000 × 25,000 in the benchmark: minutes).
        CREATE INDEX ON interaction_changes (external_id);
        -- Only the columns plans join and group on: statistics of all ~30 columns took 0.4 s of a 4 s refresh.
        ANALYZE response_changes (org_unit_id, day, interaction_external_id, responded_at);
        ANALYZE interaction_changes (org_unit_id, day, external_id, opened_at);
        CREATE INDEX ON marks (unit_id, day);
        """;

    /// <summary>
    /// The change rows a run consumed leave the log with its commit, so each is applied exactly once. In the run's
    /// REPEATABLE READ snapshot these deletes see, and delete, exactly the rows the run read (whatever order concurrent
    /// imports' ids commit in); rows committed after the snapshot are invisible to them and stay for the next run. Only
    /// runs delete change rows, and runs are serialised, so these deletes never conflict.
    /// </summary>
    public const string DeleteConsumedChanges = """
        DELETE FROM survey_response_change;
        DELETE FROM interaction_change
        """;

    /// <summary>
    /// The signed form of a cell aggregate over change rows (column <c>sign</c>): count(*) becomes sum(sign), count(x)
    /// the sum of sign where x is not null, sum(x) sum(sign * x), each keeping its FILTER. An aggregate of another form
    /// has no signed form here and fails loudly rather than being summed wrong.
    /// </summary>
    public static string Signed(string aggregate)
    {
        if (CountStar().Match(aggregate) is { Success: true } star) return $"coalesce(sum(sign){star.Groups[1].Value}, 0)";
        if (CountColumn().Match(aggregate) is { Success: true } col) return $"coalesce(sum(sign) FILTER (WHERE {col.Groups[1].Value} IS NOT NULL), 0)";
        if (SumOf().Match(aggregate) is { Success: true } sum) return $"coalesce(sum(sign * ({sum.Groups[1].Value})), 0)";
        throw new InvalidOperationException($"no signed form for the cell aggregate '{aggregate}'");
    }

    [GeneratedRegex(@"^count\(\*\)((?: FILTER \(WHERE .*\))?)$")]
    private static partial Regex CountStar();

    [GeneratedRegex(@"^count\((\w+)\)$")]
    private static partial Regex CountColumn();

    [GeneratedRegex(@"^coalesce\(sum\((.*)\), 0\)$")]
    private static partial Regex SumOf();

    // Typed as the cell column: the outer sum of a bigint (what sum(sign) gives) would be numeric, several times slower.
    private static string Own(IEnumerable<CellColumn> of) =>
        string.Join(", ", CellColumns.All.Select(c => of.Contains(c) ? $"{Signed(c.Aggregate)}::{c.SqlType} AS {c.Name}" : $"0::{c.SqlType} AS {c.Name}"));

    private const string NotMarked = "NOT EXISTS (SELECT 1 FROM marks m WHERE m.unit_id = f.org_unit_id AND m.day = f.day)";

    /// <summary>
    /// Adds to table delta (unit, day, slice) the own-cell change of the logged rows, per slice as the full rebuild groups
    /// them, for the unit-days not recomputed from raw rows (marks). Reads the change log only.
    /// </summary>
    public static string InsertChangeDelta() => $"""
        INSERT INTO delta (unit_id, day, dim, dim_value, {RollupSql.Names(CellColumns.All)})
        SELECT unit_id, day, dim, dim_value, {RollupSql.Sums(CellColumns.All)}
        FROM (SELECT org_unit_id AS unit_id, day, {RollupSql.DimName} AS dim, {RollupSql.DimValue} AS dim_value, {Own(CellColumns.Responses)}
              FROM response_changes f WHERE {NotMarked}
              GROUP BY {RollupSql.Sets}
              UNION ALL
              SELECT org_unit_id AS unit_id, day, {RollupSql.DimName}, {RollupSql.DimValue}, {Own(CellColumns.Interactions)}
              FROM (SELECT f.*, {CellColumns.InteractionBuckets} FROM interaction_changes f WHERE {NotMarked}) f
              GROUP BY {RollupSql.Sets}) x
        GROUP BY unit_id, day, dim, dim_value
        HAVING {string.Join(" OR ", CellColumns.All.Select(c => $"sum({c.Name}) <> 0"))}
        """;

    /// <summary>
    /// Linked (response, interaction) pairs as <see cref="DriverCells.LinkedRows"/> makes them, each with weight
    /// <paramref name="weight"/>. The bounds on r.responded_at are implied by its window; they let a probe from an
    /// interaction read only the response months it can link to.
    /// </summary>
    private static string Pairs(string responses, string interactions, string weight) => DriverCells.LinkedRows("""
        r.interaction_external_id IS NOT NULL
          AND r.responded_at >= date_trunc('month', i.opened_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          AND r.responded_at < (date_trunc('month', (i.opened_at AT TIME ZONE 'UTC') + interval '35 days') + interval '1 month') AT TIME ZONE 'UTC'
        """, "true", responses, interactions, weight);

    /// <summary>
    /// The change of the driver day rows, bilinear in the linked rows: with R, I the current responses and interactions
    /// and dR, dI the signed change rows, P(R, I) - P(R - dR, I - dI) = P(dR, I) + P(R, dI) - P(dR, dI), grouped by the
    /// response's unit and day. Unit-days recomputed from raw rows this run (driver_marks) take none of it.
    /// </summary>
    public static string CreateDriverDelta() => $"""
        CREATE TEMP TABLE driver_delta ON COMMIT DROP AS
        SELECT f.org_unit_id, f.day, sum(f.w) AS linked, {string.Join(", ", DriverCells.Aggregates("f.w").Zip(DriverCells.CountColumns, (a, c) => $"{a} AS {c}"))}
        FROM ({Pairs("response_changes r", "interaction i", "r.sign")}
              UNION ALL
              {Pairs("survey_response r", "interaction_changes i", "i.sign")}
              UNION ALL
              {Pairs("response_changes r", "interaction_changes i", "-(r.sign * i.sign)")}) f
        WHERE NOT EXISTS (SELECT 1 FROM driver_marks m WHERE m.unit_id = f.org_unit_id AND m.day = f.day)
        GROUP BY f.org_unit_id, f.day
        HAVING sum(f.w) <> 0 OR {string.Join(" OR ", DriverCells.Aggregates("f.w").Select(a => $"{a} <> 0"))}
        """;

    /// <summary>
    /// Adds the change to the day rows (a row it creates is inserted), then deletes the rows it emptied: a full rebuild
    /// writes a row only for a unit-day with linked pairs, and every count is a count of some of those pairs.
    /// </summary>
    public static string ApplyDriverDelta() => $"""
        INSERT INTO driver_cell (org_unit_id, grain, period_start, linked, {string.Join(", ", DriverCells.CountColumns)})
        SELECT org_unit_id, 'day', day, linked, {string.Join(", ", DriverCells.CountColumns)} FROM driver_delta
        ON CONFLICT (org_unit_id, grain, period_start) DO UPDATE SET linked = driver_cell.linked + EXCLUDED.linked,
            {string.Join(", ", DriverCells.CountColumns.Select(c => $"{c} = driver_cell.{c} + EXCLUDED.{c}"))};
        DELETE FROM driver_cell d USING driver_delta x
        WHERE d.org_unit_id = x.org_unit_id AND d.grain = 'day' AND d.period_start = x.day AND d.linked = 0
        """;
}
