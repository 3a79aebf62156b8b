using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The full rebuild of <see cref="RollupEngine"/>. The facts' days are split into runs of days of about the same size, one per
/// connection (<see cref="RebuildRange"/>): this run's connection takes the first, and each further one is a
/// connection of its own in a transaction that imports this transaction's snapshot (so it reads exactly the same rows).
/// Each reads its facts once into each unit's own day cells (one row per unit, day and slice), sums subtrees level by
/// level from the deepest (a unit's cell = its own + its children's), partners from their engagement roots, its week and
/// month cells (from each week's parts inside a month), and writes its day cells in day order into the new cells table,
/// after the connection before it. The further connections commit their day cells there (the table is read by nobody
/// until the swap) and hand their week and month cells over; a week across two connections' months is summed into one
/// cell, quarters and years come from months, and while this connection indexes the new table, a further one reads
/// the driver day rows. The caller swaps the new table in just before the commit.
/// </summary>
internal static class FullRebuild
{
    public sealed record Result(long Cells, long RowsRead, int Days, int Connections);

    /// <summary>The columns of a cell, in the order the week and month cells are copied between connections.</summary>
    private static readonly string CellColumnList = $"subject_kind, subject_id, grain, period_start, dim, dim_value, {RollupSql.Names(CellColumns.All)}";

    /// <summary>Runs the rebuild in the caller's transaction (table own exists, empty); returns when only the swap is left.</summary>
    public static async Task<(Result Result, string Swap)> RunAsync(NpgsqlDataSource dataSource, NpgsqlConnection conn, NpgsqlTransaction tx,
        int connections, RunProgress steps, CancellationToken ct)
    {
        await PrepareAsync(conn, tx, ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateDriverDays(), ct);
        var ranges = await RebuildRange.SplitAsync(conn, tx, connections, ct);

        var others = new List<Sharing>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? drivers = null;
        try
        {
            string? snapshot = null;
            if (ranges.Count > 1)
            {
                snapshot = await RollupEngine.ScalarAsync<string>(conn, tx, "SELECT pg_export_snapshot()", ct);
                for (var i = 1; i < ranges.Count; i++) others.Add(await Sharing.OpenAsync(dataSource, snapshot, ct));
            }
            // Each connection writes its day cells into the new table once the one before it has (day order on disk).
            var written = ranges.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var work = new List<Task<RangeResult>>
            {
                StopAllOnFailure(RunRangeAsync(dataSource, conn, tx, ranges[0], steps, Task.CompletedTask, written[0], stop.Token), stop),
            };
            work.AddRange(others.Select((o, i) =>
                StopAllOnFailure(RunRangeAsync(null, o.Conn, o.Tx, ranges[i + 1], null, written[i].Task, written[i + 1], stop.Token), stop)));
            var results = await WhenAllAsync(work);
            var (rowsRead, days, cells) = (results.Sum(r => r.Rows), results.Sum(r => r.Days), results.Sum(r => r.Cells));

            await steps.StepAsync("building week and month cells from days", ct, rowsRead: rowsRead, cellsWritten: cells);
            foreach (var other in others)
            {
                await CopyAsync(other, conn, "coarse_cells", "coarse_cells", CellColumnList, ct);
                // Its day cells stay in the new table for good, which no reader sees until the swap; committed, they are
                // indexed below like this transaction's own (an index build takes every committed row, not only those
                // of this transaction's snapshot). A failed run drops the table after its rollback (RollupEngine); one a
                // crashed node left is dropped by the next rebuild before it creates its own.
                await other.Tx.CommitAsync(ct);
            }
            // The driver day rows of every month, on a further connection while this one indexes the cells.
            if (snapshot is not null) drivers = others[0].DriverDaysAsync(snapshot, stop.Token);

            // a week or month across the first day of a further connection's range has a cell from each side: summed into one
            foreach (var boundary in ranges.Skip(1).Select(r => DateOnly.FromDateTime(r.From!.Value)))
                await RollupEngine.ExecAsync(conn, tx, RebuildSql.JoinAcross(boundary), ct);
            await steps.StepAsync("building quarter cells from months and year cells from quarters", ct, cellsWritten: cells);
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.AddQuartersAndYears(), ct);
            await RollupEngine.ExecAsync(conn, tx, RollupSql.LoosenNextCells, ct);
            cells += await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertCoarseCells, ct);

            await steps.StepAsync("indexing the new cells", ct, cellsWritten: cells);
            // Sorted in memory: the 64 MB default spilled every index's sort of ~1.4M entries to disk.
            await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL maintenance_work_mem = '{RebuildSql.IndexSortMem}'", ct);
            await RollupEngine.ExecAsync(conn, tx, "SET LOCAL max_parallel_maintenance_workers = 0", ct);
            var swap = await IndexNextCellsAsync(conn, tx, ct);

            await steps.StepAsync("building driver cells", ct, cellsWritten: cells);
            if (drivers is null) await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertDriverDays(RebuildRange.All), ct);
            else
            {
                await drivers;
                await CopyAsync(others[0], conn, "driver_days", "driver_days", RebuildSql.DriverDayColumns, ct);
            }
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.WriteDriverDays, ct);
            await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertMonths("true"), ct);
            return (new Result(cells, rowsRead, days, ranges.Count), swap);
        }
        finally
        {
            await stop.CancelAsync();
            if (drivers is not null) await drivers.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            foreach (var other in others) await other.DisposeAsync();
        }
    }

    /// <summary>Every connection's result; if one failed, its error rather than another's that was stopped because of it.</summary>
    private static async Task<T[]> WhenAllAsync<T>(List<Task<T>> work)
    {
        try
        {
            return await Task.WhenAll(work);
        }
        catch (Exception first)
        {
            var cause = work.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (cause is null || ReferenceEquals(cause, first)) throw;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>One connection's failure ends the others' work (one waits for another's day cells), not only the run.</summary>
    private static async Task<T> StopAllOnFailure<T>(Task<T> work, CancellationTokenSource stop)
    {
        try
        {
            return await work;
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private sealed record RangeResult(long Rows, int Days, long Cells);

    /// <summary>
    /// One connection's share: its facts into own cells, subtrees and partners, the week and month cells of its days
    /// (table coarse_cells), and its day cells in day order into the new cells table. The first connection creates that
    /// table (<paramref name="dataSource"/> given) and writes its day cells as soon as they are summed; each further one
    /// writes after its week and month cells, once the one before it has (<paramref name="previousWritten"/>), so the
    /// table holds every day in order.
    /// Progress is reported by the run's own connection only (<paramref name="steps"/> null elsewhere).
    /// </summary>
    private static async Task<RangeResult> RunRangeAsync(NpgsqlDataSource? dataSource, NpgsqlConnection conn, NpgsqlTransaction tx,
        RebuildRange range, RunProgress? steps, Task previousWritten, TaskCompletionSource written, CancellationToken ct)
    {
        // Step names are shown translated by the web app (data-jobs/api/rollup-runs.ts stepMessage): rename both.
        await Step(steps, "reading survey responses", ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateOwnResponses(range), ct);
        await Step(steps, "reading interactions", ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.FillOwnJoined(range), ct);
        var (rowsRead, days) = await RowsAndDaysAsync(conn, tx, ct);

        await Step(steps, "summing subtrees level by level, and partners", ct, rowsRead);
        await RollupEngine.ExecAsync(conn, tx, RollupSql.CreateTree, ct);
        var deepest = await RollupEngine.ScalarAsync<int?>(conn, tx, "SELECT max(level)::int FROM tree", ct) ?? -1;
        for (var level = deepest - 1; level >= 0; level--)
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.SumLevel(level, deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, RollupSql.CreatePartnerRoots, ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreatePartnerDays(deepest), ct);

        long cells = 0;
        if (dataSource is not null)
        {
            // after reading the facts: the lock order of every run is the facts, then the cells table
            await CreateNextCellsAsync(dataSource, ct);
            cells = await WriteDaysAsync(conn, tx, deepest, ct);
            written.TrySetResult();
        }
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateParts(deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.WeeksAndMonths(), ct);
        if (dataSource is null)
        {
            await previousWritten.WaitAsync(ct);
            cells = await WriteDaysAsync(conn, tx, deepest, ct);
            written.TrySetResult();
        }
        return new RangeResult(rowsRead, days, cells);
    }

    /// <summary>
    /// The day cells of one connection into the new cells table, in day order. Sorted in memory: the sort of ~1.1M day
    /// cells spilled ~240 MB to disk with the run's work_mem (1M + 1M rows; the cells saturate with the facts, so this
    /// stays about the size at 10M).
    /// </summary>
    private static async Task<long> WriteDaysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int deepest, CancellationToken ct)
    {
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RebuildSql.DaySortMem}'", ct);
        long cells = await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertDayCells(deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RollupEngine.WorkMem}'", ct);
        return cells;
    }

    /// <summary>
    /// Creates the new cells table (dropping one a failed run left) in a transaction of its own, committed, so that every
    /// connection of the run can write into it; no reader reads it until the swap renames it. Autovacuum is off on it until
    /// then: once a further connection committed its day cells, it could start on the table and hold up the index builds.
    /// </summary>
    private static async Task CreateNextCellsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await RollupEngine.ExecAsync(conn, null, $"""
            DROP TABLE IF EXISTS {RollupSql.NextCells};
            {RollupSql.CreateNextCells};
            ALTER TABLE {RollupSql.NextCells} SET (autovacuum_enabled = off)
            """, ct);
    }

    /// <summary>Drops the new cells table of a run that failed (best effort: the next rebuild drops it anyway).</summary>
    public static async Task DropNextCellsAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await RollupEngine.ExecAsync(conn, null, $"SET lock_timeout = '5s'; DROP TABLE IF EXISTS {RollupSql.NextCells}", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
        }
    }

    private static Task Step(RunProgress? steps, string name, CancellationToken ct, long? rowsRead = null) =>
        steps?.StepAsync(name, ct, rowsRead: rowsRead) ?? Task.CompletedTask;

    /// <summary>Settings of every connection of the rebuild, at the start of its transaction.</summary>
    private static async Task PrepareAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Statements over ~90 aggregates cost enough for PostgreSQL to JIT-compile them: reading the interactions spent
        // 5-7 s of a ~30 s statement compiling (EXPLAIN ANALYZE, 1M + 1M rows), more than the compiled code saved.
        await RollupEngine.ExecAsync(conn, tx, "SET LOCAL jit = off", ct);
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RollupEngine.WorkMem}'", ct);
    }

    /// <summary>
    /// A further connection whose REPEATABLE READ transactions start from the run's exported snapshot: they see exactly the
    /// rows the run sees, and nothing the run's transaction wrote. Besides the day cells it writes into the new cells
    /// table, it writes only temporary tables, dropped with each transaction.
    /// </summary>
    private sealed class Sharing(NpgsqlConnection conn, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public NpgsqlConnection Conn => conn;
        public NpgsqlTransaction Tx { get; private set; } = tx;

        public static async Task<Sharing> OpenAsync(NpgsqlDataSource dataSource, string snapshot, CancellationToken ct)
        {
            var conn = await dataSource.OpenConnectionAsync(ct);
            try
            {
                var tx = await BeginAsync(conn, snapshot, ct);
                await RollupEngine.ExecAsync(conn, tx, RollupSql.CreateOwn(), ct);
                return new Sharing(conn, tx);
            }
            catch
            {
                await conn.DisposeAsync();
                throw;
            }
        }

        private static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection conn, string snapshot, CancellationToken ct)
        {
            var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            await RollupEngine.ExecAsync(conn, tx, $"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''")}'", ct);
            await PrepareAsync(conn, tx, ct);
            return tx;
        }

        /// <summary>In a new transaction from the same snapshot (the first one committed): every month's driver day rows, into driver_days.</summary>
        public async Task DriverDaysAsync(string snapshot, CancellationToken ct)
        {
            await Tx.DisposeAsync();
            Tx = await BeginAsync(conn, snapshot, ct);
            await RollupEngine.ExecAsync(conn, Tx, RebuildSql.CreateDriverDays(), ct);
            await RollupEngine.ExecAsync(conn, Tx, RebuildSql.InsertDriverDays(RebuildRange.All), ct);
        }

        public async ValueTask DisposeAsync()
        {
            await Tx.DisposeAsync();
            await conn.DisposeAsync();
        }
    }

    /// <summary>Copies a table of another connection into one of this transaction, as PostgreSQL's binary COPY bytes, unparsed.</summary>
    private static async Task CopyAsync(Sharing from, NpgsqlConnection to, string source, string target,
        string columns, CancellationToken ct)
    {
        await using var reader = await from.Conn.BeginRawBinaryCopyAsync($"COPY {source} ({columns}) TO STDOUT (FORMAT binary)", ct);
        await using var writer = await to.BeginRawBinaryCopyAsync($"COPY {target} ({columns}) FROM STDIN (FORMAT binary)", ct);
        await reader.CopyToAsync(writer, ct);
    }

    private static async Task<(long Rows, int Days)> RowsAndDaysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(RebuildSql.RowsAndDays, conn, tx) { CommandTimeout = 0 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt32(1));
    }

    /// <summary>
    /// Builds on the new cells table a copy of every index rollup_cell has (read from the catalog, so an index a later
    /// migration adds is carried too) and analyzes it; returns the statements that then replace rollup_cell by it. They
    /// run last, just before the commit: dropping the old table waits for the queries reading it and holds new readers
    /// only until the commit, after which they read the new cells (a reader never sees a mix of old and new).
    /// </summary>
    private static async Task<string> IndexNextCellsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        const string next = RollupSql.NextCells;
        var indexes = new List<(string Name, string Def, string? Constraint, string? ConstraintDef)>();
        await using (var cmd = new NpgsqlCommand(RollupSql.CellIndexes, conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                indexes.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }
        var renames = new List<string> { "DROP TABLE rollup_cell", $"ALTER TABLE {next} RENAME TO rollup_cell", "ALTER TABLE rollup_cell RESET (autovacuum_enabled)" };
        foreach (var (name, def, constraint, constraintDef) in indexes)
        {
            if (constraint is not null)
            {
                await RollupEngine.ExecAsync(conn, tx, $"ALTER TABLE {next} ADD CONSTRAINT {constraint}_next {constraintDef}", ct);
                renames.Add($"ALTER TABLE rollup_cell RENAME CONSTRAINT {constraint}_next TO {constraint}");
            }
            else
            {
                var onNext = System.Text.RegularExpressions.Regex.Replace(def, @"^CREATE (UNIQUE )?INDEX (\S+) ON (\S+\.)?rollup_cell ",
                    m => $"CREATE {m.Groups[1].Value}INDEX {name}_next ON {next} ");
                if (onNext == def) throw new InvalidOperationException($"unexpected index definition on rollup_cell: {def}");
                await RollupEngine.ExecAsync(conn, tx, onNext, ct);
                renames.Add($"ALTER INDEX {name}_next RENAME TO {name}");
            }
        }
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.AnalyzeNextCells, ct);
        return string.Join(";\n", renames);
    }
}
