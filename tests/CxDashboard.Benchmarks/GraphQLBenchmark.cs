using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.TestServer;
using CxDashboard.GraphQL.Validation;

namespace CxDashboard.Benchmarks;

/// <summary>
/// Parse, validate and execute throughput of the GraphQL engine on the conformance schema and data,
/// for the documents of tests/conformance/bench (documents.json). tests/conformance/bench.sh runs this
/// and graphql-js on the same documents and prints both with the ratio; this command alone prints ours
/// and, with --json FILE, writes them for that comparison.
/// Execute = ExecuteAsync of an already-seen query text (the executor's document cache skips parse and
/// validation), which is what graphql-js's execute() of a parsed, validated document does.
/// --clock cpu (default) divides by the CPU time the process used (every thread: JIT, GC, thread pool),
/// which stays comparable on a shared, loaded machine; --clock wall by the elapsed time. Each figure is the
/// best of several short windows. bench.mjs measures graphql-js the same way.
/// </summary>
internal static class GraphQLBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 2.0;
        var benchDir = Option(args, "--documents") ?? throw new ArgumentException("--documents DIR (tests/conformance/bench) is required");
        var jsonOut = Option(args, "--json");
        var clock = Option(args, "--clock") ?? "cpu";
        if (clock is not ("cpu" or "wall")) throw new ArgumentException("--clock cpu|wall");
        var cpu = clock == "cpu";

        var schema = ConformanceSchema.Build();
        var executor = new GraphQLExecutor(schema);
        using var list = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(benchDir, "documents.json")));
        var results = new Dictionary<string, Dictionary<string, double>>();
        Console.WriteLine($"GraphQL engine throughput, {seconds}s per figure (best of {Windows} windows), ops per {clock} second, {Environment.ProcessorCount} cores");
        foreach (var d in list.RootElement.EnumerateArray())
        {
            var name = d.GetProperty("name").GetString()!;
            var source = await File.ReadAllTextAsync(Path.Combine(benchDir, d.GetProperty("file").GetString()!));
            var variables = (IReadOnlyDictionary<string, object?>)ConformanceData.FromJson(d.GetProperty("variables"))!;
            var document = Parser.Parse(source);
            var errors = DocumentValidator.Validate(schema, document);
            if (errors.Count > 0) throw new InvalidOperationException($"{name}: {errors[0]}");
            var request = new ExecutionRequest { Query = source, Variables = variables };
            var probe = await executor.ExecuteAsync(request);
            if (probe.Errors is { Count: > 0 }) throw new InvalidOperationException($"{name}: {probe.Errors[0]}");

            var figures = new Dictionary<string, double>
            {
                ["parse"] = Measure(() => Parser.Parse(source), seconds, cpu),
                ["validate"] = Measure(() => DocumentValidator.Validate(schema, document), seconds, cpu),
                ["execute"] = await MeasureAsync(() => executor.ExecuteAsync(request), seconds, cpu),
            };
            results[name] = figures;
            foreach (var (stage, ops) in figures)
                Console.WriteLine($"  {name,-16} {stage,-9} {ops,12:N0} ops/s");
        }
        if (jsonOut is not null)
            await File.WriteAllTextAsync(jsonOut, JsonSerializer.Serialize(new { documents = results }));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private const int Windows = 5;

    /// <summary>
    /// Operations per second: warm up, then measure <see cref="Windows"/> consecutive windows of
    /// <paramref name="seconds"/> / <see cref="Windows"/> elapsed seconds each and keep the best window (a burst
    /// of load from other processes spoils a window, not the figure), as bench.mjs does. A window's rate divides
    /// its operations by the process's CPU time meanwhile (<paramref name="cpu"/>) or by its elapsed time.
    /// </summary>
    private static double Measure(Func<object> op, double seconds, bool cpu)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 4)) op();
        var window = TimeSpan.FromSeconds(seconds / Windows);
        long batch = 1;
        var best = 0.0;
        for (var w = 0; w < Windows; w++)
        {
            long n = 0;
            var cpuStart = ProcessCpu();
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < window)
            {
                var batchStart = sw.Elapsed;
                for (var i = 0; i < batch; i++) op();
                n += batch;
                // batches grow while they are short against the window (clock reads stay negligible)
                if ((sw.Elapsed - batchStart) * 50 < window) batch *= 2;
            }
            var rate = n / (cpu ? (ProcessCpu() - cpuStart).TotalSeconds : sw.Elapsed.TotalSeconds);
            best = Math.Max(best, rate);
        }
        return best;
    }

    /// <summary><see cref="Measure"/> for an asynchronous operation (each call awaited before the next).</summary>
    private static async Task<double> MeasureAsync(Func<Task<ExecutionResult>> op, double seconds, bool cpu)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 4)) await op();
        var window = TimeSpan.FromSeconds(seconds / Windows);
        long batch = 1;
        var best = 0.0;
        for (var w = 0; w < Windows; w++)
        {
            long n = 0;
            var cpuStart = ProcessCpu();
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < window)
            {
                var batchStart = sw.Elapsed;
                for (var i = 0; i < batch; i++) await op();
                n += batch;
                // batches grow while they are short against the window (clock reads stay negligible)
                if ((sw.Elapsed - batchStart) * 50 < window) batch *= 2;
            }
            var rate = n / (cpu ? (ProcessCpu() - cpuStart).TotalSeconds : sw.Elapsed.TotalSeconds);
            best = Math.Max(best, rate);
        }
        return best;
    }

    /// <summary>
    /// User + system CPU time of every thread of this process so far: getrusage(2) on Linux, in microseconds like
    /// node's process.cpuUsage() (Process.TotalProcessorTime there counts 10 ms clock ticks, too coarse for a window).
    /// </summary>
    private static TimeSpan ProcessCpu()
    {
        if (OperatingSystem.IsLinux() && getrusage(0 /* RUSAGE_SELF */, out var usage) == 0)
            return TimeSpan.FromMicroseconds((usage.UserSec + usage.SystemSec) * 1_000_000.0 + usage.UserMicros + usage.SystemMicros);
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>struct rusage on 64-bit Linux: ru_utime and ru_stime (timevals) first, 14 longs after.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSec;
        public long UserMicros;
        public long SystemSec;
        public long SystemMicros;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int getrusage(int who, out RUsage usage);
}
