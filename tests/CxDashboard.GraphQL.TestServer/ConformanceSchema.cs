using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>The conformance schema: tests/conformance/schema.graphql built by the engine's SDL reader, wired to data.json.</summary>
public static class ConformanceSchema
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "conformance");

    public static Schema Build()
    {
        var sdl = File.ReadAllText(Path.Combine(Directory, "schema.graphql"));
        var data = ConformanceData.Load(Path.Combine(Directory, "data.json"));
        var schema = SdlSchemaReader.Build(sdl, [new DateScalar()]);
        return ConformanceResolvers.Wire(schema, data);
    }
}
