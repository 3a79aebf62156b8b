using System.Globalization;

namespace CxDashboard.Api.GraphQL;

/// <summary>GraphQL <c>ID</c>s of database rows: the bigint key as invariant decimal text.</summary>
public static class Ids
{
    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key, or null for text that is not one (which then reads as NOT_FOUND, like an unknown key).</summary>
    public static long? Parse(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
