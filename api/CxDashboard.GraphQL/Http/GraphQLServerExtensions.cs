using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Http;
using CxDashboard.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Extension methods live in the namespaces their callers already import.
namespace Microsoft.Extensions.DependencyInjection
{
    public static class GraphQLServiceCollectionExtensions
    {
        /// <summary>Registers the schema (built once, on first use), the executor and the HTTP handler.</summary>
        public static GraphQLServerBuilder AddGraphQLServer(this IServiceCollection services, Func<IServiceProvider, Schema> schemaFactory)
        {
            services.AddOptions<GraphQLExecutorOptions>();
            services.AddOptions<GraphQLHttpOptions>();
            services.TryAddSingleton(schemaFactory);
            services.TryAddSingleton(sp => new GraphQLExecutor(sp.GetRequiredService<Schema>(), sp.GetRequiredService<IOptions<GraphQLExecutorOptions>>().Value));
            services.TryAddSingleton<GraphQLHttpHandler>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, GraphiQLPageMatcherPolicy>());
            return new GraphQLServerBuilder(services);
        }

        public static GraphQLServerBuilder AddGraphQLServer(this IServiceCollection services, Schema schema) =>
            services.AddGraphQLServer(_ => schema);
    }
}

namespace CxDashboard.GraphQL.Http
{
    /// <summary>Fluent configuration returned by <c>AddGraphQLServer</c>.</summary>
    public sealed class GraphQLServerBuilder(IServiceCollection services)
    {
        public IServiceCollection Services { get; } = services;

        public GraphQLServerBuilder ConfigureExecutor(Action<GraphQLExecutorOptions> configure)
        {
            Services.Configure(configure);
            return this;
        }

        public GraphQLServerBuilder ConfigureHttp(Action<GraphQLHttpOptions> configure)
        {
            Services.Configure(configure);
            return this;
        }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    public static class GraphQLEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps GET and POST on <paramref name="pattern"/> to the GraphQL-over-HTTP handler and, on the same pattern,
        /// the query page a browser's GET gets (<see cref="GraphQLHttpOptions.GraphiQLPageFile"/>). Returns the
        /// GraphQL endpoint's convention builder so callers can add <c>RequireAuthorization()</c> etc.; the page
        /// stays anonymous (it holds no data, and its queries meet the GraphQL endpoint's authorization).
        /// </summary>
        public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
        {
            endpoints.MapGet(pattern, (HttpContext context) => context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandlePageAsync(context))
                .WithMetadata(new GraphiQLPageMetadata(), new AllowAnonymousAttribute())
                .WithDisplayName("GraphiQL " + pattern);
            return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post],
                    (HttpContext context) => context.RequestServices.GetRequiredService<GraphQLHttpHandler>().HandleAsync(context))
                .WithMetadata(new GraphQLEndpointMetadata())
                .WithDisplayName("GraphQL " + pattern);
        }
    }
}
