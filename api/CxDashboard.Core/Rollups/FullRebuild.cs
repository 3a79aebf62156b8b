using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The full rebuild of <see cref="RollupEngine"/>. The facts' days are split into runs of days of about the same size
/// (<see cref="RebuildRange"/>). On one connection, the run's transaction does everything itself. On several, each run
/// of days has a connection of its own whose transaction imports the run's snapshot (so it reads exactly the same rows)
/// and commits what it writes into the new cells table, which no reader reads until the swap (ADR 0011). Each reads its
/// facts once into each unit's own day cells (one row per unit, day and slice), sums subtrees level by level from the
/// deepest (a unit's cell = its own + its children's), partners from their engagement roots, and its week and month
/// cells (from each week's parts inside a month), and writes its day cells in day order, after the run of days before
/// it. The first one then takes the others' week and month cells, sums a week or month across two runs into one cell,
/// adds quarters and years and writes them all; the primary key is built on that connection while the run's own builds
/// the other indexes, and the last one reads the driver day rows meanwhile. The caller swaps the new table in just
/// before its commit: readers see the old cells or the new ones.
/// </summary>
internal static class FullRebuild
{
    public sealed record Result(long Cells, long RowsRead, int Days, int Connections);

    private static readonly string CellKey = "subject_kind, subject_id, grain, period_start, dim, dim_value";

    /// <summary>Runs the rebuild in the caller's transaction (table own exists, empty); returns when only the swap is left.</summary>
    public static async Task<(Result Result, string Swap)> RunAsync(NpgsqlDataSource dataSource, NpgsqlConnection conn, NpgsqlTransaction tx,
        int connections, RunProgress steps, CancellationToken ct)
    {
        await PrepareAsync(conn, tx, ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateDriverDays(), ct);
        var ranges = await RebuildRange.SplitAsync(conn, tx, connections, ct);

        // On one connection this transaction does everything. On several, each range is read and written by a connection
        // of its own that shares this transaction's snapshot and commits its cells into the new table (read by nobody
        // until the swap), so that two connections can index that table at once; this one indexes and swaps.
        var workers = new List<Sharing>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? drivers = null, keyIndexes = null;
        try
        {
            var snapshot = ranges.Count > 1 ? await RollupEngine.ScalarAsync<string>(conn, tx, "SELECT pg_export_snapshot()", ct) : null;
            if (snapshot is not null)
                foreach (var _ in ranges) workers.Add(await Sharing.OpenAsync(dataSource, snapshot, ct));
            (NpgsqlConnection Conn, NpgsqlTransaction Tx) On(int range) => snapshot is null ? (conn, tx) : (workers[range].Conn, workers[range].Tx);

            // Each range's day cells go into the new table once the range before has written its own (day order on disk).
            var written = ranges.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var work = ranges.Select((range, i) => StopAllOnFailure(RunRangeAsync(i == 0 ? dataSource : null, On(i).Conn, On(i).Tx, range,
                i == 0 ? steps : null, i == 0 ? Task.CompletedTask : written[i - 1].Task, written[i], stop.Token), stop)).ToList();
            var results = await WhenAllAsync(work);
            var (rowsRead, days, cells) = (results.Sum(r => r.Rows), results.Sum(r => r.Days), results.Sum(r => r.Cells));

            // The first range's connection builds every coarser cell; the others hand theirs over and commit their day cells.
            await steps.StepAsync("building week and month cells from days", ct, rowsRead: rowsRead, cellsWritten: cells);
            var (coarseConn, coarseTx) = On(0);
            foreach (var other in workers.Skip(1))
            {
                await CopyAsync(other, coarseConn, "coarse_cells", "coarse_cells", $"{CellKey}, {RollupSql.Names(CellColumns.All)}", ct);
                await other.Tx.CommitAsync(ct);
            }
            // The driver day rows of every month, on the last range's connection while the others build and index the cells.
            if (snapshot is not null) drivers = workers[^1].DriverDaysAsync(snapshot, stop.Token);

            // a week or month across the first day of a further range has a cell from each side: summed into one
            foreach (var boundary in ranges.Skip(1).Select(r => DateOnly.FromDateTime(r.From!.Value)))
                await RollupEngine.ExecAsync(coarseConn, coarseTx, RebuildSql.JoinAcross(boundary), ct);
            await steps.StepAsync("building quarter cells from months and year cells from quarters", ct, cellsWritten: cells);
            await RollupEngine.ExecAsync(coarseConn, coarseTx, RebuildSql.AddQuartersAndYears(), ct);
            await RollupEngine.ExecAsync(coarseConn, coarseTx, RollupSql.LoosenNextCells, ct);
            cells += await RollupEngine.ExecAsync(coarseConn, coarseTx, RebuildSql.InsertCoarseCells, ct);

            await steps.StepAsync("indexing the new cells", ct, cellsWritten: cells);
            var indexes = await NextIndexes.ReadAsync(conn, tx, ct);
            await NextIndexes.PrepareAsync(conn, tx, ct);
            if (snapshot is null) await NextIndexes.BuildAsync(conn, tx, indexes.KeyIndexes, ct);
            else
            {
                // the key indexes (the primary key, ~60 % of the work) on the first range's connection, committed; the others here
                await workers[0].Tx.CommitAsync(ct);
                keyIndexes = workers[0].BuildIndexesAsync(indexes.KeyIndexes, stop.Token);
            }
            await NextIndexes.BuildAsync(conn, tx, indexes.OtherIndexes, ct);
            if (keyIndexes is not null) await keyIndexes;
            await NextIndexes.AttachAsync(conn, tx, indexes, ct);

            await steps.StepAsync("building driver cells", ct, cellsWritten: cells);
            if (drivers is null) await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertDriverDays(RebuildRange.All), ct);
            else
            {
                await drivers;
                await CopyAsync(workers[^1], conn, "driver_days", "driver_days", $"org_unit_id, grain, period_start, linked, {string.Join(", ", DriverCells.CountColumns)}", ct);
            }
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.WriteDriverDays, ct);
            await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertMonths("true"), ct);
            return (new Result(cells, rowsRead, days, ranges.Count), indexes.Swap);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var task in new[] { drivers, keyIndexes }.OfType<Task>())
                await task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            foreach (var worker in workers) await worker.DisposeAsync();
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

        /// <summary>In a transaction of its own (the one before committed): the given index builds on the new table, committed.</summary>
        public async Task BuildIndexesAsync(IReadOnlyList<string> builds, CancellationToken ct)
        {
            await Tx.DisposeAsync();
            Tx = await conn.BeginTransactionAsync(ct);
            await NextIndexes.PrepareAsync(conn, Tx, ct);
            await NextIndexes.BuildAsync(conn, Tx, builds, ct);
            await Tx.CommitAsync(ct);
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
}
