namespace CxDashboard.Api.Cli;

/// <summary>
/// The host's command-line verbs: <c>CxDashboard.Api &lt;verb&gt; [options]</c>. Server arguments (<c>--urls …</c>,
/// <c>Key=value</c>) start the server; any other first word that is not a verb is a usage error. Each verb's words and
/// options are checked against its <see cref="CliSyntax"/> here, before the host is composed, so bad usage changes nothing.
/// </summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, (CliSyntax Syntax, Func<WebApplication, CliArgs, Task<int>> Run)> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["migrate"] = (CliSyntax.Of("migrate", CliForm.Of()), MigrateAsync),
        ["seed"] = (SeedVerb.Syntax, SeedVerb.RunAsync),
        ["import"] = (ImportVerb.Syntax, ImportVerb.RunAsync),
        ["rollup"] = (RollupVerb.Syntax, RollupVerb.RunAsync),
        ["export"] = (ExportVerb.Syntax, ExportVerb.RunAsync),
        ["embed"] = (EmbedVerb.Syntax, EmbedVerb.RunAsync),
        ["floor-patterns"] = (FloorPatternsVerb.Syntax, FloorPatternsVerb.RunAsync),
    };

    // Verbs that need no host (no configuration, no database): run before the host is composed.
    private static readonly Dictionary<string, (CliSyntax Syntax, Func<CliArgs, Task<int>> Run)> Standalone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["schema"] = (SchemaVerb.Syntax, SchemaVerb.RunAsync),
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static bool IsStandalone(string[] args) => args.Length > 0 && Standalone.ContainsKey(args[0]);

    /// <summary>
    /// Checks a command line before anything is composed: a verb's words and options against its syntax, and a first word
    /// that is neither a verb nor a server argument (<c>rolup</c>). Prints one line and returns exit code 2 when wrong, else null.
    /// </summary>
    public static int? RejectBadUsage(string[] args)
    {
        try
        {
            if (args.Length == 0) return null;
            if (Verbs.TryGetValue(args[0], out var verb)) verb.Syntax.Parse(args[1..]);
            else if (Standalone.TryGetValue(args[0], out var standalone)) standalone.Syntax.Parse(args[1..]);
            else if (!IsServerArgument(args[0]))
            {
                throw new CliUsageException($"unknown verb '{args[0]}'; verbs: {string.Join(", ", Verbs.Keys.Concat(Standalone.Keys).Order(StringComparer.Ordinal))} " +
                    "(server options such as --urls start the server)");
            }
            return null;
        }
        catch (CliUsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    // What the host's command-line configuration reads: --key value, --key=value, /key value, key=value.
    private static bool IsServerArgument(string arg) => arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=');

    public static async Task<int> RunStandaloneAsync(string[] args)
    {
        try
        {
            var (syntax, run) = Standalone[args[0]];
            return await run(syntax.Parse(args[1..]));
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
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
            var (syntax, run) = Verbs[args[0]];
            return await run(app, syntax.Parse(args[1..]));
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

    private static async Task<int> MigrateAsync(WebApplication app, CliArgs args)
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
