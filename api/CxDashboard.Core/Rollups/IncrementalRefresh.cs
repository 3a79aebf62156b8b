using CxDashboard.Core.Drivers;
using Npgsql;
using static CxDashboard.Core.Rollups.RollupEngine;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The incremental branch of a rollup run, inside its REPEATABLE READ transaction. Rows the importer merged are in its
/// change log (survey_response_change, interaction_change: +1 per new row version, -1 per replaced one), and every cell
/// statistic is a count or a sum, so each unit-day's own change is the signed sum of its change rows: no fact row is read
/// for them, and the cost follows the change, not the history. Unit-days marked in dirty_day (writes that bypass the
/// importer, first bulk loads of a month) are recomputed from raw rows as before, and take no change rows. The change of
/// every own cell then goes to the unit's ancestors and partners at every grain; driver cells change by the bilinear
/// formula of <see cref="RefreshSql.CreateDriverDelta"/>.
/// </summary>
internal static class IncrementalRefresh
{
    /// <summary>Runs the refresh; returns the distinct days changed and the cells written.</summary>
    public static async Task<(int Days, long Cells)> RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RunProgress steps, CancellationToken ct)
    {
        await ExecAsync(conn, tx, RollupSql.CreateMarks, ct);
        await ExecAsync(conn, tx, RefreshSql.CreateChanges, ct);
        var days = await ScalarAsync<int>(conn, tx, """
            SELECT count(*)::int FROM (SELECT day FROM marks UNION SELECT day FROM response_changes UNION SELECT day FROM interaction_changes) d
            """, ct);
        long cells = 0;
        if (days > 0)
        {
            // Everything below is driven by a few hundred marked keys or the change rows, and reads by index. The planner
            // cannot see that each probe of a partitioned table is pruned to one partition at run time, so it costs a
            // probe against every month and prefers hash joins that scan whole months: those are ruled out here. Those
            // inflated costs also made it JIT-compile the ~90 sums of each statement, which took longer than the
            // statement (0.5 s and more): off for the same reason.
            await ExecAsync(conn, tx, "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL jit = off", ct);
            // Step names are shown translated by the web app (data-jobs/api/rollup-runs.ts stepMessage): rename both.
            // The first step sums the change log's rows; only unit-days marked in dirty_day are read from the fact tables.
            await steps.StepAsync($"summing the changed rows of {days} day(s)", ct);
            if (await ScalarAsync<bool>(conn, tx, "SELECT EXISTS (SELECT 1 FROM marks)", ct))
            {
                await ExecAsync(conn, tx, RollupSql.FillOwnResponses(RollupSql.Marked), ct);
                await ExecAsync(conn, tx, RollupSql.FillOwnInteractions(RollupSql.Marked), ct);
            }
            await ExecAsync(conn, tx, RollupSql.CreateDelta(), ct);
            await ExecAsync(conn, tx, RefreshSql.InsertChangeDelta(), ct);
            await steps.StepAsync("adding the change to the units and partners above, every grain", ct, rowsRead: await RowsReadAsync(conn, tx, ct));
            await ExecAsync(conn, tx, RollupSql.CreatePartnerRoots, ct);
            await ExecAsync(conn, tx, RollupSql.CreateDeltaCells(), ct);
            await ExecAsync(conn, tx, RollupSql.CreateGrainDelta(await DeltaDaysAsync(conn, tx, ct)), ct);
            cells = await ExecAsync(conn, tx, RollupSql.ApplyDelta(), ct);
            await steps.StepAsync("adding the change to the driver cells", ct, cellsWritten: cells);
            await RefreshDriverCellsAsync(conn, tx, ct);
            await ExecAsync(conn, tx, "SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT; SET LOCAL jit TO DEFAULT", ct);
        }
        return (days, cells);
    }

    /// <summary>
    /// Driver cells: the unit-days marked in dirty_day are recomputed from raw rows (driver_marks: the unit-days with
    /// marked responses, and those of responses linked to an interaction of a marked interaction day, found by the link
    /// index, never by scanning months); every other unit-day changes by the change log's delta. Then the month rows of
    /// the touched units and months are re-summed from their day rows.
    /// </summary>
    private static async Task RefreshDriverCellsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        // A response links interactions opened from 35 days before its month to the end of it, so the responses linked to an
        // interaction of day d (before or after its change: both days are marked) lie in d's month or the next two. Only
        // those months are probed (runs of them, so a late day months back does not make every month between probed for
        // every interaction); with no changed interaction there are none.
        var months = await ResponseMonthsOfInteractionMarksAsync(conn, tx, ct);
        var inMonths = months.Count == 0 ? "false"
            : string.Join(" OR ", months.Select((_, k) => $"(r.responded_at >= @rfrom{k} AND r.responded_at < @rto{k})"));
        await ExecAsync(conn, tx, $"""
            CREATE TEMP TABLE driver_marks ON COMMIT DROP AS
            SELECT unit_id, day, (day::timestamp AT TIME ZONE 'UTC') AS t0, ((day + 1)::timestamp AT TIME ZONE 'UTC') AS t1
            FROM (SELECT org_unit_id AS unit_id, day FROM consumed WHERE fact = 'response'
                  UNION
                  SELECT r.org_unit_id, (r.responded_at AT TIME ZONE 'UTC')::date
                  FROM consumed c
                  JOIN interaction i ON i.org_unit_id = c.org_unit_id
                   AND i.opened_at >= (c.day::timestamp AT TIME ZONE 'UTC') AND i.opened_at < ((c.day + 1)::timestamp AT TIME ZONE 'UTC')
                  JOIN survey_response r ON r.interaction_external_id = i.external_id AND r.interaction_external_id IS NOT NULL
                   AND ({inMonths})
                  WHERE c.fact = 'interaction') d;
            CREATE INDEX ON driver_marks (unit_id, day);
            ANALYZE driver_marks
            """, ct, [.. months.SelectMany((m, k) => new[] { ($"rfrom{k}", (object)Utc(m.From)), ($"rto{k}", Utc(m.To)) })]);
        await ExecAsync(conn, tx, """
            DELETE FROM driver_cell d USING driver_marks m WHERE d.org_unit_id = m.unit_id AND d.grain = 'day' AND d.period_start = m.day
            """, ct);
        await ExecAsync(conn, tx, DriverCells.InsertDays("true", "true",
            "driver_marks m JOIN survey_response r ON r.org_unit_id = m.unit_id AND r.responded_at >= m.t0 AND r.responded_at < m.t1"), ct);
        await ExecAsync(conn, tx, RefreshSql.CreateDriverDelta(), ct);
        await ExecAsync(conn, tx, RefreshSql.ApplyDriverDelta(), ct);
        await ExecAsync(conn, tx, """
            CREATE TEMP TABLE driver_months ON COMMIT DROP AS
            SELECT DISTINCT unit_id, date_trunc('month', day)::date AS month
            FROM (SELECT unit_id, day FROM driver_marks UNION ALL SELECT org_unit_id, day FROM driver_delta) d;
            DELETE FROM driver_cell d USING driver_months m WHERE d.org_unit_id = m.unit_id AND d.grain = 'month' AND d.period_start = m.month
            """, ct);
        await ExecAsync(conn, tx, DriverCells.InsertMonthsOf("driver_months"), ct);
    }

    /// <summary>
    /// The months whose responses may link an interaction of a marked interaction day d (d's month up to the month of
    /// d + 35 days), merged into runs [From, To).
    /// </summary>
    private static async Task<List<(DateOnly From, DateOnly To)>> ResponseMonthsOfInteractionMarksAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var runs = new List<(DateOnly From, DateOnly To)>();
        await using var cmd = new NpgsqlCommand("SELECT DISTINCT day FROM consumed WHERE fact = 'interaction' ORDER BY day", conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var day = r.GetFieldValue<DateOnly>(0);
            var (from, to) = (RollupGrains.PeriodStart("month", day), RollupGrains.PeriodStart("month", day.AddDays(35)).AddMonths(1));
            if (runs.Count > 0 && from <= runs[^1].To) runs[^1] = (runs[^1].From, to > runs[^1].To ? to : runs[^1].To);
            else runs.Add((from, to));
        }
        return runs;
    }

    private static async Task<List<DateOnly>> DeltaDaysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var days = new List<DateOnly>();
        await using var cmd = new NpgsqlCommand("SELECT DISTINCT day FROM delta", conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) days.Add(r.GetFieldValue<DateOnly>(0));
        return days;
    }

    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
