using System.Data;
using System.Diagnostics;
using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// Turns raw facts into rollup cells. A full rebuild reads every fact once into each unit's own day cells, sums subtrees
/// level by level from the deepest (a unit's cell = its own + its children's), partners from their engagement roots,
/// weeks and months from days, quarters from months and years from quarters. An incremental refresh reads only the
/// (unit, day) pairs marked in <c>dirty_day</c> (by index), takes each one's change (new own cell minus the old one, which
/// is its stored cell minus its children's) and adds it to that unit's ancestors and partners at every grain. Each run is
/// one REPEATABLE READ transaction, so readers see the old cells or the new ones, never half a period, and rows imported
/// during a run are left for the next one. Runs are serialised by an advisory lock; a changed org tree (closure) forces
/// a full rebuild.
/// </summary>
public sealed class RollupEngine(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x6378_726F_6C6C; // "cxroll"

    /// <summary>The sort and hash memory of a rollup run (the benchmark gives its baseline the same).</summary>
    public const string WorkMem = "256MB";

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
            // Grouping a cell's ~90 sums per key spills to disk at the default 4 MB long before the groups are many.
            await ExecAsync(conn, tx, $"SET LOCAL work_mem = '{WorkMem}'", ct);
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
            var steps = new RunProgress(dataSource, jobRunId, full ? 8 : 3, progress);

            await ExecAsync(conn, tx, """
                CREATE TEMP TABLE consumed ON COMMIT DROP AS SELECT org_unit_id, day, fact, marked_at FROM dirty_day
                """, ct);
            await ExecAsync(conn, tx, RollupSql.CreateOwn(), ct);

            int days;
            long cells;
            long? rowsReadByRebuild = null;
            if (full)
            {
                var (rebuilt, swap) = await FullRebuild.RunAsync(conn, tx, steps, ct);
                (cells, days, rowsReadByRebuild) = (rebuilt.Cells, rebuilt.Days, rebuilt.RowsRead);
                await steps.StepAsync("swapping the new cells in", ct);
                await ExecAsync(conn, tx, swap, ct);
            }
            else
            {
                await ExecAsync(conn, tx, RollupSql.CreateMarks, ct);
                days = await ScalarAsync<int>(conn, tx, "SELECT count(DISTINCT day)::int FROM marks", ct);
                cells = 0;
                if (days > 0)
                {
                    // Everything below is driven by a few hundred marked keys and reads by index. The planner cannot see
                    // that each probe of a partitioned table is pruned to one partition at run time, so it costs a probe
                    // against every month and prefers hash joins that scan whole months: those are ruled out here. Those
                    // inflated costs also made it JIT-compile the ~90 sums of each statement, which took longer than
                    // the statement (0.5 s and more): off for the same reason.
                    await ExecAsync(conn, tx, "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL jit = off", ct);
                    await steps.StepAsync($"reading the marked unit-days of {days} day(s)", ct);
                    await ExecAsync(conn, tx, RollupSql.FillOwnResponses(RollupSql.Marked), ct);
                    await ExecAsync(conn, tx, RollupSql.FillOwnInteractions(RollupSql.Marked), ct);
                    await steps.StepAsync("adding their change to the subtrees and partners above them, every grain", ct, rowsRead: await RowsReadAsync(conn, tx, ct));
                    await ExecAsync(conn, tx, RollupSql.CreateDelta(), ct);
                    await ExecAsync(conn, tx, RollupSql.CreatePartnerRoots, ct);
                    await ExecAsync(conn, tx, RollupSql.CreateDeltaCells(), ct);
                    foreach (var grain in RollupGrains.All)
                        cells += await ExecAsync(conn, tx, RollupSql.ApplyDelta(grain), ct);
                    await steps.StepAsync("recomputing driver cells", ct, cellsWritten: cells);
                    await RefreshDriverCellsAsync(conn, tx, ct);
                    await ExecAsync(conn, tx, "SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT; SET LOCAL jit TO DEFAULT", ct);
                }
            }

            var rowsRead = rowsReadByRebuild ?? await RowsReadAsync(conn, tx, ct);
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
    /// Recomputes the driver cells of every (unit, day) whose linked rows may have changed: the unit-days with changed
    /// responses, and the unit-days of responses linked to an interaction of a unit-day with changed interactions (found
    /// by the link index, never by scanning months). Each is re-read by the (unit, time) index, its interactions by
    /// external id; then the month rows of those units and months are re-summed from their day rows.
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
            ANALYZE driver_marks
            """, ct, [.. months.SelectMany((m, k) => new[] { ($"rfrom{k}", (object)Utc(m.From)), ($"rto{k}", Utc(m.To)) })]);
        await ExecAsync(conn, tx, """
            DELETE FROM driver_cell d USING driver_marks m WHERE d.org_unit_id = m.unit_id AND d.grain = 'day' AND d.period_start = m.day
            """, ct);
        await ExecAsync(conn, tx, DriverCells.InsertDays("true", "true",
            "driver_marks m JOIN survey_response r ON r.org_unit_id = m.unit_id AND r.responded_at >= m.t0 AND r.responded_at < m.t1"), ct);
        await ExecAsync(conn, tx, """
            CREATE TEMP TABLE driver_months ON COMMIT DROP AS
            SELECT DISTINCT unit_id, date_trunc('month', day)::date AS month FROM driver_marks;
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

    internal static async Task<int> ExecAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull or null ? default! : (T)value;
    }
}
