using CxDashboard.Benchmarks;

// Macro benchmarks print figures and ratios against a baseline measured in the same run.
// Run them with tests/bench.sh (starts its own PostgreSQL), e.g. `tests/bench.sh import --rows 1000000`.
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    "generate" => await GenerateBenchmark.RunAsync(args[1..]),
    "rollup" => await RollupBenchmark.RunAsync(args[1..]),
    "validation" => await ValidationBenchmark.RunAsync(args[1..]),
    "graphql" => await GraphQLBenchmark.RunAsync(args[1..]),
    "scorecard" => await ScorecardBenchmark.RunAsync(args[1..]),
    "export" => await ExportBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CxDashboard.Benchmarks <import|generate|rollup|validation> [--rows N] | scorecard [--responses N | --database NAME] [--requests N] [--seconds S] | export [--responses N] [--interactions N] [--database NAME] | graphql --documents tests/conformance/bench [--seconds S] [--json FILE]");
    return 2;
}
