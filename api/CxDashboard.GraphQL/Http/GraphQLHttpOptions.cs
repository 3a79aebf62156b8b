namespace CxDashboard.GraphQL.Http;

/// <summary>Settings of the GraphQL-over-HTTP endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Largest accepted POST body; bigger ones get 413 before any parsing.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Whether GET requests may run queries (mutations are never run on GET).</summary>
    public bool EnableGet { get; set; } = true;

    /// <summary>Whether a browser GET (Accept: text/html, no query) gets the query page.</summary>
    public bool EnableGraphiQL { get; set; } = true;
}
