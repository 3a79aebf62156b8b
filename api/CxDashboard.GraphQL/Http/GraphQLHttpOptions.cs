namespace CxDashboard.GraphQL.Http;

/// <summary>Settings of the GraphQL-over-HTTP endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Largest accepted POST body; bigger ones get 413 before any parsing.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How deeply the JSON of a request (its variables and extensions) may nest; deeper bodies get 400 before any
    /// value is decoded (decoding and variable coercion recurse once per level). 64 is System.Text.Json's default.
    /// </summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Whether GET requests may run queries (mutations are never run on GET).</summary>
    public bool EnableGet { get; set; } = true;

    /// <summary>Whether a browser GET (Accept: text/html, no query) gets the query page.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>
    /// The HTML file served as the query page (e.g. a GraphiQL build whose assets the host serves as static
    /// files). Null: the engine's built-in minimal page, which is only a fallback for hosts that ship no page
    /// (a configured file that is missing also falls back to it, with a warning in the log).
    /// The page is served without authorization, whatever the endpoint requires: it is static and holds no
    /// data, a browser cannot attach a bearer token to a navigation, and every query the page sends goes to the
    /// endpoint itself and meets its authorization there.
    /// </summary>
    public string? GraphiQLPageFile { get; set; }

    /// <summary>
    /// Recognises an outage of a service the resolvers depend on (the database down) in a failed resolver's exception.
    /// When a masked field error's exception matches, the response is 503 with an RFC 9457 problem body and
    /// <c>Retry-After</c>, instead of a 200 holding only "Unexpected error." fields. Null: never.
    /// </summary>
    public Func<Exception, bool>? IsOutage { get; set; }

    /// <summary>Title and detail of the outage problem.</summary>
    public string OutageTitle { get; set; } = "Service unavailable";

    public string OutageDetail { get; set; } = "A service this API depends on is unavailable. Try again shortly.";

    /// <summary>
    /// The operation types a POST may run for this request (e.g. queries only for a read-only caller), or null for
    /// all. Another type ends in a request error before anything runs. GET runs queries only, whatever this says.
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, IReadOnlySet<CxDashboard.GraphQL.Language.OperationType>?>? AllowedOperations { get; set; }

    /// <summary>Seconds sent in <c>Retry-After</c> with an outage.</summary>
    public int OutageRetryAfterSeconds { get; set; } = 5;
}
