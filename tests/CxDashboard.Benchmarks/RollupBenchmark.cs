using System.Diagnostics;
using System.Globalization;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Rollup engine speed next to two baselines on the same data, in one run: (a) a plain GROUP BY over
/// the raw rows producing the same cells, (b) REFRESH MATERIALIZED VIEW of an equivalent view (what
/// an incremental refresh of one day is compared with).
/// </summary>
internal static class RollupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var run = Stopwatch.StartNew();
        // At 10M + 10M the run takes over an hour: every figure is printed as soon as it is measured and
        // each phase is announced on stderr, so a log shows where a long run is and keeps what it measured.
        void Phase(string what) => Console.Error.WriteLine($"[{run.Elapsed:hh\\:mm\\:ss}] {what}");
        await using var db = await BenchDatabase.CreateAsync("rollup");
        Console.WriteLine($"rollup benchmark: {rows:N0} responses + {rows:N0} interactions, {Environment.ProcessorCount} cores");
        Phase("seeding");
        var seeded = await db.HostAsync("seed", "--responses", rows.ToString(CultureInfo.InvariantCulture), "--interactions", rows.ToString(CultureInfo.InvariantCulture));
        if (seeded.Code != 0) throw new InvalidOperationException(seeded.Err);
        Phase("vacuum analyze");
        await db.ExecuteAsync("VACUUM ANALYZE");
        var facts = await db.ScalarAsync("SELECT (SELECT count(*) FROM survey_response) + (SELECT count(*) FROM interaction)");
        Console.WriteLine($"  facts: {facts:N0} (seeded in {run.Elapsed.TotalSeconds:0} s)");

        Phase("cx full rebuild");
        var engine = new RollupEngine(db.DataSource);
        var full = await engine.RebuildAsync();
        Line("cx full rebuild", facts, full.Duration);
        Console.WriteLine($"  cells written by the rebuild: {full.CellsWritten:N0}");

        // One day of fresh data: mark the busiest day of the last month dirty for every unit that has facts that day.
        Phase("cx incremental refresh of one day");
        await db.ExecuteAsync("""
            INSERT INTO dirty_day (org_unit_id, day, fact)
            SELECT DISTINCT org_unit_id, (responded_at AT TIME ZONE 'UTC')::date, 'response' FROM survey_response
            WHERE (responded_at AT TIME ZONE 'UTC')::date = (SELECT max(responded_at AT TIME ZONE 'UTC')::date - 3 FROM survey_response)
            """);
        var dayRows = await db.ScalarAsync("""
            SELECT (SELECT count(*) FROM survey_response WHERE (responded_at AT TIME ZONE 'UTC')::date = (SELECT max(day) FROM dirty_day))
                 + (SELECT count(*) FROM interaction WHERE (opened_at AT TIME ZONE 'UTC')::date = (SELECT max(day) FROM dirty_day))
            """);
        var incremental = await engine.RefreshAsync();
        Line($"cx incremental refresh of one day ({dayRows:N0} rows)", dayRows, incremental.Duration);

        Phase("(a) plain GROUP BY");
        var plain = Stopwatch.StartNew();
        await db.ExecuteAsync($"CREATE UNLOGGED TABLE plain_cells AS {PlainGroupBy()}");
        plain.Stop();
        var plainCells = await db.ScalarAsync("SELECT count(*) FROM plain_cells");
        Line("(a) plain GROUP BY over raw rows, same cells", facts, plain.Elapsed);
        Console.WriteLine($"  cells made by the plain GROUP BY: {plainCells:N0}");
        Console.WriteLine($"  full rebuild / plain GROUP BY: {full.Duration / plain.Elapsed:0.00}× (goal ≤ 2×)");
        await db.ExecuteAsync("DROP TABLE plain_cells");

        // A non-concurrent REFRESH always runs the whole query into a new heap and swaps it in, whether
        // the view held data or not, so the view is created WITH NO DATA and only the refresh is timed
        // (populating it at CREATE as well would run the same hour-long query once more for nothing).
        Phase("(b) REFRESH MATERIALIZED VIEW");
        await db.ExecuteAsync($"CREATE MATERIALIZED VIEW mv_cells AS {PlainGroupBy()} WITH NO DATA");
        var mv = Stopwatch.StartNew();
        await db.ExecuteAsync("REFRESH MATERIALIZED VIEW mv_cells");
        mv.Stop();
        Line("(b) REFRESH MATERIALIZED VIEW", facts, mv.Elapsed);
        Console.WriteLine($"  materialized view refresh / incremental one day: {mv.Elapsed / incremental.Duration:0.0}× faster (goal ≥ 50×)");
        Console.WriteLine($"  peak working set of this process (the worker): {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        Phase("done");
        return 0;
    }

    private static void Line(string label, long rows, TimeSpan t) =>
        Console.WriteLine($"  {label,-58} {t.TotalSeconds,8:0.00} s {rows / Math.Max(1e-6, t.TotalSeconds),12:N0} rows/s");

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
