using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The full rebuild of <see cref="RollupEngine"/>. The facts are read a month at a time (<see cref="RebuildRange.MonthsAsync"/>)
/// by a few connections, each taking the next month not yet taken: this run's connection and further ones whose
/// transactions import this transaction's snapshot (so they read exactly the same rows). Each month's facts come out of
/// PostgreSQL grouped per unit, day and slice, as binary COPY; every unit's row is added in memory into the day cells of the
/// unit, the units above it and the partners it works for (<see cref="SubjectTargets"/>), and into their week and month
/// cells; the month's day cells are then written in day order into the new cells table by binary COPY, after the month
/// before it. Summing ~90 statistics per row was the rebuild's most costly work in SQL (a pass over the cells per level,
/// for the partners, the week parts and the writes, each costing about what reading the facts did); in memory it is a
/// small part of reading them. The further connections commit their day cells there (the table is read by nobody until
/// the swap); quarters and years come from the months, every coarser cell is written after the days, and while the
/// new table is indexed (on two connections) further ones read the driver day rows, a run of months each. The caller
/// swaps the new table in just before the commit.
/// </summary>
internal static class FullRebuild
{
    public sealed record Result(long Cells, long RowsRead, int Days, int Connections);

    /// <summary>The columns of a cell, in the order they are written.</summary>
    private static readonly string CellColumnList = $"subject_kind, subject_id, grain, period_start, dim, dim_value, {RollupSql.Names(CellColumns.All)}";

    private static readonly bool[] IsInteger = [.. CellColumns.All.Select(c => c.SqlType == "integer")];

    /// <summary>Runs the rebuild in the caller's transaction; returns when only the swap is left.</summary>
    public static async Task<(Result Result, string Swap)> RunAsync(NpgsqlDataSource dataSource, NpgsqlConnection conn, NpgsqlTransaction tx,
        int connections, RunProgress steps, CancellationToken ct)
    {
        await PrepareAsync(conn, tx, ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateDriverDays(), ct);
        // The lock order of every run: the facts, then the cells table (the new one is created, on a connection of its own,
        // before the first month's day cells are written).
        await RollupEngine.ExecAsync(conn, tx, "LOCK TABLE survey_response, interaction IN ACCESS SHARE MODE", ct);
        var months = await RebuildRange.MonthsAsync(conn, tx, ct);
        var targets = await SubjectTargets.LoadAsync(conn, tx, ct);

        var others = new List<Sharing>();
        // This run's own cells are written on a connection of their own, each COPY committed (no reader reads the table until
        // the swap), so that, every cell committed, the indexes can be built on two connections at once.
        await using var writer = await dataSource.OpenConnectionAsync(ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? drivers = null;
        try
        {
            string? snapshot = null;
            var workers = Math.Clamp(connections, 1, months.Count);
            if (workers > 1)
            {
                snapshot = await RollupEngine.ScalarAsync<string>(conn, tx, "SELECT pg_export_snapshot()", ct);
                for (var i = 1; i < workers; i++) others.Add(await Sharing.OpenAsync(dataSource, snapshot, ct));
            }
            await steps.StepAsync("reading survey responses and interactions, month by month", ct, rowsRead: 0);
            // the run's own connection takes the first month (its WorkAsync starts first) and creates the new table before writing it
            var run = new MonthQueue(months, targets, () => CreateNextCellsAsync(dataSource, stop.Token));
            var work = new List<Task<Worker>> { StopAllOnFailure(new Worker(run).WorkAsync(conn, writer, steps, stop.Token), stop) };
            work.AddRange(others.Select(o => StopAllOnFailure(new Worker(run).WorkAsync(o.Conn, o.Conn, null, stop.Token), stop)));
            await WhenAllAsync(work);
            foreach (var other in others)
            {
                // Its day cells stay in the new table for good, which no reader sees until the swap. A failed run drops the
                // table after its rollback (RollupEngine); one a crashed node left is dropped by the next rebuild before it
                // creates its own.
                await other.Tx.CommitAsync(ct);
            }
            // The driver day rows, while this connection writes and indexes the cells: the months split in runs, one per
            // further connection and one more (at 10M + 10M facts they took ~40 s on one connection, the cells ~8).
            if (snapshot is not null)
            {
                others.Add(await Sharing.OpenAsync(dataSource, snapshot, ct));
                var parts = DriverRuns(months, others.Count);
                drivers = Task.WhenAll(parts.Select((range, i) => others[i].DriverDaysAsync(snapshot, range, stop.Token)));
            }

            var (rowsRead, cells) = (run.RowsRead, run.CellsWritten);
            var (weeks, monthCells) = (run.WeekCells, run.MonthCells);
            await steps.StepAsync("building quarter cells from months and year cells from quarters", ct, rowsRead: rowsRead, cellsWritten: cells);
            var (quarters, years) = (new CellTable(), new CellTable());
            for (var i = 0; i < monthCells.Count; i++)
            {
                var key = monthCells.KeyAt(i);
                var month = BinaryCopy.Date(key.Period);
                quarters.Add(key with { Period = BinaryCopy.PgDay(new DateOnly(month.Year, (month.Month - 1) / 3 * 3 + 1, 1)) }, monthCells.ValuesAt(i));
                years.Add(key with { Period = BinaryCopy.PgDay(new DateOnly(month.Year, 1, 1)) }, monthCells.ValuesAt(i));
            }
            await RollupEngine.ExecAsync(writer, null, RollupSql.LoosenNextCells, ct);
            // grain by grain in the order of their names (as a sort by grain, period_start), each period's cells together
            cells += await WriteCellsAsync(writer, run.Slices, [("month"u8.ToArray(), monthCells), ("quarter"u8.ToArray(), quarters),
                ("week"u8.ToArray(), weeks), ("year"u8.ToArray(), years)], ct);

            await steps.StepAsync("indexing the new cells", ct, cellsWritten: cells);
            string swap;
            await using (var second = await dataSource.OpenConnectionAsync(ct))
                swap = await IndexNextCellsAsync(conn, tx, [writer, second], ct);

            await steps.StepAsync("building driver cells", ct, cellsWritten: cells);
            if (drivers is null) await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertDriverDays(RebuildRange.All), ct);
            else
            {
                await drivers;
                foreach (var other in others.Where(o => o.HasDriverDays))
                    await CopyAsync(other, conn, "driver_days", "driver_days", RebuildSql.DriverDayColumns, ct);
            }
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.WriteDriverDays, ct);
            await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertMonths("true"), ct);
            return (new Result(cells, rowsRead, run.Days, workers), swap);
        }
        finally
        {
            await stop.CancelAsync();
            if (drivers is not null) await drivers.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            foreach (var other in others) await other.DisposeAsync();
        }
    }

    /// <summary>The months in <paramref name="count"/> runs of about as many months each, in order (every response in one).</summary>
    private static List<RebuildRange> DriverRuns(IReadOnlyList<RebuildRange> months, int count)
    {
        count = Math.Clamp(count, 1, months.Count);
        var runs = new List<RebuildRange>();
        for (var i = 0; i < count; i++)
        {
            var (first, last) = (months[i * months.Count / count], months[(i + 1) * months.Count / count - 1]);
            runs.Add(new RebuildRange(first.From, last.To));
        }
        return runs;
    }

    /// <summary>
    /// What the connections share: the months, each taken by one of them in turn, and written in their order (month k's day
    /// cells after month k - 1's, the first once the new table exists), so the day cells lie in day order on disk; the
    /// slices; and the running totals.
    /// </summary>
    private sealed class MonthQueue(IReadOnlyList<RebuildRange> months, SubjectTargets targets, Func<Task> createTable)
    {
        private readonly TaskCompletionSource[] written = [.. months.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        private readonly HashSet<int> days = [];
        private readonly Lock coarse = new();
        private int next = -1;
        private long rowsRead;
        private long cellsWritten;

        public IReadOnlyList<RebuildRange> Ranges => months;
        public SubjectTargets Targets => targets;
        public SliceTable Slices { get; } = new();

        /// <summary>Every connection's week and month cells, added a month at a time (under a lock: <see cref="AddCoarse"/>).</summary>
        public CellTable WeekCells { get; } = new();
        public CellTable MonthCells { get; } = new();
        public long RowsRead => Interlocked.Read(ref rowsRead);
        public long CellsWritten => Interlocked.Read(ref cellsWritten);

        public int Days
        {
            get
            {
                lock (days) return days.Count;
            }
        }

        /// <summary>The next month no connection has taken, or null when all are.</summary>
        public int? Take() => Interlocked.Increment(ref next) is var i && i < months.Count ? i : null;

        /// <summary>Waits for the month before to be written; the first month's writer creates the new table (after reading the facts: the lock order of every run is the facts, then the cells table).</summary>
        public Task TurnAsync(int month, CancellationToken ct) => month == 0 ? createTable() : written[month - 1].Task.WaitAsync(ct);

        public void Read(long rows, IEnumerable<int> factDays)
        {
            Interlocked.Add(ref rowsRead, rows);
            lock (days) days.UnionWith(factDays);
        }

        public void AddCoarse(CellTable weeks, CellTable months)
        {
            lock (coarse)
            {
                WeekCells.AddAll(weeks);
                MonthCells.AddAll(months);
            }
        }

        public void Written(int month, long cells)
        {
            Interlocked.Add(ref cellsWritten, cells);
            written[month].TrySetResult();
        }
    }

    /// <summary>
    /// One connection's share: the months it takes, read on one connection and written on another (or the same), and the
    /// week and month cells of their days.
    /// </summary>
    private sealed class Worker(MonthQueue run)
    {
        private readonly CellTable days = new();
        private readonly SliceTable.Reader slices = new(run.Slices);
        private readonly double[] row = new double[CellTable.Width];
        private readonly HashSet<int> factDays = [];
        private long factRows;

        private readonly CellTable weeks = new();
        private readonly CellTable months = new();

        /// <summary>Progress is reported by the run's own connection only (<paramref name="steps"/> null elsewhere).</summary>
        public async Task<Worker> WorkAsync(NpgsqlConnection conn, NpgsqlConnection write, RunProgress? steps, CancellationToken ct)
        {
            var first = true;
            while (run.Take() is { } month)
            {
                days.Clear();
                weeks.Clear();
                months.Clear();
                factRows = 0;
                factDays.Clear();
                await ReadAsync(conn, RebuildSql.ReadResponses(run.Ranges[month]), CellColumns.Responses, 0, ct);
                await ReadAsync(conn, RebuildSql.ReadInteractions(run.Ranges[month]), CellColumns.Interactions, CellColumns.Responses.Length, ct);
                run.Read(factRows, factDays);
                AddToWeeksAndMonths();
                run.AddCoarse(weeks, months);
                // Step names are shown translated by the web app (data-jobs/api/rollup-runs.ts stepMessage): rename both.
                if (steps is not null && first) await steps.StepAsync("summing the day, week and month cells of every unit and partner, and writing the days", ct, rowsRead: run.RowsRead);
                first = false;
                await run.TurnAsync(month, ct);
                var cells = await WriteCellsAsync(write, run.Slices, [("day"u8.ToArray(), days)], ct);
                run.Written(month, cells);
                if (steps is not null) await steps.CountAsync(run.RowsRead, run.CellsWritten, ct);
            }
            return this;
        }

        /// <summary>One fact table's rows of the month: each unit's statistics, from column <paramref name="offset"/>, into its subjects' day cells.</summary>
        private Task ReadAsync(NpgsqlConnection conn, string copy, CellColumn[] columns, int offset, CancellationToken ct)
        {
            var integer = IsInteger.AsSpan(offset, columns.Length).ToArray();
            return BinaryCopy.ReadAsync(conn, copy, RebuildSql.KeyFields + columns.Length, (in BinaryCopy.Row r) =>
            {
                var values = row.AsSpan(0, columns.Length);
                for (var c = 0; c < values.Length; c++)
                {
                    var f = RebuildSql.KeyFields + c;
                    values[c] = r.IsNull(f) ? 0 : integer[c] ? r.Int32(f) : r.Float64(f);
                }
                var (unit, day) = (r.Int64(0), r.Int32(1));
                var dim = r.Bytes(2);
                if (dim.SequenceEqual("all"u8))
                {
                    // every fact is in its unit's 'all' row of its day once: responses or contacts, the first statistic
                    factRows += (long)values[0];
                    factDays.Add(day);
                }
                var slice = slices.IdOf(dim, r.Bytes(3));
                foreach (var target in run.Targets.Of(unit))
                    days.Add(new CellKey(target.Kind, target.Subject, day, slice), values, offset);
            }, ct);
        }

        private void AddToWeeksAndMonths()
        {
            for (var i = 0; i < days.Count; i++)
            {
                var key = days.KeyAt(i);
                var day = BinaryCopy.Date(key.Period);
                var monday = key.Period - ((int)day.DayOfWeek + 6) % 7;
                weeks.Add(key with { Period = monday }, days.ValuesAt(i));
                months.Add(key with { Period = key.Period - day.Day + 1 }, days.ValuesAt(i));
            }
        }
    }

    /// <summary>
    /// Writes cells into the new cells table by binary COPY, each grain's in period order, a zero statistic as NULL (as
    /// stored); returns how many. An integer statistic past the column's range fails the run, as it would in SQL.
    /// </summary>
    private static async Task<long> WriteCellsAsync(NpgsqlConnection conn, SliceTable slices, IReadOnlyList<(byte[] Grain, CellTable Cells)> grains,
        CancellationToken ct)
    {
        await using var writer = await BinaryCopy.Writer.StartAsync(conn, $"COPY {RollupSql.NextCells} ({CellColumnList}) FROM STDIN (FORMAT binary)", ct);
        long written = 0;
        var fields = (short)(6 + CellTable.Width);
        var slice = slices.All(); // every slice of these cells is known by now
        foreach (var (grain, cells) in grains)
        {
            foreach (var i in cells.RowsByPeriod())
            {
                var key = cells.KeyAt(i);
                var (dim, value) = slice[key.Slice];
                await writer.ReserveAsync(2 + 6 * 4 + 2 + 8 + grain.Length + 4 + dim.Length + value.Length + CellTable.Width * 12, ct);
                writer.FieldCount(fields);
                writer.Int16(key.Kind);
                writer.Int64(key.Subject);
                writer.Text(grain);
                writer.Date(key.Period);
                writer.Text(dim);
                writer.Text(value);
                var values = cells.ValuesAt(i);
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] == 0) writer.Null();
                    else if (IsInteger[c]) writer.Int32(checked((int)values[c]));
                    else writer.Float64(values[c]);
                }
                written++;
            }
        }
        await writer.CompleteAsync(ct);
        return written;
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

    /// <summary>Settings of every connection of the rebuild, at the start of its transaction.</summary>
    private static async Task PrepareAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Statements over ~90 aggregates cost enough for PostgreSQL to JIT-compile them: reading the interactions spent
        // 5-7 s of a ~30 s statement compiling (EXPLAIN ANALYZE, 1M + 1M rows), more than the compiled code saved.
        await RollupEngine.ExecAsync(conn, tx, "SET LOCAL jit = off", ct);
        // The connections are already about one per core; at 10M + 10M rows a month is large enough for the planner to add
        // parallel workers under the grouping-sets aggregate (they only scan, sort and queue rows to it): two connections
        // then spent 180 s of PostgreSQL CPU against 117 s on one.
        await RollupEngine.ExecAsync(conn, tx, "SET LOCAL max_parallel_workers_per_gather = 0", ct);
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RollupEngine.WorkMem}'", ct);
    }

    /// <summary>
    /// A further connection whose REPEATABLE READ transactions start from the run's exported snapshot: they see exactly the
    /// rows the run sees, and nothing the run's transaction wrote. Besides the day cells it writes into the new cells
    /// table, it writes only a temporary table of driver day rows, dropped with its transaction.
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
                return new Sharing(conn, await BeginAsync(conn, snapshot, ct));
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

        /// <summary>Whether <see cref="DriverDaysAsync"/> ran: its rows are in its temporary table driver_days.</summary>
        public bool HasDriverDays { get; private set; }

        /// <summary>In a new transaction from the same snapshot (the one before committed): the driver day rows of the responses in <paramref name="range"/>, into driver_days.</summary>
        public async Task DriverDaysAsync(string snapshot, RebuildRange range, CancellationToken ct)
        {
            await Tx.DisposeAsync();
            Tx = await BeginAsync(conn, snapshot, ct);
            await RollupEngine.ExecAsync(conn, Tx, RebuildSql.CreateDriverDays(), ct);
            HasDriverDays = true;
            await RollupEngine.ExecAsync(conn, Tx, RebuildSql.InsertDriverDays(range), ct);
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

    /// <summary>
    /// Builds on the new cells table a copy of every index rollup_cell has (read from the catalog, so an index a later
    /// migration adds is carried too) on two connections at once (every cell is committed, so each index build is a
    /// transaction of its own): the primary key's index on one, the rest on the other; then analyzes it. Returns the statements
    /// that then replace rollup_cell by it, the primary key taking its index as it is. They run last, just before the
    /// commit: dropping the old table waits for the queries reading it and holds new readers only until the commit,
    /// after which they read the new cells (a reader never sees a mix of old and new).
    /// </summary>
    private static async Task<string> IndexNextCellsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NpgsqlConnection[] builders, CancellationToken ct)
    {
        const string next = RollupSql.NextCells;
        var indexes = new List<(string Name, string Def, string? Constraint, string? ConstraintDef)>();
        await using (var cmd = new NpgsqlCommand(RollupSql.CellIndexes, conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
                indexes.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }
        var swap = new List<string> { "DROP TABLE rollup_cell", $"ALTER TABLE {next} RENAME TO rollup_cell", "ALTER TABLE rollup_cell RESET (autovacuum_enabled)" };
        var builds = builders.Select(_ => new List<string>()).ToArray();
        foreach (var (name, def, constraint, constraintDef) in indexes.OrderBy(i => i.Constraint is null))
        {
            var onNext = System.Text.RegularExpressions.Regex.Replace(def, @"^CREATE (UNIQUE )?INDEX (\S+) ON (\S+\.)?rollup_cell ",
                m => $"CREATE {m.Groups[1].Value}INDEX {name}_next ON {next} ");
            if (onNext == def) throw new InvalidOperationException($"unexpected index definition on rollup_cell: {def}");
            // the key's index (the largest) alone on the first connection, every other one on the next
            builds[Math.Min(builds.Length - 1, constraint is null ? 1 : 0)].Add(onNext);
            if (constraint is not null)
            {
                var kind = constraintDef!.StartsWith("PRIMARY KEY", StringComparison.Ordinal) ? "PRIMARY KEY" : "UNIQUE";
                // the index takes the constraint's name
                swap.Add($"ALTER TABLE rollup_cell ADD CONSTRAINT {constraint} {kind} USING INDEX {name}_next");
            }
            else swap.Add($"ALTER INDEX {name}_next RENAME TO {name}");
        }
        await Task.WhenAll(builds.Select((statements, i) => BuildAsync(builders[i], statements, ct)));
        // after the builds: ANALYZE waits for any index build on the table
        await RollupEngine.ExecAsync(builders[^1], null, RebuildSql.AnalyzeNextCells, ct);
        return string.Join(";\n", swap);
    }

    private static async Task BuildAsync(NpgsqlConnection builder, List<string> statements, CancellationToken ct)
    {
        await using var tx = await builder.BeginTransactionAsync(ct);
        // Sorted in memory: the 64 MB default spilled every index's sort of ~1.4M entries to disk. No parallel workers: the
        // connections are already one per core.
        await RollupEngine.ExecAsync(builder, tx, $"SET LOCAL maintenance_work_mem = '{RebuildSql.IndexSortMem}'", ct);
        await RollupEngine.ExecAsync(builder, tx, "SET LOCAL max_parallel_maintenance_workers = 0", ct);
        foreach (var statement in statements) await RollupEngine.ExecAsync(builder, tx, statement, ct);
        await tx.CommitAsync(ct);
    }
}
