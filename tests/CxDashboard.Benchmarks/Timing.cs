using System.Diagnostics;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Latency percentiles and throughput of one operation: single client (sequential requests after a
/// warm-up) and N concurrent clients looping for a fixed time.
/// </summary>
internal static class Timing
{
    public sealed record Figures(int Count, double P50, double P99, double PerSecond);

    public sealed record Result(Figures Single, Figures Concurrent);

    /// <param name="requests">Sequential requests, or fewer once <paramref name="seconds"/> have passed (at least 20).</param>
    /// <param name="seconds">How long the concurrent clients loop (each finishes at least two requests).</param>
    public static async Task<Result> MeasureAsync(Func<Task> op, int requests, double seconds, int clients)
    {
        for (var i = 0; i < 5; i++) await op();

        var single = new List<double>();
        var wall = Stopwatch.StartNew();
        while (single.Count < requests && (single.Count < 20 || wall.Elapsed.TotalSeconds < seconds))
        {
            var t = Stopwatch.GetTimestamp();
            await op();
            single.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var singleFigures = Summarise(single, wall.Elapsed);

        var all = new List<double>();
        wall.Restart();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (mine.Count < 2 || wall.Elapsed.TotalSeconds < seconds)
            {
                var t = Stopwatch.GetTimestamp();
                await op();
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            lock (all) all.AddRange(mine);
        })));
        return new Result(singleFigures, Summarise(all, wall.Elapsed));
    }

    private static Figures Summarise(List<double> ms, TimeSpan wall)
    {
        ms.Sort();
        return new Figures(ms.Count, Rank(ms, 0.50), Rank(ms, 0.99), ms.Count / wall.TotalSeconds);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Rank(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
