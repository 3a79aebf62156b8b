using CxDashboard.GraphQL.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace CxDashboard.Api.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every REST error, including unhandled ones and bare status codes, is an RFC 9457 problem details body.
    /// A database outage is a 503 "Database unavailable" with Retry-After, on REST and GraphQL alike.
    /// </summary>
    public static IHostApplicationBuilder AddCxProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        builder.Services.PostConfigure<GraphQLHttpOptions>(o =>
        {
            o.IsOutage = DatabaseOutage.Is;
            o.OutageTitle = DatabaseOutageHandler.Title;
            o.OutageDetail = DatabaseOutageHandler.Detail;
            o.OutageRetryAfterSeconds = DatabaseOutage.RetryAfterSeconds;
        });
        return builder;
    }

    public static WebApplication UseCxProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>An unhandled database outage in a REST endpoint: 503 problem with Retry-After instead of a 500.</summary>
internal sealed class DatabaseOutageHandler(IProblemDetailsService problems, ILogger<DatabaseOutageHandler> logger) : IExceptionHandler
{
    public const string Title = "Database unavailable";
    public const string Detail = "The database cannot be reached. The service recovers by itself once it is back; try again in a few seconds.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!DatabaseOutage.Is(exception)) return false;
        logger.LogWarning(exception, "Database unavailable");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = Detail },
        });
    }
}
