using System.Diagnostics;
using System.Globalization;
using CxDashboard.Core.DemoData;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Demo generator throughput: generation alone in memory (baseline: the cost of the model itself)
/// next to the full seed through the CLI (generate + binary COPY into the partitioned tables).
/// </summary>
internal static class GenerateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var options = new SeedOptions { Responses = rows, Interactions = rows };
        Console.WriteLine($"generate benchmark: {rows:N0} responses + {rows:N0} interactions, {Environment.ProcessorCount} cores");

        var inMemory = Stopwatch.StartNew();
        var generated = GenerateInMemory(options);
        inMemory.Stop();

        await using var db = await BenchDatabase.CreateAsync("generate");
        var full = Stopwatch.StartNew();
        var (code, output, err) = await db.HostAsync("seed", "--responses", rows.ToString(CultureInfo.InvariantCulture),
            "--interactions", rows.ToString(CultureInfo.InvariantCulture));
        full.Stop();
        if (code != 0) throw new InvalidOperationException("seed failed: " + err);

        Console.WriteLine($"  {"generation only, in memory (baseline)",-50} {inMemory.Elapsed.TotalSeconds,7:0.00} s {generated / inMemory.Elapsed.TotalSeconds,12:N0} rows/s");
        Console.WriteLine($"  {"seed verb: generate + COPY into PostgreSQL",-50} {full.Elapsed.TotalSeconds,7:0.00} s {generated / full.Elapsed.TotalSeconds,12:N0} rows/s");
        Console.WriteLine($"  ratio seed / generation only: {full.Elapsed / inMemory.Elapsed:0.0}×; verb said: {output.Trim()}");
        return 0;
    }

    private static long GenerateInMemory(SeedOptions options)
    {
        var units = DemoOrganisation.Build();
        var leaves = units.Where(u => u.ChannelMix.Length > 0).ToArray();
        var months = Enumerable.Range(0, options.Months).Select(i => options.FirstMonth.AddMonths(i)).ToArray();
        var monthVolume = months.Select(m => m.Month == 12 ? 1.2 : 1.0).ToArray();
        var weightSum = leaves.Sum(l => l.Volume) * monthVolume.Sum();
        var linked = Math.Min(options.Responses * PlantedEffects.LinkedShare, options.Interactions);
        var generator = new FactGenerator(options.Seed);
        long total = 0;
        Parallel.For(0, leaves.Length * months.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (li, mi) = (i / months.Length, i % months.Length);
            var share = leaves[li].Volume * monthVolume[mi] / weightSum;
            var batch = generator.Generate(li, leaves[li], li, months[mi], mi, options.Interactions * share,
                linked / options.Interactions, (options.Responses - linked) * share);
            Interlocked.Add(ref total, batch.Interactions.Count + batch.Responses.Count);
        });
        return total;
    }
}
