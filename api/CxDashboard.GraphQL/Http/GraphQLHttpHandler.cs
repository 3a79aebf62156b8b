using System.Text.Json;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// Serves one GraphQL-over-HTTP request: negotiates the response media type, reads the parameters, runs the
/// executor and picks the status code.
/// "The server SHOULD use the 200 status code for every response to a well-formed GraphQL-over-HTTP request,
/// independent of any GraphQL request error or GraphQL field error raised" (application/json), whereas with
/// application/graphql-response+json "If the GraphQL response does not contain the {data} entry then the
/// server MUST reply with a 4xx or 5xx status code as appropriate."
/// https://graphql.github.io/graphql-over-http/draft/#sec-Response
/// </summary>
public sealed class GraphQLHttpHandler(GraphQLExecutor executor, IOptions<GraphQLHttpOptions> options, ILogger<GraphQLHttpHandler> logger)
{
    /// <summary>ContextData key under which resolvers find the <see cref="HttpContext"/>.</summary>
    public const string HttpContextKey = "HttpContext";

    private static readonly IReadOnlySet<OperationType> GetOperations = new HashSet<OperationType> { OperationType.Query };

    private readonly GraphQLHttpOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);

        // Normally routed to the page endpoint (GraphiQLPageEndpoint) before authorization; here when the
        // endpoint was mapped some other way.
        if (_options.EnableGraphiQL && GraphiQLPage.IsPageRequest(request))
        {
            await GraphiQLPage.WriteAsync(context, _options, logger);
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await RefuseAsync(context, MediaTypes.Json, new HttpRefusal(StatusCodes.Status406NotAcceptable, HttpErrors.NotAcceptable(request.Headers.Accept)));
            return;
        }

        GraphQLHttpRequest? parameters;
        HttpRefusal? refusal;
        if (isGet)
        {
            if (!_options.EnableGet)
            {
                context.Response.Headers.Allow = "POST";
                await RefuseAsync(context, mediaType, new HttpRefusal(StatusCodes.Status405MethodNotAllowed, HttpErrors.GetDisabled()));
                return;
            }
            (parameters, refusal) = GraphQLHttpRequestReader.ReadGet(request.Query, _options.MaxJsonDepth);
        }
        else
        {
            (parameters, refusal) = await GraphQLHttpRequestReader.ReadPostAsync(request, _options, context.RequestAborted);
        }
        if (refusal is not null)
        {
            await RefuseAsync(context, mediaType, refusal);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(new ExecutionRequest
            {
                Query = parameters!.Query,
                OperationName = parameters.OperationName,
                Variables = parameters.Variables,
                Extensions = parameters.Extensions,
                Services = context.RequestServices,
                ContextData = new Dictionary<string, object?> { [HttpContextKey] = context },
                AllowedOperations = isGet ? GetOperations : _options.AllowedOperations?.Invoke(context),
            }, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody reads a response
        }
        catch (Exception e) when (_options.IsOutage?.Invoke(e) == true)
        {
            logger.LogWarning(e, "GraphQL request failed: outage");
            await WriteOutageAsync(context);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "GraphQL request failed unexpectedly");
            await RefuseAsync(context, mediaType, new HttpRefusal(StatusCodes.Status500InternalServerError, HttpErrors.Internal()));
            return;
        }

        // "GET requests MUST NOT be used for executing mutation operations … the server MUST respond with error
        // status code 405 (Method Not Allowed)". https://graphql.github.io/graphql-over-http/draft/#sec-GET
        if (isGet && !result.HasData && result.Errors is [var only] && only.Extensions?.GetValueOrDefault("code") is "OPERATION_NOT_ALLOWED")
        {
            context.Response.Headers.Allow = "POST";
            await RefuseAsync(context, mediaType, new HttpRefusal(StatusCodes.Status405MethodNotAllowed, HttpErrors.MutationViaGet(only)));
            return;
        }

        if (_options.IsOutage is { } isOutage && result.Errors is { Count: > 0 } errors
            && errors.Any(e => e.IsUnexpected && e.Exception is { } ex && isOutage(ex)))
        {
            await WriteOutageAsync(context);
            return;
        }

        var status = mediaType == MediaTypes.GraphQLResponseJson && !result.HasData
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        await WriteAsync(context, status, mediaType, result);
    }

    /// <summary>Serves the query page (the page endpoint's handler).</summary>
    public Task HandlePageAsync(HttpContext context) => GraphiQLPage.WriteAsync(context, _options, logger);

    /// <summary>503 with a problem body: the answer would be nothing but masked errors, and trying again later helps.</summary>
    private async Task WriteOutageAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "application/problem+json; charset=utf-8";
        response.Headers.RetryAfter = _options.OutageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "https://tools.ietf.org/html/rfc9110#section-15.6.4");
            writer.WriteString("title", _options.OutageTitle);
            writer.WriteNumber("status", StatusCodes.Status503ServiceUnavailable);
            writer.WriteString("detail", _options.OutageDetail);
            writer.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static Task RefuseAsync(HttpContext context, string mediaType, HttpRefusal refusal) =>
        WriteAsync(context, refusal.StatusCode, mediaType, ExecutionResult.RequestError([refusal.Error]));

    private static async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = mediaType + "; charset=utf-8";
        response.Headers.Vary = HeaderNames.Accept;
        // Straight into the response pipe's pooled segments: a writer over the body stream buffers the whole document
        // in one array that doubles as it grows (a large scorecard reached the large object heap on every request).
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, ExecutionResultWriter.WriterOptions))
            ExecutionResultWriter.Write(writer, result);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
