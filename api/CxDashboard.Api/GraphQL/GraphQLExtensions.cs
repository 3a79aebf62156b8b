using CxDashboard.Api.Drivers;
using CxDashboard.Api.Embedding;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Partners;
using CxDashboard.Api.Rollups;
using CxDashboard.Api.Scorecards;
using CxDashboard.Api.Values;
using CxDashboard.Api.Verbatims;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.GraphQL;

public static class GraphQLExtensions
{
    /// <summary>Query depth limit: deep enough for company → division → department → team → values → previous.</summary>
    public const int MaxDepth = 15;

    /// <summary>
    /// The schema: the list of features composing it. Each feature folder registers its own types, root fields and
    /// fields on other features' types in one <c>AddXxxTypes(this CxSchema)</c> extension; a new feature adds one
    /// line here. This list is the only place in GraphQL/ that names a feature.
    /// </summary>
    public static Schema BuildCxSchema() => new CxSchema()
        .AddScalars()
        .AddHierarchyTypes()
        .AddValueTypes()
        .AddPartnerTypes()
        .AddVerbatimTypes()
        .AddScorecardTypes()
        .AddDriverTypes()
        .AddRollupTypes()
        .AddEmbeddingTypes()
        .Build()
        .Priced();

    private static CxSchema AddScalars(this CxSchema schema)
    {
        schema.Types.AddScalar(CustomScalars.Date).AddScalar(CustomScalars.DateTime);
        return schema;
    }

    /// <summary>
    /// The schema, and each feature's request-scoped reader: the Core read services (registered by <c>AddCxCore</c>)
    /// seen through the caller's scope gate (registered by <c>AddCxAuth</c>). Exports read through the same readers.
    /// </summary>
    public static IHostApplicationBuilder AddCxGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<VisibleOrg>().AddScoped<VisibleValues>().AddScoped<VisibleScorecards>()
            .AddScoped<VisibleDrivers>().AddScoped<VisibleVerbatims>();
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
                o.TranslateException = FieldErrors.Translate;
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
