using System.Data;
using System.Diagnostics;
using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// Turns raw facts into rollup cells. A full rebuild recomputes everything; an incremental refresh
/// recomputes only the days marked in <c>dirty_day</c> (for every subject, since each day cell of an
/// ancestor sums all its descendants) and then the weeks, months, quarters and years containing
/// them. Each run is one REPEATABLE READ transaction, so readers see the old cells or the new ones,
/// never half a period, and rows imported during a run are left for the next one. Runs are
/// serialised by an advisory lock; a changed org tree (closure) forces a full rebuild.
/// </summary>
public sealed class RollupEngine(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x6378_726F_6C6C; // "cxroll"

    public Task<RollupRun> RebuildAsync(Action<string>? progress = null, CancellationToken ct = default) =>
        RunAsync(forceFull: true, progress, ct);

    public Task<RollupRun> RefreshAsync(Action<string>? progress = null, CancellationToken ct = default) =>
        RunAsync(forceFull: false, progress, ct);

    private async Task<RollupRun> RunAsync(bool forceFull, Action<string>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // Session lock first, so the job_run row below is committed before this run's snapshot is taken.
        await ExecAsync(conn, null, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            // Holding the lock means no other run is alive: any run still marked running was cut off.
            var jobRunId = await StartJobRunAsync(forceFull ? "rollup-rebuild" : "rollup-refresh", ct);
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            return await RunLockedAsync(conn, tx, jobRunId, forceFull, clock, progress, ct);
        }
        finally
        {
            await ExecAsync(conn, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private async Task<RollupRun> RunLockedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long jobRunId, bool forceFull,
        Stopwatch clock, Action<string>? progress, CancellationToken ct)
    {
        try
        {
            var watermark = await ScalarAsync<DateTime>(conn, tx, "SELECT now()", ct);
            var fingerprint = await ScalarAsync<string>(conn, tx, RollupSql.ClosureFingerprint, ct);
            var state = await ScalarAsync<string?>(conn, tx, "SELECT closure_fingerprint FROM rollup_state WHERE id = 1", ct);
            var full = forceFull || state is null || state != fingerprint;
            var mode = full ? (forceFull ? "full" : "full (org tree changed or first run)") : "incremental";
            var steps = new RunProgress(dataSource, jobRunId, full ? 4 + RollupGrains.Coarser.Length : 4, progress);

            await ExecAsync(conn, tx, """
                CREATE TEMP TABLE consumed ON COMMIT DROP AS SELECT org_unit_id, day, fact, marked_at FROM dirty_day
                """, ct);
            await ExecAsync(conn, tx, RollupSql.CreateOwn(), ct);

            int days;
            long cells;
            if (full)
            {
                await steps.StepAsync("reading survey responses", ct);
                await ExecAsync(conn, tx, RollupSql.FillOwnResponses("true"), ct);
                await steps.StepAsync("reading interactions", ct);
                await ExecAsync(conn, tx, RollupSql.FillOwnInteractions("true"), ct);
                await steps.StepAsync("summing subtrees and partners", ct, rowsRead: await RowsReadAsync(conn, tx, ct));
                await ExecAsync(conn, tx, RollupSql.CreateDayCells(), ct);
                await ExecAsync(conn, tx, "DELETE FROM rollup_cell", ct);
                cells = await ExecAsync(conn, tx, RollupSql.InsertDayCells(), ct);
                foreach (var grain in RollupGrains.Coarser)
                {
                    await steps.StepAsync($"building {grain} cells", ct, cellsWritten: cells);
                    cells += await ExecAsync(conn, tx, RollupSql.InsertCoarserFromDayCells(grain), ct);
                }
                days = await ScalarAsync<int>(conn, tx, "SELECT count(DISTINCT day)::int FROM day_cells", ct);
                await steps.StepAsync("building driver cells", ct, cellsWritten: cells);
                await ExecAsync(conn, tx, "DELETE FROM driver_cell", ct);
                await ExecAsync(conn, tx, DriverCells.InsertDays("true", "true"), ct);
                await ExecAsync(conn, tx, DriverCells.InsertMonths("true"), ct);
            }
            else
            {
                var touched = await DaysAsync(conn, tx, ct);
                days = touched.Length;
                cells = 0;
                if (days > 0)
                {
                    var range = "{time} >= @from AND {time} < @to AND ({time} AT TIME ZONE 'UTC')::date = ANY(@days)";
                    var from = touched.Min().ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    var to = touched.Max().AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    await steps.StepAsync($"recomputing {days} day(s)", ct);
                    await ExecAsync(conn, tx, RollupSql.FillOwnResponses(range), ct, ("from", from), ("to", to), ("days", touched));
                    await ExecAsync(conn, tx, RollupSql.FillOwnInteractions(range), ct, ("from", from), ("to", to), ("days", touched));
                    await steps.StepAsync("summing subtrees and partners of those days", ct, rowsRead: await RowsReadAsync(conn, tx, ct));
                    await ExecAsync(conn, tx, RollupSql.CreateDayCells(), ct);
                    // Coarser cells change by (new − old) of the touched days: no re-summing of whole years.
                    await ExecAsync(conn, tx, RollupSql.CreateDelta(), ct, ("days", touched));
                    await ExecAsync(conn, tx, "DELETE FROM rollup_cell WHERE grain = 'day' AND period_start = ANY(@days)", ct, ("days", touched));
                    cells = await ExecAsync(conn, tx, RollupSql.InsertDayCells(), ct);
                    await steps.StepAsync("adding the change to weeks, months, quarters and years", ct, cellsWritten: cells);
                    foreach (var grain in RollupGrains.Coarser)
                    {
                        var periods = touched.Select(d => RollupGrains.PeriodStart(grain, d)).Distinct().ToArray();
                        cells += await ExecAsync(conn, tx, RollupSql.ApplyDelta(grain), ct, ("periods", periods));
                    }
                    await steps.StepAsync("recomputing driver cells", ct, cellsWritten: cells);
                    await RefreshDriverCellsAsync(conn, tx, ct);
                }
            }

            var rowsRead = await RowsReadAsync(conn, tx, ct);
            var consumed = await ConsumedAsync(conn, tx, ct);
            await ExecAsync(conn, tx, """
                INSERT INTO rollup_state (id, closure_fingerprint, watermark, refreshed_at) VALUES (1, @fp, @wm, now())
                ON CONFLICT (id) DO UPDATE SET closure_fingerprint = EXCLUDED.closure_fingerprint, watermark = EXCLUDED.watermark, refreshed_at = now()
                """, ct, ("fp", fingerprint), ("wm", watermark));
            await ExecAsync(conn, tx, """
                UPDATE job_run SET outcome = 'succeeded', finished_at = clock_timestamp(), rows_read = @rows, cells_written = @cells,
                                   watermark = @wm, scope = @scope
                WHERE id = @id
                """, ct, ("rows", rowsRead), ("cells", cells), ("wm", watermark), ("scope", $"{mode}; {days} day(s)"), ("id", jobRunId));
            await tx.CommitAsync(ct);
            await ClearConsumedAsync(conn, consumed);
            await steps.DoneAsync(rowsRead, cells);
            progress?.Invoke("done");
            return new RollupRun(jobRunId, mode, rowsRead, cells, days, clock.Elapsed, new DateTimeOffset(watermark, TimeSpan.Zero));
        }
        catch (Exception ex)
        {
            await tx.RollbackAsync(CancellationToken.None);
            await FailJobRunAsync(jobRunId, ex);
            throw;
        }
    }

    /// <summary>
    /// Recomputes the driver cells of every response day whose linked rows may have changed: the days with changed
    /// responses, and the days of responses linked to an interaction opened on a day with changed interactions. A
    /// response links only interactions opened from 35 days before its month to the end of its month, so those responses
    /// lie in the interaction day's month or the next two: the search reads at most three months of responses, never the
    /// whole history. Month rows are then re-summed from the day rows of the months touched.
    /// </summary>
    private static async Task RefreshDriverCellsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var responseDays = await DaysAsync(conn, tx, "SELECT DISTINCT day FROM consumed WHERE fact = 'response' ORDER BY 1", ct);
        var interactionDays = await DaysAsync(conn, tx, "SELECT DISTINCT day FROM consumed WHERE fact = 'interaction' ORDER BY 1", ct);
        var driverDays = new SortedSet<DateOnly>(responseDays);
        if (interactionDays.Length > 0)
        {
            var (first, last) = (interactionDays.Min(), interactionDays.Max());
            await using var cmd = new NpgsqlCommand("""
                SELECT DISTINCT (r.responded_at AT TIME ZONE 'UTC')::date FROM survey_response r
                JOIN interaction i ON i.external_id = r.interaction_external_id
                WHERE i.opened_at >= @ifrom AND i.opened_at < @ito AND (i.opened_at AT TIME ZONE 'UTC')::date = ANY(@idays)
                  AND r.responded_at >= @rfrom AND r.responded_at < @rto
                """, conn, tx) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("ifrom", Utc(first));
            cmd.Parameters.AddWithValue("ito", Utc(last.AddDays(1)));
            cmd.Parameters.AddWithValue("idays", interactionDays);
            cmd.Parameters.AddWithValue("rfrom", Utc(RollupGrains.PeriodStart("month", first)));
            cmd.Parameters.AddWithValue("rto", Utc(RollupGrains.PeriodStart("month", last.AddDays(35)).AddMonths(1)));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) driverDays.Add(r.GetFieldValue<DateOnly>(0));
        }
        if (driverDays.Count == 0) return;
        var dayList = driverDays.ToArray();
        var months = dayList.Select(d => RollupGrains.PeriodStart("month", d)).Distinct().ToArray();
        var firstMonth = months.Min();
        var endMonth = months.Max().AddMonths(1);
        await ExecAsync(conn, tx, "DELETE FROM driver_cell WHERE grain = 'day' AND period_start = ANY(@days)", ct, ("days", dayList));
        await ExecAsync(conn, tx, DriverCells.InsertDays(
                "r.responded_at >= @rfrom AND r.responded_at < @rto AND (r.responded_at AT TIME ZONE 'UTC')::date = ANY(@days)",
                "i.opened_at >= @ifrom AND i.opened_at < @ito"), ct,
            ("rfrom", Utc(dayList[0])), ("rto", Utc(dayList[^1].AddDays(1))), ("days", dayList),
            ("ifrom", Utc(firstMonth.AddDays(-35))), ("ito", Utc(endMonth)));
        await ExecAsync(conn, tx, "DELETE FROM driver_cell WHERE grain = 'month' AND period_start = ANY(@months)", ct, ("months", months));
        await ExecAsync(conn, tx, DriverCells.InsertMonths(
                "period_start >= @from AND period_start < @to AND date_trunc('month', period_start)::date = ANY(@months)"), ct,
            ("from", firstMonth), ("to", endMonth), ("months", months));
    }

    /// <summary>The fact rows this run has read so far (each unit's own cells over all slices).</summary>
    private static Task<long> RowsReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        ScalarAsync<long>(conn, tx, "SELECT coalesce(sum(responses + contacts), 0)::bigint FROM own WHERE dim = 'all'", ct);

    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The dirty-day marks this run's snapshot saw (unit, day, fact, marked_at).</summary>
    private sealed record Consumed(long[] Units, DateOnly[] Days, string[] Facts, DateTime[] MarkedAt);

    private static async Task<Consumed> ConsumedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var (units, days, facts, marks) = (new List<long>(), new List<DateOnly>(), new List<string>(), new List<DateTime>());
        await using var cmd = new NpgsqlCommand("SELECT org_unit_id, day, fact, marked_at FROM consumed", conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            units.Add(r.GetInt64(0));
            days.Add(r.GetFieldValue<DateOnly>(1));
            facts.Add(r.GetString(2));
            marks.Add(r.GetDateTime(3));
        }
        return new Consumed([.. units], [.. days], [.. facts], [.. marks]);
    }

    /// <summary>
    /// Removes the marks the committed run consumed, in its own READ COMMITTED statement after the run's commit.
    /// Inside the REPEATABLE READ run, deleting a mark that an import re-marked (updated marked_at) after the run's
    /// snapshot failed the whole run with 40001; here such a mark simply no longer matches its old marked_at and
    /// stays for the next run, as does any mark made since. Should the process die between the commit and this
    /// delete, the next run recomputes those days once more from the raw rows, which changes nothing.
    /// </summary>
    private static async Task ClearConsumedAsync(NpgsqlConnection conn, Consumed consumed)
    {
        if (consumed.Units.Length == 0) return;
        await ExecAsync(conn, null, """
            DELETE FROM dirty_day d USING unnest(@units, @days, @facts, @marks) AS c(org_unit_id, day, fact, marked_at)
            WHERE d.org_unit_id = c.org_unit_id AND d.day = c.day AND d.fact = c.fact AND d.marked_at = c.marked_at
            """, CancellationToken.None, ("units", consumed.Units), ("days", consumed.Days), ("facts", consumed.Facts), ("marks", consumed.MarkedAt));
    }

    private static Task<DateOnly[]> DaysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        DaysAsync(conn, tx, "SELECT DISTINCT day FROM consumed ORDER BY 1", ct);

    private static async Task<DateOnly[]> DaysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var days = new List<DateOnly>();
        while (await r.ReadAsync(ct)) days.Add(r.GetFieldValue<DateOnly>(0));
        return [.. days];
    }

    /// <summary>Recorded outside the run's transaction so it is visible while the run goes on.</summary>
    private async Task<long> StartJobRunAsync(string job, CancellationToken ct)
    {
        await using (var abandoned = dataSource.CreateCommand($"""
            UPDATE job_run SET outcome = 'failed', finished_at = now(), error = '{CxDashboard.Core.Jobs.JobRunLog.AbandonedPrefix} the node running it stopped before it finished'
            WHERE outcome = 'running' AND job LIKE 'rollup%'
            """))
        {
            await abandoned.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = dataSource.CreateCommand("INSERT INTO job_run (job, node, started_at, outcome) VALUES ($1, $2, now(), 'running') RETURNING id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = job });
        cmd.Parameters.Add(new NpgsqlParameter { Value = $"{Environment.MachineName}:{Environment.ProcessId}" });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task FailJobRunAsync(long id, Exception ex)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE job_run SET outcome = 'failed', finished_at = now(), error = $1 WHERE id = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = $"{ex.GetType().Name}: {ex.Message}" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task<int> ExecAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull or null ? default! : (T)value;
    }
}
