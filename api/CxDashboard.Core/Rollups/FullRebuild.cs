using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The full rebuild of <see cref="RollupEngine"/>. The facts' days are split into runs of whole months, one per
/// connection (<see cref="RebuildRange"/>): this run's connection takes the first, and each further one is a
/// connection of its own in a transaction that imports this transaction's snapshot (so it reads exactly the same rows).
/// Each reads its facts once into each unit's own day cells (one row per unit, day and slice), sums subtrees level by
/// level from the deepest (a unit's cell = its own + its children's), partners from their engagement roots, writes the
/// day cells in day order, the driver day rows, and its week and month cells (from each week's parts inside a month);
/// the other connections' rows are then copied into this transaction in range order, a week across two connections'
/// months summed into one cell. Quarters and years come from months; everything goes into a new table without indexes,
/// indexed, and swapped in by the caller just before the commit.
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

        var others = new List<(NpgsqlConnection Conn, NpgsqlTransaction Tx)>();
        try
        {
            if (ranges.Count > 1)
            {
                var snapshot = await RollupEngine.ScalarAsync<string>(conn, tx, "SELECT pg_export_snapshot()", ct);
                for (var i = 1; i < ranges.Count; i++) others.Add(await OpenSharingAsync(dataSource, snapshot, ct));
            }
            var work = new List<Task<RangeResult>> { RunRangeAsync(conn, tx, ranges[0], RollupSql.NextCells, steps, ct) };
            work.AddRange(others.Select((o, i) => RunRangeAsync(o.Conn, o.Tx, ranges[i + 1], "day_cells", null, ct)));
            var results = await Task.WhenAll(work);
            // in range order, after this connection's own: the day cells stay in day order
            foreach (var other in others)
            {
                await CopyAsync(other, conn, "day_cells", RollupSql.NextCells, $"{CellKey}, {RollupSql.Names(CellColumns.All)}", ct);
                await CopyAsync(other, conn, "coarse_cells", "coarse_cells", $"{CellKey}, {RollupSql.Names(CellColumns.All)}", ct);
                await CopyAsync(other, conn, "driver_days", "driver_days", $"org_unit_id, grain, period_start, linked, {string.Join(", ", DriverCells.CountColumns)}", ct);
            }
            var (rowsRead, days, cells) = (results.Sum(r => r.Rows), results.Sum(r => r.Days), results.Sum(r => r.Cells));
            await CloseAsync(others);

            await steps.StepAsync("building week and month cells from days", ct, rowsRead: rowsRead, cellsWritten: cells);
            // a week across the first day of a further connection's months has a cell from each side: summed into one
            foreach (var boundary in ranges.Skip(1).Select(r => DateOnly.FromDateTime(r.From!.Value)))
                await RollupEngine.ExecAsync(conn, tx, RebuildSql.JoinWeekAcross(boundary), ct);
            await steps.StepAsync("building quarter cells from months and year cells from quarters", ct, cellsWritten: cells);
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.AddQuartersAndYears(), ct);
            await RollupEngine.ExecAsync(conn, tx, RollupSql.LoosenNextCells, ct);
            cells += await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertCoarseCells, ct);

            await steps.StepAsync("indexing the new cells", ct, cellsWritten: cells);
            // Sorted in memory: the 64 MB default spilled every index's sort of ~1.4M entries to disk.
            await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL maintenance_work_mem = '{RebuildSql.IndexSortMem}'", ct);
            var swap = await IndexNextCellsAsync(conn, tx, ct);
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.WriteDriverDays, ct);
            await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertMonths("true"), ct);
            return (new Result(cells, rowsRead, days, ranges.Count), swap);
        }
        finally
        {
            await CloseAsync(others);
        }
    }

    private sealed record RangeResult(long Rows, int Days, long Cells);

    /// <summary>
    /// One connection's share: its facts into own cells, subtrees and partners, the day cells into <paramref name="dayTarget"/>
    /// in day order (the new cells table is created first when that is the target), driver day rows (table driver_days),
    /// and the week and month cells of its days (table coarse_cells). Progress is reported by the run's own connection only (<paramref name="steps"/>
    /// null elsewhere): the rows read it reports are its own until every connection's are counted.
    /// </summary>
    private static async Task<RangeResult> RunRangeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RebuildRange range,
        string dayTarget, RunProgress? steps, CancellationToken ct)
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
        // The day-order sort of ~1.1M day cells spilled ~240 MB to disk with the run's work_mem (1M + 1M rows; the cells
        // saturate with the facts, so this stays about the size at 10M): sorted in memory instead.
        if (dayTarget == RollupSql.NextCells) await RollupEngine.ExecAsync(conn, tx, RollupSql.CreateNextCells, ct);
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RebuildSql.DaySortMem}'", ct);
        long cells = await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertDayCells(deepest, dayTarget), ct);
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RollupEngine.WorkMem}'", ct);

        await Step(steps, "building driver cells", ct);
        // a response links interactions from 35 days before its month: the interactions read reach that far back
        await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertDays(range.Condition("r.responded_at"),
            range.Condition("i.opened_at", widenBefore: TimeSpan.FromDays(35)), target: "driver_days"), ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateParts(deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.WeeksAndMonths(), ct);
        return new RangeResult(rowsRead, days, cells);
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
    /// A further connection whose REPEATABLE READ transaction starts from the run's exported snapshot: it sees exactly the
    /// rows the run sees, and nothing the run's transaction wrote. It only writes temporary tables, dropped with it.
    /// </summary>
    private static async Task<(NpgsqlConnection, NpgsqlTransaction)> OpenSharingAsync(NpgsqlDataSource dataSource, string snapshot, CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            await RollupEngine.ExecAsync(conn, tx, $"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''")}'", ct);
            await PrepareAsync(conn, tx, ct);
            await RollupEngine.ExecAsync(conn, tx, RollupSql.CreateOwn(), ct);
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateDayCells(), ct);
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateDriverDays(), ct);
            return (conn, tx);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the further connections (their temporary tables go with their transactions). Idempotent.</summary>
    private static async Task CloseAsync(List<(NpgsqlConnection Conn, NpgsqlTransaction Tx)> others)
    {
        foreach (var (conn, tx) in others)
        {
            await tx.DisposeAsync();
            await conn.DisposeAsync();
        }
        others.Clear();
    }

    /// <summary>Copies a table of another connection into one of this transaction, as PostgreSQL's binary COPY bytes, unparsed.</summary>
    private static async Task CopyAsync((NpgsqlConnection Conn, NpgsqlTransaction Tx) from, NpgsqlConnection to, string source, string target,
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
        var renames = new List<string> { "DROP TABLE rollup_cell", $"ALTER TABLE {next} RENAME TO rollup_cell" };
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
