using System.Diagnostics;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Api.Cli;

/// <summary><c>rollup [--full]</c>: refreshes rollup cells now (incremental by default), with progress on stderr.</summary>
internal static class RollupVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("rollup", CliForm.Of(CliOption.Flag("--full")));

    public static async Task<int> RunAsync(WebApplication app, CliArgs o)
    {
        var engine = app.Services.GetRequiredService<RollupEngine>();
        var clock = Stopwatch.StartNew();
        void Progress(string stage) => Console.Error.WriteLine($"rollup: {clock.Elapsed.TotalSeconds,6:0.0}s {stage}");
        try
        {
            var run = o.Has("--full") ? await engine.RebuildAsync(Progress) : await engine.RefreshAsync(Progress);
            Console.WriteLine($"rollup {run.Mode}: {run.RowsRead:N0} fact rows read, {run.CellsWritten:N0} cells written, " +
                $"{run.DaysRecomputed} day(s), {(run.Connections > 1 ? $"on {run.Connections} connections, " : "")}{run.Duration.TotalSeconds:0.0}s ({run.RowsRead / Math.Max(0.001, run.Duration.TotalSeconds):N0} rows/s), job run #{run.JobRunId}");
            return 0;
        }
        catch (Npgsql.NpgsqlException ex) when (!CxDashboard.Api.Hosting.DatabaseOutage.Is(ex))
        {
            await Console.Error.WriteLineAsync($"rollup failed (recorded in job_run): {ex.Message}");
            return 1;
        }
    }
}
