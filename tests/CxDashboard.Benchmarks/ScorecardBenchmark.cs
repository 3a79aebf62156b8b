using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CxDashboard.Core.Rollups;
using Npgsql;

namespace CxDashboard.Benchmarks;

/// <summary>
/// The company scorecard through the real HTTP stack (the built host on Kestrel, POST /graphql with an
/// executive token) next to two baselines on the same data, in one run: (A) the same actuals and targets
/// straight from the raw responses in one plain SQL statement, (B) a bare read of the rollup cells the
/// scorecard uses. Each is timed single-client (sequential, after warm-up) and with 32 concurrent clients.
/// The GraphQL answer is checked against (A) before anything is timed.
/// </summary>
internal static class ScorecardBenchmark
{
    private const int Clients = 32;

    // The demo data set ends 2026-10-31 (SeedOptions.End): the scorecard month is its last, the trend its 13 months.
    private const string Month = "2026-10";
    private static readonly DateOnly FirstMonth = new(2025, 10, 1);
    private static readonly DateOnly LastMonth = new(2026, 10, 1);

    private const string Query = """
        query($u: ID!, $p: String!) {
          scorecard(unit: $u, period: $p) {
            score
            kpis { ...line children { ...line children { ...line } } }
          }
        }
        fragment line on ScorecardKpi {
          kpi { unit { code } metric { code } }
          actual n target attainment status
          trend { periodStart actual n target attainment status }
        }
        """;

    // (A) company, divisions and departments × 13 months, NPS and CSAT per DESIGN §6, from raw rows via the closure table.
    private const string RawSql = """
        WITH units AS (SELECT id, code FROM org_unit WHERE kind IN ('company', 'division', 'department')),
        actuals AS (
            SELECT c.ancestor_id AS unit_id, date_trunc('month', r.responded_at AT TIME ZONE 'UTC')::date AS month,
                   count(r.nps) AS nps_n,
                   100.0 * (count(*) FILTER (WHERE r.nps >= 9) - count(*) FILTER (WHERE r.nps <= 6)) / NULLIF(count(r.nps), 0) AS nps,
                   count(r.csat) AS csat_n,
                   100.0 * count(*) FILTER (WHERE r.csat >= 4) / NULLIF(count(r.csat), 0) AS csat
            FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            WHERE c.ancestor_id IN (SELECT id FROM units) AND r.responded_at >= $1 AND r.responded_at < $2
            GROUP BY 1, 2)
        SELECT u.code, a.month, a.nps_n, a.nps::float8, a.csat_n, a.csat::float8, t.metric_code, t.target::float8
        FROM units u JOIN actuals a ON a.unit_id = u.id
        LEFT JOIN (SELECT k.org_unit_id, k.metric_code, kt.period_start, kt.target FROM kpi k JOIN kpi_target kt ON kt.kpi_id = k.id
                   WHERE k.metric_code IN ('nps', 'csat') AND k.slice_dimension IS NULL AND kt.grain = 'month') t
               ON t.org_unit_id = u.id AND t.period_start = a.month
        """;

    // (B) the unit-total month cells of the same units and months, every statistic column (as CellStore reads them).
    private static readonly string CellSql = $"""
        SELECT c.subject_id, c.period_start, {string.Join(", ", CellColumns.All.Select(col => $"coalesce(c.{col.Name}, 0)::float8"))}
        FROM rollup_cell c
        WHERE c.subject_kind = 0 AND c.subject_id = ANY($1) AND c.grain = 'month' AND c.dim = 'all' AND c.dim_value = ''
          AND c.period_start BETWEEN $2 AND $3
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var responses = Option(args, "--responses", 300_000);
        var requests = (int)Option(args, "--requests", 200);
        var seconds = Option(args, "--seconds", 15);
        var run = Stopwatch.StartNew();
        void Phase(string what) => Console.Error.WriteLine($"[{run.Elapsed:hh\\:mm\\:ss}] {what}");

        // --database NAME: an already seeded and rolled-up database on the same server, for repeated runs while tuning.
        var existing = Array.IndexOf(args, "--database") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        await using var db = existing is null ? await BenchDatabase.CreateAsync("scorecard") : BenchDatabase.Existing(existing);
        if (existing is null)
        {
            Console.WriteLine($"scorecard benchmark: {responses:N0} responses + {2 * responses:N0} interactions, {Environment.ProcessorCount} cores");
            Phase("seeding (the seed's own progress follows)");
            await HostOrThrowAsync(db, "seed", "--responses", Text(responses), "--interactions", Text(2 * responses));
            Phase("rollup rebuild");
            await HostOrThrowAsync(db, "rollup", "--full");
            Phase("vacuum analyze");
            await db.ExecuteAsync("VACUUM ANALYZE");
        }
        else Console.WriteLine($"scorecard benchmark on the existing database {existing}, {Environment.ProcessorCount} cores");
        var kpis = await db.ScalarAsync("SELECT count(*) FROM kpi");
        var targets = await db.ScalarAsync("SELECT count(*) FROM kpi_target");
        var unitIds = await UnitIdsAsync(db);
        Console.WriteLine($"  {kpis:N0} KPIs with {targets:N0} monthly targets (demo cascade); scorecard of CO for {Month}: " +
            $"{unitIds.Length} units (company, divisions, departments) × NPS, CSAT × 13 months");

        Phase("starting the API (Kestrel)");
        await using var api = await ApiProcess.StartAsync(db.ConnectionString);
        var company = await db.ScalarAsync("SELECT id FROM org_unit WHERE code = 'CO'");
        var body = JsonSerializer.Serialize(new { query = Query, variables = new { u = Text(company), p = Month } });

        Phase("checking the GraphQL answer against plain SQL over raw rows");
        var raw = await RawAsync(db.DataSource);
        var answer = await api.GraphQLAsync(body);
        if (Check(answer, raw, unitIds.Length) is { } problem)
        {
            Console.Error.WriteLine($"scorecard benchmark: the GraphQL answer is WRONG, nothing timed: {problem}");
            return 1;
        }
        Console.WriteLine($"  correctness: {raw.Count:N0} unit-months × NPS, CSAT (actual, n, target) equal to plain SQL over raw rows");
        Console.WriteLine($"  response: {answer.Length:N0} bytes");

        Phase("counting SQL transactions per GraphQL request");
        var commands = await TransactionsPerRequestAsync(db, async () => { for (var i = 0; i < 20; i++) await api.GraphQLAsync(body); }) / 20.0;
        Phase($"timing GraphQL, (A) and (B) in turns: single client, then {Clients} concurrent clients");
        var results = await Timing.MeasureAsync(
        [
            async () => await api.GraphQLAsync(body),
            async () => await RawAsync(db.DataSource),
            async () => await CellsAsync(db.DataSource, unitIds),
        ], requests, seconds, Clients);
        await api.DisposeAsync();
        var (graphql, rawTiming, cells) = (results[0], results[1], results[2]);

        Console.WriteLine($"  {"",-44} {"single client",-31} {Clients} concurrent clients");
        Console.WriteLine($"  {"",-44} {"p50",8} {"p99",9} {"req/s",9}     {"p50",8} {"p99",9} {"req/s",9}");
        Line("GraphQL scorecard over HTTP", graphql);
        Line("(A) plain SQL over raw rows, same answer", rawTiming);
        Line("(B) bare SQL read of the same rollup cells", cells);
        Console.WriteLine($"  GraphQL ÷ (A) raw SQL: p50 {graphql.Single.P50 / rawTiming.Single.P50:0.000}×, " +
            $"{Clients} clients p50 {graphql.Concurrent.P50 / rawTiming.Concurrent.P50:0.000}×, req/s {graphql.Concurrent.PerSecond / rawTiming.Concurrent.PerSecond:0.0}×");
        var overhead = graphql.Single.P50 / cells.Single.P50;
        Console.WriteLine($"  GraphQL overhead = GraphQL ÷ (B) bare read: p50 {overhead:0.00}×, p99 {graphql.Single.P99 / cells.Single.P99:0.00}×, " +
            $"{Clients} clients p50 {graphql.Concurrent.P50 / cells.Concurrent.P50:0.00}× (goal ≤ 1.5× at p50 single client: {(overhead <= 1.5 ? "met" : "NOT met")})");
        Console.WriteLine($"  transactions committed per GraphQL request: {commands:0.0} (mean of 20 requests; each statement or batch sent without a transaction is one)");
        Phase("done");
        return 0;
    }

    private static void Line(string label, Timing.Result r) => Console.WriteLine(
        $"  {label,-44} {Ms(r.Single.P50)} {Ms(r.Single.P99)} {r.Single.PerSecond,9:N1}     {Ms(r.Concurrent.P50)} {Ms(r.Concurrent.P99)} {r.Concurrent.PerSecond,9:N1}" +
        $"   ({r.Single.Count} + {r.Concurrent.Count} requests)");

    private static string Ms(double ms) => $"{ms,6:0.0} ms".PadLeft(9);

    private static long Option(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task HostOrThrowAsync(BenchDatabase db, params string[] args)
    {
        var (code, output, _) = await db.HostAsync(args, echoStderr: true);
        if (code != 0) throw new InvalidOperationException($"host {args[0]} failed with exit code {code}");
        Console.Error.Write(output);
    }

    /// <summary>
    /// Transactions the database committed while <paramref name="request"/> ran (every statement or batch the API sends
    /// outside a transaction is one), from pg_stat_database. Other backends publish their counts when they go idle, but at
    /// most once a second, and a count held back that way waits for the 10-second idle flush: hence pauses of 11 s. The
    /// same measurement without requests is subtracted (the reads here).
    /// </summary>
    private static async Task<long> TransactionsPerRequestAsync(BenchDatabase db, Func<Task> request)
    {
        const string Sql = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()";
        async Task<long> Delta(Func<Task>? during)
        {
            await Task.Delay(11_000);
            var before = await db.ScalarAsync(Sql);
            if (during is not null) await during();
            await Task.Delay(11_000);
            return await db.ScalarAsync(Sql) - before;
        }

        var idle = await Delta(null);
        return await Delta(request) - idle;
    }

    private static async Task<long[]> UnitIdsAsync(BenchDatabase db)
    {
        await using var cmd = db.DataSource.CreateCommand("SELECT id FROM org_unit WHERE kind IN ('company', 'division', 'department') ORDER BY id");
        await using var r = await cmd.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await r.ReadAsync()) ids.Add(r.GetInt64(0));
        return [.. ids];
    }

    /// <summary>One raw-SQL answer row: a unit-month with both metrics' n, actual and target.</summary>
    private sealed record RawRow(long NpsN, double? Nps, long CsatN, double? Csat, Dictionary<string, double> Targets);

    private static async Task<Dictionary<(string Unit, DateOnly Month), RawRow>> RawAsync(NpgsqlDataSource ds)
    {
        await using var cmd = ds.CreateCommand(RawSql);
        cmd.Parameters.Add(new() { Value = new DateTime(FirstMonth, TimeOnly.MinValue, DateTimeKind.Utc) });
        cmd.Parameters.Add(new() { Value = new DateTime(LastMonth.AddMonths(1), TimeOnly.MinValue, DateTimeKind.Utc) });
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new Dictionary<(string, DateOnly), RawRow>();
        while (await r.ReadAsync())
        {
            var key = (r.GetString(0), r.GetFieldValue<DateOnly>(1));
            if (!rows.TryGetValue(key, out var row))
            {
                row = new RawRow(r.GetInt64(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.GetInt64(4), r.IsDBNull(5) ? null : r.GetDouble(5), []);
                rows[key] = row;
            }
            if (!r.IsDBNull(6)) row.Targets[r.GetString(6)] = r.GetDouble(7);
        }
        return rows;
    }

    private static async Task<int> CellsAsync(NpgsqlDataSource ds, long[] unitIds)
    {
        await using var cmd = ds.CreateCommand(CellSql);
        cmd.Parameters.Add(new() { Value = unitIds });
        cmd.Parameters.Add(new() { Value = FirstMonth });
        cmd.Parameters.Add(new() { Value = LastMonth });
        await using var r = await cmd.ExecuteReaderAsync();
        var count = 0;
        var values = new double[r.FieldCount - 2];
        while (await r.ReadAsync())
        {
            for (var i = 0; i < values.Length; i++) values[i] = r.GetDouble(2 + i);
            count++;
        }
        return count;
    }

    /// <summary>
    /// Every line reached (company, divisions, departments) × its 13 trend points against the raw-SQL answer:
    /// actual to 1e-6, n and target exactly. Null when all agree, else the first differences.
    /// </summary>
    private static string? Check(string json, Dictionary<(string Unit, DateOnly Month), RawRow> raw, int units)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.TryGetProperty("errors", out var errors)) return "GraphQL errors: " + errors.GetRawText();
        var problems = new List<string>();
        var seen = new HashSet<(string, string)>();
        var checkedPoints = 0;

        void Walk(JsonElement line)
        {
            var unit = line.GetProperty("kpi").GetProperty("unit").GetProperty("code").GetString()!;
            var metric = line.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString()!;
            seen.Add((unit, metric));
            var trend = line.GetProperty("trend").EnumerateArray().ToList();
            if (trend.Count != 13) problems.Add($"{unit} {metric}: {trend.Count} trend points, not 13");
            foreach (var p in trend.Append(line))
            {
                var month = p.TryGetProperty("periodStart", out var ps) ? DateOnly.Parse(ps.GetString()!, CultureInfo.InvariantCulture) : LastMonth;
                if (!raw.TryGetValue((unit, month), out var expected))
                {
                    problems.Add($"{unit} {month:yyyy-MM}: no raw rows but GraphQL has a value");
                    continue;
                }
                var (n, actual) = metric == "nps" ? (expected.NpsN, expected.Nps) : (expected.CsatN, expected.Csat);
                var gotActual = p.GetProperty("actual").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("actual").GetDouble();
                var gotTarget = p.GetProperty("target").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("target").GetDouble();
                double? target = expected.Targets.TryGetValue(metric, out var t) ? t : null;
                if (p.GetProperty("n").GetInt64() != n) problems.Add($"{unit} {metric} {month:yyyy-MM}: n {p.GetProperty("n").GetInt64()} ≠ raw {n}");
                if (gotActual is null != actual is null || (actual is { } a && Math.Abs(a - gotActual!.Value) > 1e-6))
                    problems.Add($"{unit} {metric} {month:yyyy-MM}: actual {gotActual} ≠ raw {actual}");
                if (gotTarget != target) problems.Add($"{unit} {metric} {month:yyyy-MM}: target {gotTarget} ≠ {target}");
                checkedPoints++;
            }
            if (line.TryGetProperty("children", out var children)) foreach (var child in children.EnumerateArray()) Walk(child);
        }

        foreach (var kpi in doc.RootElement.GetProperty("data").GetProperty("scorecard").GetProperty("kpis").EnumerateArray()) Walk(kpi);
        var expectedLines = units * 2;
        if (seen.Count != expectedLines) problems.Add($"{seen.Count} unit × metric lines reached, expected {expectedLines} (company, divisions, departments × NPS, CSAT)");
        return problems.Count == 0 ? null : $"{problems.Count} differences in {checkedPoints} points; first: " + string.Join("; ", problems.Take(5));
    }
}
