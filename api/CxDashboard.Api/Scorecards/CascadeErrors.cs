using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// Field errors of the KPI API, built in one place. Something outside the caller's scope reads
/// exactly like something that does not exist; a refused input gives one error per problem, each
/// naming the input field (<c>extensions.field</c>) and the reason, and nothing is written.
/// </summary>
public static class CascadeErrors
{
    public static GraphQLException UnitNotFound(string? id) => Error($"No unit with id {id} in your scope.", "NOT_FOUND");

    public static GraphQLException KpiNotFound(string? id) => Error($"No KPI with id {id} in your scope.", "NOT_FOUND");

    public static GraphQLException Forbidden(string what) => Error($"Your role may not {what}.", "FORBIDDEN");

    public static GraphQLException BadArgument(string field, string message) =>
        new(new GraphQLError($"{field}: {message}", extensions: Extensions("BAD_USER_INPUT", field)));

    public static GraphQLException Rejected(InputRejectedException e) =>
        new(e.Errors.Select(x => new GraphQLError($"{x.Path}: {x.Message}", extensions: Extensions("BAD_USER_INPUT", x.Path))).ToList());

    private static GraphQLException Error(string message, string code) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));

    private static Dictionary<string, object?> Extensions(string code, string field) => new() { ["code"] = code, ["field"] = field };
}
