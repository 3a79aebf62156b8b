namespace CxDashboard.Api.Hosting;

public static class ProblemDetailsExtensions
{
    /// <summary>Every REST error, including unhandled ones and bare status codes, is an RFC 9457 problem details body.</summary>
    public static IHostApplicationBuilder AddCxProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseCxProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
