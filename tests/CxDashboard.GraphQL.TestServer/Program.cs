using CxDashboard.GraphQL;
using CxDashboard.GraphQL.Http;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.TestServer;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;

// The conformance test server (see tests/conformance/README.md):
//   --print-sdl            prints SchemaPrinter.Print of the conformance schema and exits
//   --urls http://…:PORT   serves POST/GET /graphql (MapGraphQLEndpoint) and POST /validate
//                          (parse + DocumentValidator only, for documents HTTP does not execute)
var schema = ConformanceSchema.Build();

if (args.Contains("--print-sdl"))
{
    Console.Out.Write(SchemaPrinter.Print(schema));
    return 0;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddGraphQLServer(_ => schema);
var app = builder.Build();
app.MapGraphQLEndpoint("/graphql");
app.MapPost("/validate", async (HttpRequest request) =>
{
    var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
    var query = body.RootElement.GetProperty("query").GetString() ?? "";
    IReadOnlyList<GraphQLError> errors;
    try
    {
        errors = DocumentValidator.Validate(schema, Parser.Parse(query));
    }
    catch (GraphQLException e)
    {
        errors = e.Errors;
    }
    return Results.Json(errors.Count == 0 ? new { } : (object)new { errors });
});
app.Run();
return 0;
