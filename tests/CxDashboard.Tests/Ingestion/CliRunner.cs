using System.Diagnostics;

namespace CxDashboard.Tests.Ingestion;

/// <summary>Runs the host's command-line verbs as a separate process, as an operator would.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(string connectionString, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Cx"] = connectionString;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A command line that is not refused may start the server instead of exiting: stop it and report code -1.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout, await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
