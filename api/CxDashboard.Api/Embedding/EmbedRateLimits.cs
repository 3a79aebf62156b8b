using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// Fixed one-minute windows per API key (token requests) and per embed token (every request it makes). A refusal is
/// 429 with <c>Retry-After</c> (seconds to the window's end) and a problem body.
/// </summary>
public sealed class EmbedRateLimits(EmbedOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perKey = Limiter(options.TokenRequestsPerMinute);
    private readonly PartitionedRateLimiter<string> perToken = Limiter(options.RequestsPerMinute);

    /// <summary>Null when allowed, else the problem to send.</summary>
    public ProblemHttpResult? TryKey(HttpContext http, string partition) => Try(http, perKey, partition, "API key", options.TokenRequestsPerMinute);

    public ProblemHttpResult? TryToken(HttpContext http, string partition) => Try(http, perToken, partition, "embed token", options.RequestsPerMinute);

    private static ProblemHttpResult? Try(HttpContext http, PartitionedRateLimiter<string> limiter, string partition, string what, int limit)
    {
        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired) return null;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"This {what} may make {limit} requests a minute; retry in {retry} s.");
    }

    private static PartitionedRateLimiter<string> Limiter(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    public void Dispose()
    {
        perKey.Dispose();
        perToken.Dispose();
    }
}
