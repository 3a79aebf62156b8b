using System.Diagnostics;
using System.Globalization;
using System.Text;
using CxDashboard.Core.Facts;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Benchmarks;

/// <summary>
/// One real change of about 50k rows, the same at every history size, put in through the product's import path (the
/// CLI verb, which merges the rows and logs each new and replaced row version in the change log): 24,000 new interactions and 24,000 new
/// responses on one day (a third of the responses linked to the new interactions), 1,000 + 1,000 late rows for a day
/// seven months earlier, and 1,000 of that day's existing responses re-sent with another score (100 of them moved to
/// another unit). The new rows come from a fixed random seed and the unit codes of the fixed demo organisation; the
/// re-sent rows are the day's first 1,000 by external id. After the refresh <see cref="CheckAsync"/> compares every
/// day cell of the touched days with a plain GROUP BY over the raw rows.
/// </summary>
internal sealed class RollupChange
{
    public const int NewPerTable = 24_000, LatePerTable = 1_000, Resent = 1_000, Moved = 100;

    public required DateOnly Day { get; init; }
    public required DateOnly LateDay { get; init; }

    public int ResentRows { get; private set; } = Resent;

    public int Rows => 2 * NewPerTable + 2 * LatePerTable + ResentRows;

    /// <summary>The day of the change: three days before the last day with responses (as the zero-change refresh).</summary>
    public static async Task<RollupChange> ForAsync(BenchDatabase db)
    {
        var last = DateOnly.FromDateTime(await db.ScalarDateAsync("SELECT max(responded_at) FROM survey_response"));
        var day = last.AddDays(-3);
        return new RollupChange { Day = day, LateDay = new DateOnly(day.Year, day.Month, 10).AddMonths(-7) };
    }

    /// <summary>Writes the two files and imports them (interactions first, so the responses' links find them); returns the import time.</summary>
    public async Task<TimeSpan> ImportAsync(BenchDatabase db)
    {
        var leaves = (await db.RowsAsync("""
            SELECT code FROM org_unit u WHERE NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id) ORDER BY code
            """)).Select(r => (string)r[0]!).ToArray();
        var (t0, t1) = Bounds(Day);
        var resent = await db.RowsAsync($"""
            SELECT r.source, r.external_id, r.responded_at, u.code, r.channel, r.journey_stage, r.segment, r.nps, r.csat, r.ces,
                   r.comment, r.interaction_external_id
            FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id
            WHERE r.responded_at >= '{t0}' AND r.responded_at < '{t1}'
            ORDER BY r.external_id COLLATE "C" LIMIT {Resent}
            """);
        // Sets of 1M rows and more have several thousand responses a day; a tiny set re-sends what it has.
        ResentRows = resent.Count;

        var dir = Directory.CreateTempSubdirectory("cx-bench-change-");
        try
        {
            var interactions = Path.Combine(dir.FullName, "interactions.csv");
            var responses = Path.Combine(dir.FullName, "responses.csv");
            var unitOf = WriteInteractions(interactions, leaves);
            WriteResponses(responses, leaves, unitOf, resent);
            var clock = Stopwatch.StartNew();
            foreach (var (kind, file) in new[] { ("interactions", interactions), ("responses", responses) })
            {
                var (code, output, err) = await db.HostAsync("import", kind, file, "--no-progress");
                if (code != 0) throw new InvalidOperationException($"import {kind} failed ({code}): {output} {err}");
            }
            return clock.Elapsed;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private string[] WriteInteractions(string path, string[] leaves)
    {
        var rng = new Random(18);
        var unitOf = new string[NewPerTable];
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("external_id,customer_key,opened_at,first_response_at,closed_at,unit_code,channel,journey_stage,segment,handle_seconds," +
            "resolved_first_contact,transfers,repeat_within_7d,escalated_from_self_service,contained_in_self_service,switched_channel,abandoned,sla_target_seconds");
        for (var i = 0; i < NewPerTable + LatePerTable; i++)
        {
            var late = i >= NewPerTable;
            var opened = At(late ? LateDay : Day, rng.Next(0, 24 * 3600 - 7200));
            var unit = leaves[rng.Next(leaves.Length)];
            if (!late) unitOf[i] = unit;
            var firstResponse = rng.Next(10) == 0 ? "" : Iso(opened.AddSeconds(rng.Next(5, 3600)));
            var closed = Iso(opened.AddSeconds(rng.Next(3600, 7200)));
            string B() => rng.Next(2) == 0 ? "true" : "false";
            w.WriteLine(string.Join(',',
                $"BENCH-I-{(late ? "L" : "")}{i}", $"BC-{rng.Next(5000)}", Iso(opened), firstResponse, closed, unit,
                Dimensions.Channels[rng.Next(Dimensions.Channels.Length)], Dimensions.JourneyStages[rng.Next(Dimensions.JourneyStages.Length)],
                Segments[rng.Next(Segments.Length)], rng.Next(30, 3000).ToString(CultureInfo.InvariantCulture), B(),
                rng.Next(3).ToString(CultureInfo.InvariantCulture), B(), "false", rng.Next(3) == 0 ? "" : B(), B(), rng.Next(20) == 0 ? "true" : "false",
                rng.Next(4) == 0 ? "" : "3600"));
        }
        return unitOf;
    }

    private void WriteResponses(string path, string[] leaves, string[] interactionUnit, List<object?[]> resent)
    {
        var rng = new Random(1818);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("source,external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,ces,comment,interaction_external_id");
        for (var i = 0; i < NewPerTable + LatePerTable; i++)
        {
            var late = i >= NewPerTable;
            var linked = !late && i % 3 == 0;
            w.WriteLine(string.Join(',',
                "default", $"BENCH-R-{(late ? "L" : "")}{i}", Iso(At(late ? LateDay : Day, rng.Next(7200, 24 * 3600))),
                linked ? interactionUnit[i] : leaves[rng.Next(leaves.Length)],
                Dimensions.Channels[rng.Next(Dimensions.Channels.Length)], Dimensions.JourneyStages[rng.Next(Dimensions.JourneyStages.Length)],
                Segments[rng.Next(Segments.Length)], rng.Next(11), rng.Next(1, 6), rng.Next(4) == 0 ? "" : rng.Next(1, 8).ToString(CultureInfo.InvariantCulture),
                rng.Next(5) == 0 ? "benchmark comment" : "", linked ? $"BENCH-I-{i}" : ""));
        }
        // Re-sent rows: another NPS (and CSAT), and every tenth moved to another leaf unit.
        for (var i = 0; i < resent.Count; i++)
        {
            var r = resent[i];
            var nps = r[7] is null ? 4 : (Convert.ToInt32(r[7], CultureInfo.InvariantCulture) + 5) % 11;
            var unit = i % (Resent / Moved) == 0 && leaves.Length > 1 ? leaves[(Array.IndexOf(leaves, (string)r[3]!) + 1) % leaves.Length] : (string)r[3]!;
            w.WriteLine(string.Join(',',
                Csv(r[0]), Csv(r[1]), Iso((DateTime)r[2]!), Csv(unit), Csv(r[4]), Csv(r[5]), Csv(r[6]), nps,
                r[8] is null ? "" : 6 - Convert.ToInt32(r[8], CultureInfo.InvariantCulture), Csv(r[9]), Csv(r[10]), Csv(r[11])));
        }
    }

    private static readonly string[] Segments = ["consumer", "small_business", "enterprise", "premium"];

    /// <summary>
    /// Every day cell (units and partners, every slice) of the changed days, next to a plain GROUP BY over the raw rows
    /// of those days and the closure (a partner counts each fact once, under any of its engaged units); returns the
    /// number of cells compared, or throws with the first differences.
    /// </summary>
    public async Task<long> CheckAsync(BenchDatabase db)
    {
        var days = $"ARRAY['{Day:yyyy-MM-dd}', '{LateDay:yyyy-MM-dd}']::date[]";
        var parts = new List<string>();
        foreach (var (table, time, own, extra) in new[]
        {
            ("survey_response", "responded_at", CellColumns.Responses, ""),
            ("interaction", "opened_at", CellColumns.Interactions, ", " + CellColumns.InteractionBuckets),
        })
        {
            var columns = string.Join(", ", CellColumns.All.Select(c => own.Contains(c) ? $"{c.Aggregate} AS {c.Name}" : $"0 AS {c.Name}"));
            var rows = string.Join(" OR ", new[] { Day, LateDay }.Select(d => $"({time} >= '{Bounds(d).From}' AND {time} < '{Bounds(d).To}')"));
            parts.Add($"""
                SELECT s.kind, s.subject_id, f.day, COALESCE(f.channel, f.journey_stage, f.segment, '') AS dim_value,
                       CASE WHEN GROUPING(f.channel) = 0 THEN 'channel' WHEN GROUPING(f.journey_stage) = 0 THEN 'journey_stage'
                            WHEN GROUPING(f.segment) = 0 THEN 'segment' ELSE 'all' END AS dim, {columns}
                FROM (SELECT *, ({time} AT TIME ZONE 'UTC')::date AS day{extra} FROM {table} WHERE {rows}) f
                JOIN subjects s ON s.unit_id = f.org_unit_id
                GROUP BY GROUPING SETS ((s.kind, s.subject_id, f.day), (s.kind, s.subject_id, f.day, f.channel),
                                        (s.kind, s.subject_id, f.day, f.journey_stage), (s.kind, s.subject_id, f.day, f.segment))
                """);
        }
        // A zero statistic is stored as NULL (ADR 0006): read as 0.
        var cols = CellColumns.All.Select(c => c.SqlType == "double precision" ? $"round(coalesce({c.Name}, 0)::numeric, 6) AS {c.Name}" : $"coalesce({c.Name}, 0) AS {c.Name}").ToList();
        var sums = CellColumns.All.Select(c => c.SqlType == "double precision" ? $"round(sum({c.Name})::numeric, 6) AS {c.Name}" : $"sum({c.Name}) AS {c.Name}");
        var sql = $"""
            CREATE TEMP TABLE subjects AS
            SELECT 0::smallint AS kind, ancestor_id AS subject_id, descendant_id AS unit_id FROM org_unit_closure
            UNION
            SELECT 1::smallint, a.partner_id, c.descendant_id FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id WHERE a.partner_id IS NOT NULL;
            CREATE TEMP TABLE expected AS
            SELECT kind, subject_id, day, dim, dim_value, {string.Join(", ", sums)}
            FROM ({string.Join("\nUNION ALL\n", parts)}) x
            GROUP BY kind, subject_id, day, dim, dim_value;
            CREATE TEMP TABLE actual AS
            SELECT subject_kind AS kind, subject_id, period_start AS day, dim, dim_value, {string.Join(", ", cols)}
            FROM rollup_cell WHERE grain = 'day' AND period_start = ANY ({days});
            CREATE TEMP TABLE differing AS
            (SELECT 'cells only' AS side, * FROM (SELECT * FROM actual EXCEPT ALL SELECT * FROM expected) a)
            UNION ALL
            (SELECT 'SQL only', * FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM actual) e)
            """;
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new Npgsql.NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 }) await cmd.ExecuteNonQueryAsync();
        async Task<long> Count(string q)
        {
            await using var c = new Npgsql.NpgsqlCommand(q, conn, tx) { CommandTimeout = 0 };
            return Convert.ToInt64(await c.ExecuteScalarAsync());
        }
        var expected = await Count("SELECT count(*) FROM expected");
        var differing = await Count("SELECT count(*) FROM differing");
        if (differing > 0 || expected == 0)
        {
            var sample = new StringBuilder();
            await using var c = new Npgsql.NpgsqlCommand("SELECT side, kind, subject_id, day, dim, dim_value, responses, contacts, nps_n, promoters FROM differing ORDER BY kind, subject_id, day, dim, dim_value, side LIMIT 10", conn, tx);
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync())
                sample.AppendLine(string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
            throw new InvalidOperationException($"after the refresh {differing:N0} day cell rows of {Day:yyyy-MM-dd} and {LateDay:yyyy-MM-dd} differ from a plain GROUP BY over the raw rows " +
                $"({expected:N0} expected cells):\n{sample}");
        }
        return expected;
    }

    private static string Csv(object? value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture) is { } s && s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static (string From, string To) Bounds(DateOnly day) =>
        (Iso(At(day, 0)), Iso(At(day.AddDays(1), 0)));

    private static DateTime At(DateOnly day, int seconds) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(seconds);

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
