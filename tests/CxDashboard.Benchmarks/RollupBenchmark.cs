using System.Diagnostics;
using System.Globalization;
using CxDashboard.Core.Drivers;
using CxDashboard.Core.Rollups;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Rollup engine speed next to its baselines on the same data, in one run. Two data sets: the big one (--rows responses
/// and as many interactions) and a small one (--small-rows, default 1M, i.e. 2M facts), so the refresh of the same
/// real change (<see cref="RollupChange"/>) at both sizes prints side by side (it should not grow with the history). Baselines: (leaf) one plain GROUP BY unit, day,
/// slice over the raw rows making only the leaf day cells, the least work that reads every row once; (a) a plain
/// GROUP BY over the closure producing every cell; (b) REFRESH MATERIALIZED VIEW of an equivalent view. (a) and (b)
/// take hours at 10M + 10M: --no-closure-baselines leaves them out. The rebuild and the leaf baseline are measured in
/// --rounds rounds (default 3 for a set of 1M + 1M rows or fewer, 1 above), each printed, and the median ratio summed up.
/// </summary>
internal static class RollupBenchmark
{
    private sealed record RebuildRound(TimeSpan Rebuild, TimeSpan Single, TimeSpan Leaf);

    private sealed record SetFigures(long Facts, TimeSpan Rebuild, TimeSpan Leaf, long ChangeRows, TimeSpan RefreshChange, long CellsChecked, long DayRowsUnchanged, TimeSpan RefreshUnchanged);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var rows = long.Parse(Arg("--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var smallRows = long.Parse(Arg("--small-rows") ?? (rows > 1_000_000 ? "1000000" : "0"), CultureInfo.InvariantCulture);
        var closureBaselines = !args.Contains("--no-closure-baselines");
        // A set of 1M + 1M rows or fewer is rebuilt in 3 rounds (its figures are the noisiest, and a round takes ~1.5 minutes).
        int Rounds(long setRows) => int.Parse(Arg("--rounds") ?? (setRows <= 1_000_000 ? "3" : "1"), CultureInfo.InvariantCulture);
        if (Arg("--database") is { } name && Arg("--rebuild-rounds") is { } rounds) return await RebuildRoundsAsync(name, int.Parse(rounds, CultureInfo.InvariantCulture));
        if (Arg("--database") is { } existing) return await ChangeOnlyAsync(existing, import: !args.Contains("--refresh-only"), refresh: !args.Contains("--import-only"));
        var run = Stopwatch.StartNew();
        // At 10M + 10M the run takes over an hour: every figure is printed as soon as it is measured and
        // each phase is announced on stderr, so a log shows where a long run is and keeps what it measured.
        void Phase(string what) => Console.Error.WriteLine($"[{run.Elapsed:hh\\:mm\\:ss}] {what}");
        Console.WriteLine($"rollup benchmark: {rows:N0} responses + {rows:N0} interactions{(smallRows > 0 ? $", and {smallRows:N0} + {smallRows:N0} beside it" : "")}, {Environment.ProcessorCount} cores, work_mem {RollupEngine.WorkMem} for the rollup and the leaf baseline");

        SetFigures? small = null;
        if (smallRows > 0)
        {
            Console.WriteLine($"small set ({smallRows:N0} + {smallRows:N0}):");
            await using var sdb = await BenchDatabase.CreateAsync("rollup_small");
            small = await MeasureSetAsync(sdb, smallRows, Rounds(smallRows), Phase, closureBaselines: false, reads: false);
        }
        Console.WriteLine($"big set ({rows:N0} + {rows:N0}):");
        await using var db = await BenchDatabase.CreateAsync("rollup");
        var big = await MeasureSetAsync(db, rows, Rounds(rows), Phase, closureBaselines, reads: true);

        Console.WriteLine("side by side:");
        foreach (var (label, s) in new[] { ("small", small), ("big", big) })
        {
            if (s is null) continue;
            Console.WriteLine($"  {label,-5} {s.Facts,12:N0} facts: refresh of the change {s.RefreshChange.TotalSeconds,7:0.00} s ({s.ChangeRows:N0} rows, {s.CellsChecked:N0} day cells checked), " +
                $"unchanged day {s.RefreshUnchanged.TotalSeconds,7:0.00} s ({s.DayRowsUnchanged:N0} rows); " +
                $"full rebuild {s.Rebuild.TotalSeconds:0.0} s = {s.Rebuild / s.Leaf:0.00}× the leaf GROUP BY ({s.Leaf.TotalSeconds:0.0} s; the round of the median ratio)");
        }
        if (small is not null)
        {
            Console.WriteLine($"  refresh of the same {big.ChangeRows:N0}-row change, big / small: {big.RefreshChange / small.RefreshChange:0.00}× " +
                $"({big.RefreshChange.TotalSeconds:0.00} s / {small.RefreshChange.TotalSeconds:0.00} s; goal ≤ 1.5×, and ≤ 2 s at 20M facts); " +
                $"unchanged day: {big.RefreshUnchanged / small.RefreshUnchanged:0.00}×");
        }
        Console.WriteLine($"  peak working set of this process (the worker): {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        Phase("done");
        return 0;
    }

    private static async Task<SetFigures> MeasureSetAsync(BenchDatabase db, long rows, int rounds, Action<string> phase, bool closureBaselines, bool reads)
    {
        var clock = Stopwatch.StartNew();
        // Benchmark setup only: the fact tables' secondary indexes are dropped for the seed and built once afterwards
        // (timed apart), since keeping them up row by row made seeding 20M facts take 15 minutes. Imports keep them.
        var indexes = await db.RowsAsync(FactSecondaryIndexes);
        foreach (var ix in indexes) await db.ExecuteAsync($"DROP INDEX {(string)ix[0]!}");
        phase($"seeding ({indexes.Count} secondary fact indexes dropped)");
        var seeded = await db.HostAsync("seed", "--responses", rows.ToString(CultureInfo.InvariantCulture), "--interactions", rows.ToString(CultureInfo.InvariantCulture));
        if (seeded.Code != 0) throw new InvalidOperationException(seeded.Err);
        var seedTime = clock.Elapsed;
        phase("building the secondary fact indexes");
        var indexClock = Stopwatch.StartNew();
        // The catalog spells a partitioned table's index "ON ONLY parent" (the parent alone, left invalid); built on the
        // parent without ONLY, PostgreSQL builds and attaches it on every partition.
        foreach (var ix in indexes) await db.ExecuteAsync(((string)ix[1]!).Replace(" ON ONLY ", " ON ", StringComparison.Ordinal));
        if (await db.ScalarAsync("SELECT count(*) FROM pg_index i WHERE NOT i.indisvalid") is > 0 and var invalid)
            throw new InvalidOperationException($"{invalid} invalid indexes after rebuilding the fact indexes");
        indexClock.Stop();
        phase("vacuum analyze");
        await db.ExecuteAsync("VACUUM ANALYZE");
        var facts = await db.ScalarAsync("SELECT (SELECT count(*) FROM survey_response) + (SELECT count(*) FROM interaction)");
        Console.WriteLine($"  facts: {facts:N0} (seeded in {seedTime.TotalSeconds:0} s without the {indexes.Count} secondary fact indexes, " +
            $"built afterwards in {indexClock.Elapsed.TotalSeconds:0} s; with vacuum analyze {clock.Elapsed.TotalSeconds:0} s in all)");

        // The rebuild (default connections, then one) and the leaf GROUP BY, in rounds: the same statement's time swings by a
        // third between runs on this machine (the leaf GROUP BY took 12.9 s in two runs and 19.7 s in a third), so each
        // round's ratio pairs figures measured minutes apart, and the median of the rounds' ratios is the figure.
        var engine = new RollupEngine(db.DataSource);
        var measured = new List<RebuildRound>();
        for (var round = 1; round <= rounds; round++)
        {
            var tag = rounds > 1 ? $" (round {round} of {rounds})" : "";
            phase($"cx full rebuild ({RollupEngine.DefaultRebuildConnections} connections, the default){tag}");
            var cpu = ServerCpu.Now();
            var client = ClientCpu();
            var full = await engine.RebuildAsync(Progress(phase));
            var fullCpu = ServerCpu.Now() - cpu;
            var fullClient = ClientCpu() - client;
            Line($"cx full rebuild ({RollupEngine.DefaultRebuildConnections} connections: cells, all grains, partners, driver cells){tag}", facts, full.Duration);
            phase($"cx full rebuild on one connection{tag}");
            cpu = ServerCpu.Now();
            client = ClientCpu();
            var single = await new RollupEngine(db.DataSource, rebuildConnections: 1).RebuildAsync(Progress(phase));
            var singleCpu = ServerCpu.Now() - cpu;
            var singleClient = ClientCpu() - client;
            Line($"cx full rebuild on one connection (Rollups:RebuildConnections 1){tag}", facts, single.Duration);
            if (round == 1) Console.WriteLine($"  cells written by the rebuild: {full.CellsWritten:N0}");
            await db.ExecuteAsync("VACUUM ANALYZE rollup_cell");
            await db.ExecuteAsync("VACUUM ANALYZE driver_cell");

            phase($"(leaf) plain GROUP BY unit, day, slice{tag}");
            cpu = ServerCpu.Now();
            var leaf = Stopwatch.StartNew();
            // The same sort and hash memory as the rollup run, so the ratio compares work, not settings.
            await db.ExecuteAsync($"SET work_mem = '{RollupEngine.WorkMem}'; CREATE UNLOGGED TABLE leaf_cells AS {LeafGroupBy()}; RESET work_mem");
            leaf.Stop();
            var leafCpu = ServerCpu.Now() - cpu;
            Line($"(leaf) plain GROUP BY unit, day, slice: leaf day cells only{tag}", facts, leaf.Elapsed);
            if (round == 1) Console.WriteLine($"  cells made by the leaf GROUP BY: {await db.ScalarAsync("SELECT count(*) FROM leaf_cells"):N0}");
            Console.WriteLine($"  full rebuild / leaf GROUP BY: {full.Duration / leaf.Elapsed:0.00}× (goal ≤ 2×); on one connection {single.Duration / leaf.Elapsed:0.00}×");
            Console.WriteLine($"  PostgreSQL CPU time (every server process): rebuild {fullCpu:0.0} s, on one connection {singleCpu:0.0} s, leaf GROUP BY {leafCpu:0.0} s " +
                $"({fullCpu / Math.Max(0.01, leafCpu):0.00}× and {singleCpu / Math.Max(0.01, leafCpu):0.00}×); 1-minute load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            // The rebuild sums the cells in this process (the leaf GROUP BY has no client work): its CPU counts too.
            Console.WriteLine($"  with the rebuild's own CPU in this process ({fullClient:0.0} s and {singleClient:0.0} s): rebuild {(fullCpu + fullClient) / Math.Max(0.01, leafCpu):0.00}× " +
                $"and on one connection {(singleCpu + singleClient) / Math.Max(0.01, leafCpu):0.00}× the leaf GROUP BY's CPU");
            await db.ExecuteAsync("DROP TABLE leaf_cells");
            measured.Add(new RebuildRound(full.Duration, single.Duration, leaf.Elapsed));
        }
        var median = measured.OrderBy(r => r.Rebuild / r.Leaf).ElementAt(measured.Count / 2);
        if (rounds > 1)
        {
            Console.WriteLine($"  full rebuild / leaf GROUP BY over {rounds} rounds: {string.Join(", ", measured.Select(r => $"{r.Rebuild / r.Leaf:0.00}×"))}; " +
                $"median {median.Rebuild / median.Leaf:0.00}× ({median.Rebuild.TotalSeconds:0.0} s / {median.Leaf.TotalSeconds:0.0} s; goal ≤ 2×); " +
                $"on one connection: {string.Join(", ", measured.Select(r => $"{r.Single / r.Leaf:0.00}×"))}");
        }

        // The same real change of ~50k rows at every size, through the import verb (which logs the signed row versions in
        // the change log), then the refresh that takes it in, checked cell by cell against plain SQL.
        var change = await RollupChange.ForAsync(db);
        phase($"importing the change (~{change.Rows:N0} rows: {change.Day:yyyy-MM-dd} and late rows for {change.LateDay:yyyy-MM-dd})");
        var imported = await change.ImportAsync(db);
        var marked = await db.ScalarAsync("SELECT count(*) FROM dirty_day");
        var logged = await db.ScalarAsync("SELECT (SELECT count(*) FROM survey_response_change) + (SELECT count(*) FROM interaction_change)");
        phase("cx incremental refresh of the change");
        var refresh = await engine.RefreshAsync(Progress(phase));
        Line($"cx incremental refresh of the change ({change.Rows:N0} rows imported, {logged:N0} change rows logged, {marked:N0} unit-days marked)", change.Rows, refresh.Duration);
        Console.WriteLine($"  (the import of the change took {imported.TotalSeconds:0.00} s; the refresh read {refresh.RowsRead:N0} fact rows, wrote {refresh.CellsWritten:N0} cells)");
        phase("checking the changed days' cells against plain SQL");
        var checkedCells = await change.CheckAsync(db);
        Console.WriteLine($"  checked: {checkedCells:N0} day cells of {change.Day:yyyy-MM-dd} and {change.LateDay:yyyy-MM-dd} (units and partners, every slice) equal SQL over the raw rows");

        // The same day marked again without any change to its rows: the refresh reads and recomputes it, adds nothing.
        const string Day = "(SELECT max(responded_at AT TIME ZONE 'UTC')::date - 3 FROM survey_response)";
        phase("cx incremental refresh of one day, nothing changed (responses and interactions marked)");
        await db.ExecuteAsync($"""
            INSERT INTO dirty_day (org_unit_id, day, fact)
            SELECT DISTINCT org_unit_id, (responded_at AT TIME ZONE 'UTC')::date, 'response' FROM survey_response
            WHERE (responded_at AT TIME ZONE 'UTC')::date = {Day}
            UNION
            SELECT DISTINCT org_unit_id, (opened_at AT TIME ZONE 'UTC')::date, 'interaction' FROM interaction
            WHERE (opened_at AT TIME ZONE 'UTC')::date = {Day}
            """);
        var bothRows = await db.ScalarAsync($"SELECT (SELECT count(*) FROM survey_response WHERE (responded_at AT TIME ZONE 'UTC')::date = {Day}) + (SELECT count(*) FROM interaction WHERE (opened_at AT TIME ZONE 'UTC')::date = {Day})");
        var both = await engine.RefreshAsync(Progress(phase));
        Line($"cx incremental refresh of one day, unchanged ({bothRows:N0} rows of both tables)", bothRows, both.Duration);

        if (reads) await ReadsAsync(db, phase);

        if (closureBaselines)
        {
            phase("(a) plain GROUP BY over the closure");
            var plain = Stopwatch.StartNew();
            await db.ExecuteAsync($"CREATE UNLOGGED TABLE plain_cells AS {PlainGroupBy()}");
            plain.Stop();
            Line("(a) plain GROUP BY over raw rows and the closure, same cells", facts, plain.Elapsed);
            Console.WriteLine($"  full rebuild / plain GROUP BY over the closure: {median.Rebuild / plain.Elapsed:0.00}×");
            await db.ExecuteAsync("DROP TABLE plain_cells");

            // A non-concurrent REFRESH always runs the whole query into a new heap and swaps it in, so the view is
            // created WITH NO DATA and only the refresh is timed.
            phase("(b) REFRESH MATERIALIZED VIEW");
            await db.ExecuteAsync($"CREATE MATERIALIZED VIEW mv_cells AS {PlainGroupBy()} WITH NO DATA");
            var mv = Stopwatch.StartNew();
            await db.ExecuteAsync("REFRESH MATERIALIZED VIEW mv_cells");
            mv.Stop();
            Line("(b) REFRESH MATERIALIZED VIEW", facts, mv.Elapsed);
            Console.WriteLine($"  materialized view refresh / incremental one day: {mv.Elapsed / both.Duration:0.0}× faster (goal ≥ 50×)");
        }
        return new SetFigures(facts, median.Rebuild, median.Leaf, change.Rows, refresh.Duration, checkedCells, bothRows, both.Duration);
    }

    /// <summary>
    /// For profiling the refresh (CXD_BENCH_PG + --database NAME): the change imported into an existing, seeded and rebuilt
    /// database (use a copy: the change is new rows once), refreshed and checked. --import-only stops after the import and
    /// --refresh-only starts after it, so a copy of an imported database can be refreshed again and again.
    /// </summary>
    private static async Task<int> ChangeOnlyAsync(string name, bool import, bool refresh)
    {
        await using var db = BenchDatabase.Existing(name);
        var change = await RollupChange.ForAsync(db);
        if (import) Console.WriteLine($"import {(await change.ImportAsync(db)).TotalSeconds:0.00} s");
        if (!refresh) return 0;
        var run = await new RollupEngine(db.DataSource).RefreshAsync(step => Console.Error.WriteLine($"  {step}"));
        Console.WriteLine($"refresh {run.Duration.TotalSeconds:0.00} s ({run.RowsRead:N0} rows read, {run.CellsWritten:N0} cells written)");
        Console.WriteLine($"checked: {await change.CheckAsync(db):N0} cells equal SQL");
        return 0;
    }

    /// <summary>
    /// For comparing rebuilds on a loaded machine (CXD_BENCH_PG + --database NAME --rebuild-rounds N, a seeded database):
    /// the leaf GROUP BY, the rebuild on one connection and on the default connections, alternated N times, each with the
    /// PostgreSQL CPU time it took.
    /// </summary>
    private static async Task<int> RebuildRoundsAsync(string name, int rounds)
    {
        await using var db = BenchDatabase.Existing(name);
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = ServerCpu.Now();
            var leaf = Stopwatch.StartNew();
            await db.ExecuteAsync($"SET work_mem = '{RollupEngine.WorkMem}'; CREATE UNLOGGED TABLE leaf_cells AS {LeafGroupBy()}; RESET work_mem");
            leaf.Stop();
            var leafCpu = ServerCpu.Now() - cpu;
            await db.ExecuteAsync("DROP TABLE leaf_cells");
            var line = $"round {round}: leaf {leaf.Elapsed.TotalSeconds:0.0} s (cpu {leafCpu:0.0} s)";
            foreach (var connections in new[] { 1, RollupEngine.DefaultRebuildConnections })
            {
                cpu = ServerCpu.Now();
                var run = await new RollupEngine(db.DataSource, connections).RebuildAsync();
                var runCpu = ServerCpu.Now() - cpu;
                line += $"; rebuild on {connections}: {run.Duration.TotalSeconds:0.0} s = {run.Duration / leaf.Elapsed:0.00}× (cpu {runCpu:0.0} s = {runCpu / leafCpu:0.00}×)";
            }
            Console.WriteLine($"{line}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }

    /// <summary>CPU seconds this process has used (user and system).</summary>
    private static double ClientCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Drivers of the company for its last whole quarter from driver cells next to the same analysis over raw facts
    /// (a day range of the same dates takes the raw path), and a verbatim page of the company for the whole year.</summary>
    private static async Task ReadsAsync(BenchDatabase db, Action<string> phase)
    {
        phase("reads: drivers and verbatims");
        var company = await db.ScalarAsync("SELECT id FROM org_unit WHERE parent_id IS NULL");
        var last = DateOnly.FromDateTime((await db.ScalarDateAsync("SELECT max(responded_at) FROM survey_response")));
        var quarter = Period.Of("quarter", last).Back(1);
        var range = Period.Between(quarter.First, quarter.Last);
        var drivers = new DriverService(db.DataSource);
        var fromCells = await BestOfAsync(5, () => drivers.AnalyseAsync(company, quarter));
        var fromFacts = await BestOfAsync(2, () => drivers.AnalyseAsync(company, range));
        Console.WriteLine($"  drivers, company, {quarter}: from driver cells {fromCells.TotalMilliseconds:0.0} ms; " +
            $"from raw facts (same days as a range) {fromFacts.TotalMilliseconds:0.0} ms ({fromFacts / fromCells:0}× slower)");
        var units = (await db.RowsAsync("SELECT id FROM org_unit")).Select(r => (long)r[0]!).ToArray();
        var verbatims = new VerbatimQuery(db.DataSource);
        var year = Period.Of("year", last);
        var page = await BestOfAsync(5, () => verbatims.PageAsync(company, units, year, VerbatimBand.NpsDetractors, VerbatimSlices.All, 25, null));
        Console.WriteLine($"  verbatims, company, {year}, detractors, first 25: {page.TotalMilliseconds:0.0} ms " +
            $"(comments in the year: {await db.ScalarAsync($"SELECT count(*) FROM survey_response WHERE comment <> '' AND responded_at >= '{year.First:yyyy-MM-dd}'"):N0})");
    }

    private static async Task<TimeSpan> BestOfAsync<T>(int times, Func<Task<T>> op)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < times; i++)
        {
            var sw = Stopwatch.StartNew();
            await op();
            if (sw.Elapsed < best) best = sw.Elapsed;
        }
        return best;
    }

    /// <summary>Name and definition of each index of the partitioned fact tables that backs no constraint (the merge keys stay).</summary>
    private const string FactSecondaryIndexes = """
        SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid IN ('survey_response'::regclass, 'interaction'::regclass)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY c.relname
        """;

    private static Action<string> Progress(Action<string> phase) => step => phase("  " + step);

    private static void Line(string label, long rows, TimeSpan t) =>
        Console.WriteLine($"  {label,-66} {t.TotalSeconds,8:0.00} s {rows / Math.Max(1e-6, t.TotalSeconds),12:N0} rows/s");

    /// <summary>Each leaf unit's own day cells, every slice, from the raw rows: one GROUP BY per fact table.</summary>
    private static string LeafGroupBy()
    {
        var parts = new List<string>();
        foreach (var (table, time, own, extra) in new[]
        {
            ("survey_response", "responded_at", CellColumns.Responses, ""),
            ("interaction", "opened_at", CellColumns.Interactions, ", " + CellColumns.InteractionBuckets),
        })
        {
            var columns = string.Join(", ", CellColumns.All.Select(c => own.Contains(c) ? $"{c.Aggregate} AS {c.Name}" : $"0 AS {c.Name}"));
            parts.Add($"""
                SELECT f.org_unit_id, f.day, COALESCE(f.channel, f.journey_stage, f.segment, '') AS dim_value, {columns}
                FROM (SELECT *, ({time} AT TIME ZONE 'UTC')::date AS day{extra} FROM {table}) f
                GROUP BY GROUPING SETS ((f.org_unit_id, f.day), (f.org_unit_id, f.day, f.channel), (f.org_unit_id, f.day, f.journey_stage), (f.org_unit_id, f.day, f.segment))
                """);
        }
        return string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>
    /// Every subject × grain × slice straight from the raw rows, in one statement: one row per cell and
    /// fact family (response statistics padded with zeros for the interaction columns and vice versa).
    /// </summary>
    private static string PlainGroupBy()
    {
        var parts = new List<string>();
        foreach (var grain in RollupGrains.All)
        {
            foreach (var (table, time, own, extra) in new[]
            {
                ("survey_response", "responded_at", CellColumns.Responses, ""),
                ("interaction", "opened_at", CellColumns.Interactions, ", " + CellColumns.InteractionBuckets),
            })
            {
                var p = $"date_trunc('{grain}', f.{time} AT TIME ZONE 'UTC')";
                var columns = string.Join(", ", CellColumns.All.Select(c => own.Contains(c) ? $"{c.Aggregate} AS {c.Name}" : $"0 AS {c.Name}"));
                parts.Add($"""
                    SELECT c.ancestor_id, '{grain}' AS grain, date_trunc('{grain}', f.{time} AT TIME ZONE 'UTC')::date AS period_start,
                           COALESCE(f.channel, f.journey_stage, f.segment, '') AS dim_value, {columns}
                    FROM (SELECT *{extra} FROM {table}) f JOIN org_unit_closure c ON c.descendant_id = f.org_unit_id
                    GROUP BY GROUPING SETS ((c.ancestor_id, {p}), (c.ancestor_id, {p}, f.channel), (c.ancestor_id, {p}, f.journey_stage), (c.ancestor_id, {p}, f.segment))
                    """);
            }
        }
        return string.Join("\nUNION ALL\n", parts);
    }
}
