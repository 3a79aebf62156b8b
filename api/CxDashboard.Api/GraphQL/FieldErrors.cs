using CxDashboard.Core.Embedding;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// Field errors of the API, built in one place, each with its <c>extensions.code</c>. Something outside the
/// caller's scope reads exactly like something that does not exist (NOT_FOUND), so errors never confirm that a
/// hidden unit or KPI exists; a refused argument or input names it in <c>extensions.field</c> (BAD_USER_INPUT)
/// and a role that may not do something gets FORBIDDEN. Next to the category in <c>extensions.code</c>, an error a
/// client may want to say in its reader's language carries <c>extensions.problem</c> (a stable code, e.g.
/// <see cref="KpiProblem.OutOfRange"/>) and <c>extensions.params</c> (the values its English message names).
/// </summary>
public static class FieldErrors
{
    public static GraphQLException UnitNotFound(string reference) =>
        Error($"No unit {reference} in your scope.", "NOT_FOUND", KpiProblem.UnitNotFound);

    public static GraphQLException KpiNotFound(string? id) => Error($"No KPI with id {id} in your scope.", "NOT_FOUND", KpiProblem.KpiNotFound, ("id", id));

    public static GraphQLException PartnerNotFound(string code) =>
        Error($"No partner '{code}' in your scope.", "NOT_FOUND", ApiProblem.PartnerNotFound, ("code", code));

    /// <summary>The problem code is the category alone: <paramref name="what"/> is English prose, not a value to translate.</summary>
    public static GraphQLException Forbidden(string what) => Error($"Your role may not {what}.", "FORBIDDEN", ApiProblem.Forbidden);

    /// <summary>
    /// A refused argument (or input field, by its path): the message, and the argument in <c>extensions.field</c>; with a
    /// <paramref name="problem"/> code (and its params) when a client may want to say it in its reader's language.
    /// </summary>
    public static GraphQLException BadArgument(string field, string message, string? problem = null, params (string Name, object? Value)[] values)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT", ["field"] = field };
        if (problem is not null)
        {
            extensions["problem"] = problem;
            extensions["params"] = values.ToDictionary(v => v.Name, v => v.Value);
        }
        return new(new GraphQLError(message, extensions: extensions));
    }

    /// <summary>
    /// A refused input: one error per problem, each naming its input field ("path: message", the path after
    /// <paramref name="messagePrefix"/> in the message), its problem code and params.
    /// </summary>
    public static GraphQLException Rejected(IEnumerable<InputError> problems, string messagePrefix = "") =>
        new(problems.Select(x => new GraphQLError($"{messagePrefix}{x.Path}: {x.Message}", extensions: new Dictionary<string, object?>
        {
            ["code"] = "BAD_USER_INPUT", ["field"] = x.Path, ["problem"] = x.Code, ["params"] = x.Params,
        })).ToList());

    public static GraphQLException HostNotFound(string? id) => Error($"No host {id}.", "NOT_FOUND", EmbedProblem.HostNotFound, ("id", id));

    /// <summary>No API key with this id (<paramref name="usable"/>: none that still works, for a rotation).</summary>
    public static GraphQLException KeyNotFound(string id, bool usable) =>
        Error($"No {(usable ? "usable " : "")}API key {id}.", "NOT_FOUND", EmbedProblem.KeyNotFound, ("id", id));

    public static GraphQLException GrantOutsideScope() =>
        Error("The grant reaches units outside your own scope.", "FORBIDDEN", EmbedProblem.GrantOutsideScope);

    /// <summary>Something the caller's access does not allow (e.g. a single day under the privacy floor).</summary>
    public static GraphQLException ForbiddenRead(string message) => Error(message, "FORBIDDEN", ApiProblem.ForbiddenRead);

    /// <summary>The caller's suppression pattern for the current rollup version is still being built (privacy floor); retry in about <paramref name="seconds"/>.</summary>
    public static GraphQLException PatternBuilding(int seconds) =>
        Error($"Your figures are being prepared after a data update (the privacy floor's pattern for your scope is being built); nothing is shown until it is ready. Retry in about {seconds} s.",
            "PRIVACY_PATTERN_BUILDING", ApiProblem.PatternBuilding, ("seconds", seconds));

    public static GraphQLException Busy(TimeSpan waited) =>
        Error($"Too many driver and verbatim reads are running; none freed up within {waited.TotalSeconds:0.#} s. Retry shortly.", "BUSY", ApiProblem.Busy,
            ("seconds", Math.Round(waited.TotalSeconds, 1)));

    /// <summary>
    /// Exceptions that are the client's doing, in the client's words (GraphQLExecutorOptions.TranslateException);
    /// anything else stays "Unexpected error." and is logged.
    /// </summary>
    public static GraphQLError? Translate(Exception e) => e switch
    {
        // PostgreSQL text cannot hold U+0000: "invalid byte sequence for encoding UTF8: 0x00" (22021), or 22P05
        Npgsql.PostgresException { SqlState: "22021" or "22P05" } =>
            Coded("A text argument holds a character the service cannot store (U+0000, NUL); remove it.", "BAD_USER_INPUT", ApiProblem.NulCharacter),
        Core.Values.PeriodException p => Coded(p.Message, "BAD_USER_INPUT"),
        // a statement stopped by the server's statement_timeout, or a command past Npgsql's CommandTimeout
        Npgsql.PostgresException { SqlState: "57014" } or Npgsql.NpgsqlException { InnerException: TimeoutException } =>
            Coded("The database took too long for this field and the read was stopped; ask for less (a shorter period, fewer units).", "TIMEOUT", ApiProblem.Timeout),
        _ => null,
    };

    private static GraphQLError Coded(string message, string code, string? problem = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (problem is not null) extensions["problem"] = problem;
        return new(message, extensions: extensions);
    }

    private static GraphQLException Error(string message, string code, string problem, params (string Name, object? Value)[] values) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?>
        {
            ["code"] = code, ["problem"] = problem, ["params"] = values.ToDictionary(v => v.Name, v => v.Value),
        }));
}
