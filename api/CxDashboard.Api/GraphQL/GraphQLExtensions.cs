using CxDashboard.Api.Cascade;
using CxDashboard.Api.Drivers;
using CxDashboard.Api.Embedding;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Partners;
using CxDashboard.Api.Scorecards;
using CxDashboard.Api.Security;
using CxDashboard.Api.Verbatims;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Verbatims;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.GraphQL;

public static class GraphQLExtensions
{
    /// <summary>Query depth limit: deep enough for company → division → department → team → values → previous.</summary>
    public const int MaxDepth = 15;

    /// <summary>
    /// The schema, composed from each feature folder's types. A new feature adds one
    /// <c>AddXxxTypes(this CxSchema)</c> extension in its folder and one line here.
    /// </summary>
    public static Schema BuildCxSchema() => new CxSchema()
        .AddScalars()
        .AddHierarchyTypes()
        .AddScorecardTypes()
        .AddPartnerTypes()
        .AddVerbatimTypes()
        .AddCascadeTypes()
        .AddEmbeddingTypes()
        .Build()
        .Priced();

    /// <summary>KPIs, scorecards, cascade, check-ins and drivers (Cascade/ and Drivers/ folders).</summary>
    private static CxSchema AddCascadeTypes(this CxSchema schema)
    {
        schema.Types.AddCascadeTypeDefinitions().AddDriverTypeDefinitions();
        return schema.Query(CascadeFields.AddQueries).Query(DriverFields.AddQueries).Mutation(CascadeFields.AddMutations);
    }

    private static CxSchema AddScalars(this CxSchema schema)
    {
        schema.Types.AddScalar(CustomScalars.Date).AddScalar(CustomScalars.DateTime);
        return schema;
    }

    /// <summary>The per-request scope filter over the Core read services (registered by <c>AddCxCore</c>) and the schema.</summary>
    public static IHostApplicationBuilder AddCxGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ConfidenceOptions>(builder.Configuration.GetSection(ConfidenceOptions.Section));
        builder.Services.AddScoped<VisibleUnits>();
        builder.Services.AddSingleton<FloorPatterns>();
        builder.Services.AddSingleton(_ => BuildCxSchema());
        var limits = builder.Configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        builder.Services.Configure<GraphQLLimits>(builder.Configuration.GetSection(GraphQLLimits.Section));
        builder.Services.AddSingleton<RawFactGate>();
        builder.Services.AddGraphQLServer(sp => sp.GetRequiredService<Schema>())
            .ConfigureExecutor(o =>
            {
                o.Validation.MaxDepth = MaxDepth;
                o.Validation.MaxNodes = 2_000;
                o.Validation.MaxAliases = 200;
                o.Validation.MaxDocumentLength = 100_000; // checked on the raw text, before parsing
                o.MaxTokens = 20_000;                      // a 100k-character token bomb stops here, AST unbuilt
                // (nesting: the engine's default of 128 levels, parser and validator, fragments expanded)
                o.Validation.MaxCost = limits.MaxCost;     // static estimate (QueryCosts), before anything runs
                o.Validation.ListSizeArguments = QueryCosts.SizeArguments;
                o.ExecutionTimeout = TimeSpan.FromSeconds(limits.TimeoutSeconds); // cancels the request's database commands
                o.TranslateException = ReadErrors.Translate;
                // "Unexpected error." hides a failing resolver's message from clients; Development shows it.
                o.IncludeExceptionDetails = builder.Environment.IsDevelopment();
            });
        return builder;
    }

    /// <summary>POST/GET /graphql (GraphQL-over-HTTP); every request needs a bearer token.</summary>
    public static IEndpointRouteBuilder MapCxGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapGraphQLEndpoint("/graphql").RequireAuthorization();
        return app;
    }
}
