namespace CxDashboard.Api.Cli;

/// <summary>
/// The host's command-line verbs: <c>CxDashboard.Api &lt;verb&gt; [options]</c>. Anything that is
/// not a verb (e.g. <c>--urls</c>) starts the server.
/// </summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["migrate"] = MigrateAsync,
        ["seed"] = SeedVerb.RunAsync,
        ["import"] = ImportVerb.RunAsync,
        ["rollup"] = RollupVerb.RunAsync,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>
    /// Arguments handed to the host builder: verb arguments are not configuration. A verb run from any
    /// directory still reads the appsettings.json next to the executable.
    /// </summary>
    public static string[] HostArgs(string[] args) =>
        !IsVerb(args) ? args
        : Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 } ? []
        : [$"--contentRoot={AppContext.BaseDirectory}"];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            return await Verbs[args[0]](app, args[1..]);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> MigrateAsync(WebApplication app, string[] args)
    {
        await CxDashboard.Api.Hosting.DataExtensions.PrepareDatabaseAsync(app);
        Console.WriteLine("database is up to date");
        return 0;
    }
}

/// <summary>Bad command-line usage: printed without a stack trace, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
