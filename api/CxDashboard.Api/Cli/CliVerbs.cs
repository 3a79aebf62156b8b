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
        ["export"] = ExportVerb.RunAsync,
        ["embed"] = EmbedVerb.RunAsync,
        ["floor-patterns"] = FloorPatternsVerb.RunAsync,
    };

    // Verbs that need no host (no configuration, no database): run before the host is composed.
    private static readonly Dictionary<string, Func<string[], Task<int>>> Standalone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["schema"] = SchemaVerb.RunAsync,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static bool IsStandalone(string[] args) => args.Length > 0 && Standalone.ContainsKey(args[0]);

    public static async Task<int> RunStandaloneAsync(string[] args)
    {
        try
        {
            return await Standalone[args[0]](args[1..]);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

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
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (CxDashboard.Api.Hosting.DatabaseOutage.Is(ex))
        {
            await Console.Error.WriteLineAsync($"error: the database {CxDashboard.Api.Hosting.DatabaseOutage.Describe(app.Configuration.GetConnectionString("Cx"))} " +
                $"is unavailable ({FirstLine(ex)}); nothing was written");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (Npgsql.PostgresException ex)
        {
            await Console.Error.WriteLineAsync($"error: the database refused the work ({ex.SqlState}: {ex.MessageText}); nothing was written");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: unexpected failure ({ex.GetType().Name}: {FirstLine(ex)}); nothing was written");
            return ExitCodes.Failure;
        }
    }

    private static string FirstLine(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null && inner.Message.StartsWith("Exception while", StringComparison.Ordinal)) inner = inner.InnerException;
        return inner.Message.Split('\n')[0].Trim();
    }

    private static async Task<int> MigrateAsync(WebApplication app, string[] args)
    {
        await CxDashboard.Api.Hosting.DataExtensions.PrepareDatabaseAsync(app);
        Console.WriteLine("database is up to date");
        return 0;
    }
}

/// <summary>The exit codes of every verb (documented in docs/imports.md).</summary>
public static class ExitCodes
{
    public const int Done = 0;
    /// <summary>The input was rejected: nothing was written.</summary>
    public const int Rejected = 1;
    public const int Usage = 2;
    /// <summary>The database could not be reached, or refused the work: nothing was written.</summary>
    public const int DatabaseUnavailable = 3;
    /// <summary>Anything else (a bug): one line on stderr, nothing written.</summary>
    public const int Failure = 4;
}

/// <summary>Bad command-line usage: printed without a stack trace, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
