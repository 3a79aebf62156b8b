using CxDashboard.GraphQL;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// Field errors of the read API, built in one place. Something outside the caller's scope reads
/// exactly like something that does not exist, so errors never confirm that a hidden unit exists.
/// </summary>
public static class ReadErrors
{
    public static GraphQLException UnitNotFound(string reference) =>
        Error($"No unit {reference} in your scope.", "NOT_FOUND");

    public static GraphQLException PartnerNotFound(string code) =>
        Error($"No partner '{code}' in your scope.", "NOT_FOUND");

    public static GraphQLException BadArgument(string message) => Error(message, "BAD_USER_INPUT");

    /// <summary>Something the caller's access does not allow (e.g. a single day under the privacy floor).</summary>
    public static GraphQLException Forbidden(string message) => Error(message, "FORBIDDEN");

    private static GraphQLException Error(string message, string code) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
