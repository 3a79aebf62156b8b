using System.Diagnostics;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Latency percentiles and throughput of several operations compared with each other: single client
/// (sequential requests after a warm-up) and N concurrent clients. The operations take turns in short
/// slices, round after round, so on a shared machine whose load drifts each one is measured under the
/// same conditions as the others (timing them one after the other made the ratios swing with the load).
/// </summary>
internal static class Timing
{
    public sealed record Figures(int Count, double P50, double P99, double PerSecond);

    public sealed record Result(Figures Single, Figures Concurrent);

    /// <param name="requests">Sequential requests per operation (fewer for slow ones once the time is up, but at least 20).</param>
    /// <param name="seconds">Time per operation for each of the two phases, split over <paramref name="rounds"/> slices.</param>
    /// <param name="warmupSeconds">Each operation first runs this long (at least 5 times, at most 2,000) untimed. A freshly
    /// started server runs its first few hundred requests through unoptimised code (tiered JIT, profile-guided
    /// recompilation, per-connection statement preparation) about ten times slower; the figures are for the steady state.</param>
    public static async Task<Result[]> MeasureAsync(IReadOnlyList<Func<Task>> ops, int requests, double seconds, int clients, int rounds = 5,
        double warmupSeconds = 5)
    {
        foreach (var op in ops)
        {
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 2000 && (i < 5 || warm.Elapsed.TotalSeconds < warmupSeconds); i++) await op();
        }
        var slice = TimeSpan.FromSeconds(seconds / rounds);

        var single = ops.Select(_ => (Ms: new List<double>(), Time: TimeSpan.Zero)).ToArray();
        var minimum = Math.Min(20, requests);
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < ops.Count; i++)
            {
                var quota = requests * round / rounds; // at most this many so far
                var floor = minimum * round / rounds;  // and at least this many, however slow
                var wall = Stopwatch.StartNew();
                while (single[i].Ms.Count < quota && (wall.Elapsed < slice || single[i].Ms.Count < floor))
                {
                    var t = Stopwatch.GetTimestamp();
                    await ops[i]();
                    single[i].Ms.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
                single[i].Time += wall.Elapsed;
            }
        }

        var concurrent = ops.Select(_ => (Ms: new List<double>(), Time: TimeSpan.Zero)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < ops.Count; i++)
            {
                var wall = Stopwatch.StartNew();
                var op = ops[i];
                var all = concurrent[i].Ms;
                await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
                {
                    var mine = new List<double>();
                    do
                    {
                        var t = Stopwatch.GetTimestamp();
                        await op();
                        mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    }
                    while (wall.Elapsed < slice);
                    lock (all) all.AddRange(mine);
                })));
                concurrent[i].Time += wall.Elapsed;
            }
        }

        return [.. ops.Select((_, i) => new Result(Summarise(single[i].Ms, single[i].Time), Summarise(concurrent[i].Ms, concurrent[i].Time)))];
    }

    private static Figures Summarise(List<double> ms, TimeSpan time)
    {
        ms.Sort();
        return new Figures(ms.Count, Rank(ms, 0.50), Rank(ms, 0.99), ms.Count / time.TotalSeconds);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Rank(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
