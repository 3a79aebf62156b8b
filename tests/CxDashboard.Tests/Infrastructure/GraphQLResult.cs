using System.Text.Json;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>Reading a GraphQL response body (<c>{"data": …, "errors": […]}</c>).</summary>
internal static class GraphQLResult
{
    /// <summary>The data, asserting there is no error.</summary>
    public static JsonElement Data(this JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data");
    }

    public static JsonElement[] Errors(this JsonElement result) =>
        result.TryGetProperty("errors", out var e) ? [.. e.EnumerateArray()] : [];

    public static string? Code(this JsonElement error) =>
        error.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null;
}
