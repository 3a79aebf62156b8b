using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Import throughput through the real CLI verb (process start, parse, validate, COPY, merge), next to
/// a plain PostgreSQL <c>COPY … (FORMAT csv)</c> of the same file into an unlogged text table.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        await using var db = await BenchDatabase.CreateAsync("import");
        var seeded = await db.HostAsync("seed", "--responses", "0", "--interactions", "0");
        if (seeded.Code != 0) throw new InvalidOperationException(seeded.Err);
        var teams = new List<string>();
        await using (var cmd = db.DataSource.CreateCommand("SELECT code FROM org_unit WHERE kind IN ('team','partner') ORDER BY code"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) teams.Add(r.GetString(0));
        }

        var file = Path.Combine(Path.GetTempPath(), $"cx-bench-responses-{Environment.ProcessId}.csv");
        WriteFile(file, rows, teams);
        var mb = new FileInfo(file).Length / 1e6;
        Console.WriteLine($"import benchmark: {rows:N0} survey responses, {mb:N0} MB CSV, {Environment.ProcessorCount} cores");

        // Baseline: the fastest PostgreSQL can take the same bytes, with no validation, no types, no indexes.
        await db.ExecuteAsync("CREATE UNLOGGED TABLE raw_copy (external_id text, responded_at text, unit_code text, channel text, journey_stage text, segment text, nps text, csat text, ces text, comment text)");
        var baseline = Stopwatch.StartNew();
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await using var writer = await conn.BeginTextImportAsync("COPY raw_copy FROM STDIN (FORMAT csv, HEADER true)");
            using var reader = new StreamReader(file);
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) await writer.WriteAsync(buffer.AsMemory(0, n));
        }
        baseline.Stop();

        var first = Stopwatch.StartNew();
        var (code, output, err) = await db.HostAsync("import", "responses", file, "--no-progress");
        first.Stop();
        if (code != 0) throw new InvalidOperationException("import failed: " + err);
        var stored = await db.ScalarAsync("SELECT count(*) FROM survey_response");

        var again = Stopwatch.StartNew();
        var (code2, output2, _) = await db.HostAsync("import", "responses", file, "--no-progress");
        again.Stop();

        File.Delete(file);
        Print("plain COPY csv → unlogged text table (baseline)", rows, baseline.Elapsed);
        Print("cx import, first load (CLI process, validate + merge)", rows, first.Elapsed);
        Print("cx import, same file again (all unchanged)", rows, again.Elapsed);
        Console.WriteLine($"  rows stored: {stored:N0}; verb said: {output.Trim()}");
        Console.WriteLine($"  re-import said: {output2.Trim()} (exit {code2})");
        Console.WriteLine($"  ratio first load / baseline: {first.Elapsed / baseline.Elapsed:0.00}×   target ≥ 100,000 rows/s: {(rows / first.Elapsed.TotalSeconds >= 100_000 ? "met" : "NOT met")}");
        return 0;
    }

    private static void Print(string label, long rows, TimeSpan t) =>
        Console.WriteLine($"  {label,-58} {t.TotalSeconds,7:0.00} s {rows / t.TotalSeconds,12:N0} rows/s");

    private static void WriteFile(string path, long rows, List<string> units)
    {
        string[] channels = ["phone", "ivr", "chat", "email", "app", "store", "social"];
        string[] stages = ["awareness", "purchase", "onboarding", "usage", "service", "renewal"];
        var rng = new Random(1234);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.WriteLine("external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,ces,comment");
        var start = new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        for (long i = 0; i < rows; i++)
        {
            var at = start.AddSeconds(rng.Next(0, 365 * 24 * 3600));
            w.Write("B-"); w.Write(i); w.Write(',');
            w.Write(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); w.Write(',');
            w.Write(units[rng.Next(units.Count)]); w.Write(',');
            w.Write(channels[rng.Next(channels.Length)]); w.Write(',');
            w.Write(stages[rng.Next(stages.Length)]); w.Write(",consumer,");
            w.Write(rng.Next(0, 11)); w.Write(',');
            w.Write(rng.Next(1, 6)); w.Write(',');
            if (rng.Next(2) == 0) w.Write(rng.Next(1, 8));
            w.Write(',');
            if (rng.Next(5) == 0) w.Write("\"Quick, friendly help\"");
            w.WriteLine();
        }
    }
}
