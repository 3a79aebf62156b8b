using System.Data;
using System.Diagnostics;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// Turns raw facts into rollup cells. A full rebuild reads every fact once into each unit's own day cells, sums subtrees
/// level by level from the deepest (a unit's cell = its own + its children's), partners from their engagement roots,
/// weeks and months from days, quarters from months and years from quarters. An incremental refresh
/// (<see cref="IncrementalRefresh"/>) sums the importer's signed change log into each unit-day's own change, recomputes
/// the unit-days marked in <c>dirty_day</c> from raw rows, and adds those changes to the ancestors and partners at every
/// grain. Each run is
/// one REPEATABLE READ transaction, so readers see the old cells or the new ones, never half a period, and rows imported
/// during a run are left for the next one. Runs are serialised by an advisory lock; a changed org tree (closure) forces
/// a full rebuild.
/// </summary>
/// <param name="rebuildConnections">
/// How many connections a full rebuild reads and sums on at once, each taking a run of months (1: the run's own
/// connection alone). The database server's cores bound what more connections gain.
/// </param>
public sealed class RollupEngine(NpgsqlDataSource dataSource, int rebuildConnections = RollupEngine.DefaultRebuildConnections)
{
    public const int DefaultRebuildConnections = 2;

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
        var rebuilding = false;
        try
        {
            var watermark = await ScalarAsync<DateTime>(conn, tx, "SELECT now()", ct);
            var fingerprint = await ScalarAsync<string>(conn, tx, RollupSql.ClosureFingerprint, ct);
            var state = await ScalarAsync<string?>(conn, tx, "SELECT closure_fingerprint FROM rollup_state WHERE id = 1", ct);
            var full = forceFull || state is null || state != fingerprint;
            var mode = full ? (forceFull ? "full" : "full (org tree changed or first run)") : "incremental";
            var steps = new RunProgress(dataSource, jobRunId, full ? 6 : 3, progress);

            await ExecAsync(conn, tx, """
                CREATE TEMP TABLE consumed ON COMMIT DROP AS SELECT org_unit_id, day, fact, marked_at FROM dirty_day
                """, ct);

            int days;
            long cells;
            long? rowsReadByRebuild = null;
            var connections = 1;
            if (full)
            {
                rebuilding = true;
                var (rebuilt, swap) = await FullRebuild.RunAsync(dataSource, conn, tx, Math.Max(1, rebuildConnections), steps, ct);
                (cells, days, rowsReadByRebuild, connections) = (rebuilt.Cells, rebuilt.Days, rebuilt.RowsRead, rebuilt.Connections);
                await steps.StepAsync("swapping the new cells in", ct);
                await ExecAsync(conn, tx, swap, ct);
            }
            else
            {
                await ExecAsync(conn, tx, RollupSql.CreateOwn(), ct);
                (days, cells) = await IncrementalRefresh.RunAsync(conn, tx, steps, ct);
            }
            // Both kinds of run took in every change row of their snapshot.
            await ExecAsync(conn, tx, RefreshSql.DeleteConsumedChanges, ct);

            var rowsRead = rowsReadByRebuild ?? await RowsReadAsync(conn, tx, ct);
            var consumed = await ConsumedAsync(conn, tx, ct);
            // refreshed_at is the cells' version: it moves only when this run changed cells (the privacy floor's patterns are
            // kept per version and rebuilt when it moves; an incremental run with nothing to do changes nothing).
            await ExecAsync(conn, tx, """
                INSERT INTO rollup_state (id, closure_fingerprint, watermark, refreshed_at) VALUES (1, @fp, @wm, now())
                ON CONFLICT (id) DO UPDATE SET closure_fingerprint = EXCLUDED.closure_fingerprint, watermark = EXCLUDED.watermark,
                    refreshed_at = CASE WHEN @changed THEN now() ELSE rollup_state.refreshed_at END
                """, ct, ("fp", fingerprint), ("wm", watermark), ("changed", full || days > 0));
            await ExecAsync(conn, tx, """
                UPDATE job_run SET outcome = 'succeeded', finished_at = clock_timestamp(), rows_read = @rows, cells_written = @cells,
                                   watermark = @wm, scope = @scope
                WHERE id = @id
                """, ct, ("rows", rowsRead), ("cells", cells), ("wm", watermark), ("scope", $"{mode}; {days} day(s)"), ("id", jobRunId));
            await tx.CommitAsync(ct);
            await ClearConsumedAsync(conn, consumed);
            await steps.DoneAsync(rowsRead, cells);
            progress?.Invoke("done");
            return new RollupRun(jobRunId, mode, rowsRead, cells, days, clock.Elapsed, new DateTimeOffset(watermark, TimeSpan.Zero), connections);
        }
        catch (Exception ex)
        {
            await tx.RollbackAsync(CancellationToken.None);
            // a full rebuild's new cells table was committed apart, to be swapped in: nothing else reads it
            if (rebuilding) await FullRebuild.DropNextCellsAsync(dataSource);
            await FailJobRunAsync(jobRunId, ex);
            throw;
        }
    }

    /// <summary>The fact rows this run has read so far (each unit's own cells over all slices).</summary>
    internal static Task<long> RowsReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        ScalarAsync<long>(conn, tx, "SELECT coalesce(sum(coalesce(responses, 0) + coalesce(contacts, 0)), 0)::bigint FROM own WHERE dim = 'all'", ct);

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
