using System.Diagnostics;
using CxDashboard.Api.GraphQL;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Tests.GraphQL;

/// <summary>
/// The SDL in the repository (api/schema.graphql, what clients are generated from) is the schema the API serves,
/// printed by the host's <c>schema</c> verb; and the schema documents itself: every type and field has a description.
/// </summary>
public sealed class SchemaFileTests
{
    private const string Regenerate = "dotnet run --project api/CxDashboard.Api -- schema --out \"$PWD/api/schema.graphql\"";

    private static readonly Schema Schema = GraphQLExtensions.BuildCxSchema();

    [Fact]
    public void The_schema_file_in_the_repository_is_the_schema_the_api_serves()
    {
        var file = Path.Combine(RepositoryRoot(), "api", "schema.graphql");
        Assert.True(File.Exists(file), $"{file} is missing: run {Regenerate}");
        var expected = SchemaPrinter.Print(Schema);
        Assert.True(expected == File.ReadAllText(file).ReplaceLineEndings("\n"), $"api/schema.graphql is stale: run {Regenerate}");
    }

    [Fact]
    public async Task The_schema_verb_prints_the_served_schema_into_a_file_without_a_database()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("cx-schema-").FullName, "schema.graphql");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll"));
        foreach (var a in new[] { "schema", "--out", target }) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Cx"] = "Host=127.0.0.1;Port=1;Username=nobody"; // nothing listens there: the verb must not connect
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(SchemaPrinter.Print(Schema), await File.ReadAllTextAsync(target));
    }

    [Fact]
    public void Every_type_and_field_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in Schema.Types.Values.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsBuiltInScalar(t.Name)))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            var fields = type switch
            {
                ComplexType c => c.Fields.Select(f => (f.Name, f.Description)),
                InputObjectType i => i.Fields.Select(f => (f.Name, f.Description)),
                _ => [],
            };
            missing.AddRange(fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
        }
        Assert.True(missing.Count == 0, "Without a description: " + string.Join(", ", missing));
    }

    private static bool IsBuiltInScalar(string name) => name is "String" or "Int" or "Float" or "Boolean" or "ID";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CxDashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException("CxDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
