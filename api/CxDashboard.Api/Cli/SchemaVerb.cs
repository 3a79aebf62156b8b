using CxDashboard.Api.GraphQL;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Cli;

/// <summary>
/// <c>schema [--out FILE]</c>: prints the GraphQL schema as SDL (to stdout, or to FILE). The repository keeps it in
/// <c>api/schema.graphql</c> for clients generated from it; a test fails when that file is stale.
/// Runs without a host: it needs no configuration and no database.
/// </summary>
internal static class SchemaVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("schema", CliForm.Of(new CliOption("--out", "FILE")));

    public static async Task<int> RunAsync(CliArgs o)
    {
        var sdl = SchemaPrinter.Print(GraphQLExtensions.BuildCxSchema());
        if (o.Value("--out") is { } path)
        {
            // `dotnet run --project …` runs in the project's folder, so a path relative to the shell's folder lands there.
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
            {
                Console.Error.WriteLine($"schema: no folder {dir} to write {Path.GetFileName(path)} into (relative paths are taken from {Environment.CurrentDirectory}; under `dotnet run` give an absolute path)");
                return 2;
            }
            await File.WriteAllTextAsync(path, sdl);
            Console.Error.WriteLine($"schema: {sdl.Length:N0} characters written to {Path.GetFullPath(path)}");
        }
        else
        {
            Console.Write(sdl);
        }
        return 0;
    }
}
