using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace CxDashboard.GraphQL.Http;

/// <summary>Marks the GraphQL endpoint mapped by <c>MapGraphQLEndpoint</c>.</summary>
public sealed class GraphQLEndpointMetadata;

/// <summary>Marks the query-page endpoint <c>MapGraphQLEndpoint</c> maps beside it, on the same pattern.</summary>
public sealed class GraphiQLPageMetadata;

/// <summary>
/// Routes a browser's GET of the endpoint (HTML acceptable, no query parameter) to the query-page endpoint and
/// every other request to the GraphQL endpoint. Routing decides, so the page endpoint keeps its own metadata
/// (anonymous) while the GraphQL endpoint keeps whatever authorization the host put on it.
/// </summary>
internal sealed class GraphiQLPageMatcherPolicy(IOptions<GraphQLHttpOptions> options) : MatcherPolicy, IEndpointSelectorPolicy
{
    // after the HTTP method policy has removed endpoints of other methods
    public override int Order => 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<GraphiQLPageMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var wantsPage = options.Value.EnableGraphiQL && GraphiQLPage.IsPageRequest(httpContext.Request);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var metadata = candidates[i].Endpoint.Metadata;
            var isPage = metadata.GetMetadata<GraphiQLPageMetadata>() is not null;
            var isApi = metadata.GetMetadata<GraphQLEndpointMetadata>() is not null;
            if ((isPage && !wantsPage) || (isApi && wantsPage && HasPage(candidates)))
                candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }

    private static bool HasPage(CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<GraphiQLPageMetadata>() is not null)
                return true;
        return false;
    }
}
