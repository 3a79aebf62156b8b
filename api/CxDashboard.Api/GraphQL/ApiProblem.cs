namespace CxDashboard.Api.GraphQL;

/// <summary>
/// Problem codes (extensions.problem, next to the English message, so a client can say it in its reader's language) of
/// the API's errors that no feature's input owns: refused arguments (the KPI codes already cover slices, metrics and
/// "not both"), reads refused or stopped. Feature inputs have their own: KpiProblem, EmbedProblem, ImportProblem.
/// A new one goes here, in docs/graphql-api.md and in the web's locale files (apiErrors.graphql.*).
/// </summary>
public static class ApiProblem
{
    /// <summary>Params: code.</summary>
    public const string PartnerNotFound = "PARTNER_NOT_FOUND";
    /// <summary>The caller's role may not do this (the English message says what).</summary>
    public const string Forbidden = "FORBIDDEN";
    /// <summary>The caller's access does not allow this read (e.g. a single day under the privacy floor).</summary>
    public const string ForbiddenRead = "FORBIDDEN_READ";
    /// <summary>No heavy-read slot freed up in time. Params: seconds.</summary>
    public const string Busy = "BUSY";
    /// <summary>The privacy floor's pattern for the caller's scope is being built after a rollup update. Params: seconds (retry hint, also in Retry-After).</summary>
    public const string PatternBuilding = "PRIVACY_PATTERN_BUILDING";
    /// <summary>A text argument holding U+0000.</summary>
    public const string NulCharacter = "NUL_CHARACTER";
    /// <summary>The database statement was stopped by its time limit.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>A list argument giving one slice dimension twice. Params: dimension, first, second.</summary>
    public const string SliceTwice = "SLICE_TWICE";
    /// <summary>A whole-number argument outside its bounds. Params: name, min, max.</summary>
    public const string CountRange = "COUNT_RANGE";
    /// <summary>Exactly one of two arguments is required. Params: first, second.</summary>
    public const string ExactlyOne = "EXACTLY_ONE";
    /// <summary>A period the API cannot read (PeriodException). Params: value.</summary>
    public const string BadPeriod = "BAD_PERIOD";
    /// <summary>A scorecard asked for a grain that carries no targets. Params: grain.</summary>
    public const string NotScorecardPeriod = "NOT_SCORECARD_PERIOD";
    /// <summary>A paging cursor this API did not issue (or for another query).</summary>
    public const string BadCursor = "BAD_CURSOR";
}
