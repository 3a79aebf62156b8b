using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// The response media types and Accept negotiation.
/// "A server MUST support responses using at least one of the official GraphQL response media types."
/// https://graphql.github.io/graphql-over-http/draft/#sec-Accept
/// </summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Html = "text/html";

    /// <summary>
    /// Picks the response media type: the acceptable one with the highest quality; a tie goes to
    /// application/graphql-response+json only when the client named it explicitly, so <c>*/*</c> and a missing
    /// header get application/json (what legacy clients expect). Null when nothing acceptable is offered (406).
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0) return Json;

        var json = Score(ranges, "application", "json");
        var graphql = Score(ranges, "application", "graphql-response+json");
        if (json.Quality <= 0 && graphql.Quality <= 0) return null;
        if (graphql.Quality > json.Quality) return GraphQLResponseJson;
        if (json.Quality > graphql.Quality) return Json;
        return graphql.Specificity == 2 && graphql.Specificity >= json.Specificity ? GraphQLResponseJson : Json;
    }

    /// <summary>Whether a browser asks for HTML (explicitly, not only through */*).</summary>
    public static bool AcceptsHtml(StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out var ranges)
        && ranges.Any(r => r.MediaType.Equals(Html, StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1) > 0);

    /// <summary>Quality of the most specific range matching type/subtype (RFC 9110 §12.5.1); specificity 0 = */*, 1 = type/*, 2 = exact.</summary>
    private static (double Quality, int Specificity) Score(IList<MediaTypeHeaderValue> ranges, string type, string subtype)
    {
        var best = (Quality: 0.0, Specificity: -1);
        foreach (var range in ranges)
        {
            int specificity;
            if (range.MatchesAllTypes) specificity = 0;
            else if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase)) continue;
            else if (range.MatchesAllSubTypes) specificity = 1;
            else if (range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase)) specificity = 2;
            else continue;
            if (specificity > best.Specificity) best = (range.Quality ?? 1.0, specificity);
        }
        return best;
    }

    /// <summary>
    /// Whether a POST body's Content-Type is JSON we can read: application/json with no charset or UTF-8.
    /// "A server MUST support POST requests encoded with the application/json media type".
    /// </summary>
    public static bool IsJsonContentType(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)) return false;
        if (!parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)) return false;
        var charset = parsed.Charset;
        return StringSegment.IsNullOrEmpty(charset)
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
