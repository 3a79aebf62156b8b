using CxDashboard.GraphQL;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// Field errors of the API, built in one place, each with its <c>extensions.code</c>. Something outside the
/// caller's scope reads exactly like something that does not exist (NOT_FOUND), so errors never confirm that a
/// hidden unit or KPI exists; a refused argument or input names it in <c>extensions.field</c> (BAD_USER_INPUT)
/// and a role that may not do something gets FORBIDDEN.
/// </summary>
public static class FieldErrors
{
    public static GraphQLException UnitNotFound(string reference) => Error($"No unit {reference} in your scope.", "NOT_FOUND");

    public static GraphQLException KpiNotFound(string? id) => Error($"No KPI with id {id} in your scope.", "NOT_FOUND");

    public static GraphQLException PartnerNotFound(string code) => Error($"No partner '{code}' in your scope.", "NOT_FOUND");

    public static GraphQLException Forbidden(string what) => Error($"Your role may not {what}.", "FORBIDDEN");

    /// <summary>A refused argument (or input field, by its path): the message, and the argument in <c>extensions.field</c>.</summary>
    public static GraphQLException BadArgument(string field, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT", ["field"] = field }));

    /// <summary>A refused input: one error per problem, each naming its input field ("path: message").</summary>
    public static GraphQLException Rejected(IEnumerable<(string Path, string Message)> problems) =>
        new(problems.Select(x => new GraphQLError($"{x.Path}: {x.Message}",
            extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT", ["field"] = x.Path })).ToList());

    private static GraphQLException Error(string message, string code) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
