using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CxDashboard.GraphQL.Http;

/// <summary>The GraphQL request parameters of one HTTP request: query, operationName, variables, extensions.</summary>
internal sealed record GraphQLHttpRequest(
    string Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, object?>? Extensions);

/// <summary>An HTTP-level refusal: status code and the one error to report.</summary>
internal sealed record HttpRefusal(int StatusCode, GraphQLError Error);

/// <summary>
/// Reads request parameters from a POST JSON body or a GET query string.
/// "query - A Document containing GraphQL Operations and Fragments to execute. operationName - (Optional):
/// The name of the Operation in the Document to execute. variables - (Optional): Values for any Variables
/// defined by the Operation. extensions - (Optional): This entry is reserved for implementors to extend the
/// protocol however they see fit." https://graphql.github.io/graphql-over-http/draft/#sec-Request-Parameters
/// </summary>
internal static class GraphQLHttpRequestReader
{
    /// <summary>POST: "the request body must be a JSON object" with the parameters as its entries.</summary>
    public static async Task<(GraphQLHttpRequest? Request, HttpRefusal? Refusal)> ReadPostAsync(
        HttpRequest request, GraphQLHttpOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            return (null, new HttpRefusal(StatusCodes.Status415UnsupportedMediaType, HttpErrors.MissingContentType()));
        if (!MediaTypes.IsJsonContentType(request.ContentType))
            return (null, new HttpRefusal(StatusCodes.Status415UnsupportedMediaType, HttpErrors.UnsupportedContentType(request.ContentType)));

        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
            return (null, new HttpRefusal(StatusCodes.Status413PayloadTooLarge, HttpErrors.BodyTooLarge(limit)));

        var body = await ReadLimitedAsync(request.Body, limit, cancellationToken);
        if (body is null) return (null, new HttpRefusal(StatusCodes.Status413PayloadTooLarge, HttpErrors.BodyTooLarge(limit)));
        if (body.WrittenCount == 0) return (null, BadRequest(HttpErrors.EmptyBody()));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.WrittenMemory, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            return (null, BadRequest(HttpErrors.InvalidJson(e)));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, BadRequest(HttpErrors.BodyNotObject()));
            var root = document.RootElement;
            return Decoded(() => FromParameters(
                root.TryGetProperty("query", out var query) ? query : default,
                root.TryGetProperty("operationName", out var operationName) ? operationName : default,
                root.TryGetProperty("variables", out var variables) ? variables : default,
                root.TryGetProperty("extensions", out var extensions) ? extensions : default));
        }
    }

    /// <summary>
    /// Runs a step that turns JSON strings into .NET strings. "JSON text exchanged between systems … MUST be encoded
    /// using UTF-8" (RFC 8259 §8.1): bytes that are not UTF-8, or a \u escape of a lone surrogate (no Unicode scalar
    /// value, so no GraphQL string can hold it), make System.Text.Json throw InvalidOperationException as it decodes:
    /// the client's mistake, answered 400.
    /// https://graphql.github.io/graphql-over-http/draft/#sec-JSON-Encoding
    /// </summary>
    private static (GraphQLHttpRequest? Request, HttpRefusal? Refusal) Decoded(Func<(GraphQLHttpRequest?, HttpRefusal?)> step)
    {
        try
        {
            return step();
        }
        catch (InvalidOperationException e)
        {
            return (null, BadRequest(HttpErrors.InvalidText(e)));
        }
    }

    /// <summary>
    /// GET: parameters in the query string, "variables" and "extensions" as JSON-encoded strings.
    /// https://graphql.github.io/graphql-over-http/draft/#sec-GET
    /// </summary>
    public static (GraphQLHttpRequest? Request, HttpRefusal? Refusal) ReadGet(IQueryCollection queryString, int maxDepth)
    {
        foreach (var name in (string[])["query", "operationName", "variables", "extensions"])
            if (queryString[name].Count > 1) return (null, BadRequest(HttpErrors.ParameterRepeated(name)));

        var query = queryString["query"].ToString();
        if (string.IsNullOrEmpty(query)) return (null, BadRequest(HttpErrors.MissingQuery()));
        var operationName = queryString["operationName"].ToString();

        var (variables, variablesRefusal) = ParseJsonObjectParameter(queryString, "variables", maxDepth);
        if (variablesRefusal is not null) return (null, variablesRefusal);
        var (extensions, extensionsRefusal) = ParseJsonObjectParameter(queryString, "extensions", maxDepth);
        if (extensionsRefusal is not null) return (null, extensionsRefusal);

        return (new GraphQLHttpRequest(query, operationName.Length == 0 ? null : operationName, variables, extensions), null);
    }

    private static (IReadOnlyDictionary<string, object?>? Value, HttpRefusal? Refusal) ParseJsonObjectParameter(
        IQueryCollection queryString, string name, int maxDepth)
    {
        var text = queryString[name].ToString();
        if (text.Length == 0) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Null => (null, null),
                JsonValueKind.Object => (JsonInput.ToMap(document.RootElement), null),
                _ => (null, BadRequest(HttpErrors.ParameterNotObject(name))),
            };
        }
        catch (InvalidOperationException e)
        {
            return (null, BadRequest(HttpErrors.InvalidText(e)));
        }
        catch (JsonException e)
        {
            return (null, BadRequest(HttpErrors.InvalidJsonParameter(name, e)));
        }
    }

    private static (GraphQLHttpRequest? Request, HttpRefusal? Refusal) FromParameters(
        JsonElement query, JsonElement operationName, JsonElement variables, JsonElement extensions)
    {
        if (query.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return (null, BadRequest(HttpErrors.MissingQuery()));
        if (query.ValueKind != JsonValueKind.String) return (null, BadRequest(HttpErrors.ParameterNotString("query")));
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            return (null, BadRequest(HttpErrors.ParameterNotString("operationName")));
        if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return (null, BadRequest(HttpErrors.ParameterNotObject("variables")));
        if (extensions.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            return (null, BadRequest(HttpErrors.ParameterNotObject("extensions")));

        return (new GraphQLHttpRequest(
            query.GetString()!,
            operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null,
            variables.ValueKind == JsonValueKind.Object ? JsonInput.ToMap(variables) : null,
            extensions.ValueKind == JsonValueKind.Object ? JsonInput.ToMap(extensions) : null), null);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<ArrayBufferWriter<byte>?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0) return buffer;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
    }

    private static HttpRefusal BadRequest(GraphQLError error) => new(StatusCodes.Status400BadRequest, error);
}
