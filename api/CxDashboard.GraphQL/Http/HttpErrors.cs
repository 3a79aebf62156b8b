using System.Text.Json;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// Every error of the HTTP layer (a request that never reaches the executor), in one place.
/// "If the request is not a well-formed GraphQL-over-HTTP request … the server SHOULD reply with 400 status code."
/// https://graphql.github.io/graphql-over-http/draft/#sec-Processing-a-request
/// </summary>
internal static class HttpErrors
{
    public static GraphQLError NotAcceptable(string? accept) =>
        new($"None of the media types in the Accept header \"{accept}\" can be served; accept {MediaTypes.GraphQLResponseJson} or {MediaTypes.Json}.");

    public static GraphQLError MissingContentType() =>
        new($"A POST request must say its Content-Type; send {MediaTypes.Json}.");

    public static GraphQLError UnsupportedContentType(string contentType) =>
        new($"Content-Type \"{contentType}\" is not supported; send {MediaTypes.Json} (UTF-8).");

    public static GraphQLError BodyTooLarge(long limit) => new($"The request body is larger than the limit of {limit} bytes.");

    public static GraphQLError EmptyBody() => new("The request body is empty; send a JSON object with a \"query\" string.");

    public static GraphQLError InvalidJson(JsonException e) =>
        new($"The request body is not valid JSON: {e.Message}");

    public static GraphQLError InvalidJsonParameter(string parameter, JsonException e) =>
        new($"The \"{parameter}\" parameter is not valid JSON: {e.Message}");

    public static GraphQLError InvalidText(InvalidOperationException e) =>
        new($"The request holds text that is not valid Unicode (send UTF-8; no lone surrogate escapes): {e.Message}");

    public static GraphQLError BodyNotObject() => new("The request body must be a JSON object with a \"query\" string.");

    public static GraphQLError MissingQuery() => new("Must provide query string.");

    public static GraphQLError ParameterNotString(string parameter) => new($"The \"{parameter}\" parameter must be a string.");

    public static GraphQLError ParameterNotObject(string parameter) => new($"The \"{parameter}\" parameter must be a JSON object.");

    public static GraphQLError ParameterRepeated(string parameter) => new($"The \"{parameter}\" parameter must be given once.");

    public static GraphQLError GetDisabled() => new("GET requests are not enabled for this endpoint; use POST.");

    public static GraphQLError MutationViaGet(GraphQLError fromExecutor) =>
        new($"Only queries can be sent with GET; send mutations with POST. ({fromExecutor.Message})", fromExecutor.Locations);

    public static GraphQLError Internal() => new("Unexpected error while executing the request.");
}
