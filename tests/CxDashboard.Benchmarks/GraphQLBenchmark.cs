using System.Diagnostics;
using System.Globalization;
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
/// which stays comparable on a shared, loaded machine; --clock wall by the elapsed time. bench.mjs does the same.
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
        Console.WriteLine($"GraphQL engine throughput, {seconds}s per figure, ops per {clock} second, {Environment.ProcessorCount} cores");
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

    /// <summary>
    /// Operations per second: warm up, then batches until <paramref name="seconds"/> have passed (as bench.mjs
    /// does), divided by the process's CPU time meanwhile (<paramref name="cpu"/>) or by the elapsed time.
    /// </summary>
    private static double Measure(Func<object> op, double seconds, bool cpu)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 4)) op();
        long n = 0, batch = 1;
        var cpuStart = ProcessCpu();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < batch; i++) op();
            n += batch;
            if (batch < 1024) batch *= 2;
        }
        return n / (cpu ? (ProcessCpu() - cpuStart).TotalSeconds : sw.Elapsed.TotalSeconds);
    }

    private static async Task<double> MeasureAsync(Func<Task<ExecutionResult>> op, double seconds, bool cpu)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 4)) await op();
        long n = 0, batch = 1;
        var cpuStart = ProcessCpu();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < batch; i++) await op();
            n += batch;
            if (batch < 1024) batch *= 2;
        }
        return n / (cpu ? (ProcessCpu() - cpuStart).TotalSeconds : sw.Elapsed.TotalSeconds);
    }

    /// <summary>User + system CPU time of every thread of this process so far.</summary>
    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
