using CxDashboard.Api.Cli;
using CxDashboard.Api.Embedding;
using CxDashboard.Api.Export;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Health;
using CxDashboard.Api.Hosting;
using CxDashboard.Api.Rollups;
using CxDashboard.Api.Security;
using CxDashboard.Api.Web;

// Bad usage (an unknown verb, word or option) is refused before anything is composed or written.
if (CliVerbs.RejectBadUsage(args) is { } usage) return usage;

// A verb that needs no host (schema) runs before anything is composed.
if (CliVerbs.IsStandalone(args)) return await CliVerbs.RunStandaloneAsync(args);

var builder = WebApplication.CreateBuilder(CliVerbs.HostArgs(args));
builder.AddCxData();
builder.AddCxHealth();
builder.AddCxProblemDetails();
builder.AddCxAuth();
builder.AddCxEmbedding();
builder.AddCxRollups();
builder.AddCxGraphQL();
builder.AddCxExport();
builder.AddCxWeb();
var app = builder.Build();

// A CLI verb (import, seed, migrate, …) runs against the same composition and exits.
if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(app, args);

await app.PrepareDatabaseAsync();
app.UseCxPipeline().MapCxEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
