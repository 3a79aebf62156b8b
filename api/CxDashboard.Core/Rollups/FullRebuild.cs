using CxDashboard.Core.Drivers;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The full rebuild of <see cref="RollupEngine"/>: every fact read once into each unit's own day cells (one row per
/// unit, day and slice), subtrees summed level by level from the deepest (a unit's cell = its own + its children's),
/// partners from their engagement roots, weeks and months from days in one pass, quarters and years from months;
/// written into a new table without indexes, indexed, and swapped in by the caller just before the commit.
/// </summary>
internal static class FullRebuild
{
    public sealed record Result(long Cells, long RowsRead, int Days);

    /// <summary>Runs the rebuild in the caller's transaction (table own exists, empty); returns when only the swap is left.</summary>
    public static async Task<(Result Result, string Swap)> RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RunProgress steps, CancellationToken ct)
    {
        // Statements over ~90 aggregates cost enough for PostgreSQL to JIT-compile them: reading the interactions spent
        // 5-7 s of a ~30 s statement compiling (EXPLAIN ANALYZE, 1M + 1M rows), more than the compiled code saved.
        await RollupEngine.ExecAsync(conn, tx, "SET LOCAL jit = off", ct);
        // Step names are shown translated by the web app (data-jobs/api/rollup-runs.ts stepMessage): rename both.
        await steps.StepAsync("reading survey responses", ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateOwnResponses(), ct);
        await steps.StepAsync("reading interactions", ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.FillOwnJoined(), ct);
        var (rowsRead, days) = await RowsAndDaysAsync(conn, tx, ct);

        await steps.StepAsync("summing subtrees level by level, and partners", ct, rowsRead: rowsRead);
        await RollupEngine.ExecAsync(conn, tx, RollupSql.CreateTree, ct);
        var deepest = await RollupEngine.ScalarAsync<int?>(conn, tx, "SELECT max(level)::int FROM tree", ct) ?? -1;
        for (var level = deepest - 1; level >= 0; level--)
            await RollupEngine.ExecAsync(conn, tx, RebuildSql.SumLevel(level, deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, RollupSql.CreatePartnerRoots, ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreatePartnerDays(deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, RollupSql.CreateNextCells, ct);
        // The day-order sort of ~1.1M day cells spilled ~240 MB to disk with the run's work_mem (1M + 1M rows; the cells
        // saturate with the facts, so this stays about the size at 10M): sorted in memory instead.
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RebuildSql.DaySortMem}'", ct);
        long cells = await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertDayCells(deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL work_mem = '{RollupEngine.WorkMem}'", ct);

        await steps.StepAsync("building week and month cells from days", ct, cellsWritten: cells);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.CreateWeeksAndMonths(deepest), ct);
        await RollupEngine.ExecAsync(conn, tx, RollupSql.LoosenNextCells, ct);
        cells += await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertCoarseCells("week", "month"), ct);
        await steps.StepAsync("building quarter cells from months and year cells from quarters", ct, cellsWritten: cells);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.AddQuartersAndYears(), ct);
        cells += await RollupEngine.ExecAsync(conn, tx, RebuildSql.InsertCoarseCells("quarter", "year"), ct);

        await steps.StepAsync("indexing the new cells", ct, cellsWritten: cells);
        var swap = await IndexNextCellsAsync(conn, tx, ct);
        await steps.StepAsync("building driver cells", ct, cellsWritten: cells);
        await RollupEngine.ExecAsync(conn, tx, "DELETE FROM driver_cell", ct);
        await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertDays("true", "true"), ct);
        await RollupEngine.ExecAsync(conn, tx, DriverCells.InsertMonths("true"), ct);
        return (new Result(cells, rowsRead, days), swap);
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
