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

    public static GraphQLException Busy(TimeSpan waited) =>
        Error($"Too many driver and verbatim reads are running; none freed up within {waited.TotalSeconds:0.#} s. Retry shortly.", "BUSY");

    /// <summary>
    /// Exceptions that are the client's doing, in the client's words (GraphQLExecutorOptions.TranslateException);
    /// anything else stays "Unexpected error." and is logged.
    /// </summary>
    public static GraphQLError? Translate(Exception e) => e switch
    {
        // PostgreSQL text cannot hold U+0000: "invalid byte sequence for encoding UTF8: 0x00" (22021), or 22P05
        Npgsql.PostgresException { SqlState: "22021" or "22P05" } =>
            Coded("A text argument holds a character the service cannot store (U+0000, NUL); remove it.", "BAD_USER_INPUT"),
        Core.Scorecards.PeriodException p => Coded(p.Message, "BAD_USER_INPUT"),
        // a statement stopped by the server's statement_timeout, or a command past Npgsql's CommandTimeout
        Npgsql.PostgresException { SqlState: "57014" } or Npgsql.NpgsqlException { InnerException: TimeoutException } =>
            Coded("The database took too long for this field and the read was stopped; ask for less (a shorter period, fewer units).", "TIMEOUT"),
        _ => null,
    };

    private static GraphQLError Coded(string message, string code) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static GraphQLException Error(string message, string code) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
