using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>
/// The conformance schema: tests/conformance/schema.graphql built by the engine's SDL reader (SchemaFromSdl, as
/// graphql-js's buildSchema builds it for the reference), every field resolved from data.json.
/// </summary>
public static class ConformanceSchema
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "conformance");

    public static Schema Build()
    {
        var sdl = File.ReadAllText(Path.Combine(Directory, "schema.graphql"));
        var data = ConformanceData.Load(Path.Combine(Directory, "data.json"));
        return SchemaFromSdl.Build(sdl, new SdlSchemaOptions
        {
            Scalars = new Dictionary<string, ScalarType> { ["Date"] = new DateScalar() },
            Resolvers = (_, _) => ctx => ConformanceResolvers.Resolve(ctx, data),
        });
    }
}
