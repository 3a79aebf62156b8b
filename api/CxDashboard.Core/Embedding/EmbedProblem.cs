namespace CxDashboard.Core.Embedding;

/// <summary>
/// The stable codes of a refused host-application input (GraphQL extensions.problem, next to the English message), so
/// the embedding admin screen can say each problem in its reader's language. A new check adds its code here, to
/// docs/graphql-api.md and to the web's locale files (apiErrors.graphql.*).
/// </summary>
public static class EmbedProblem
{
    /// <summary>A text or code holding NUL or a lone surrogate, which PostgreSQL text cannot hold.</summary>
    public const string NotStorable = "NOT_STORABLE";
    /// <summary>Params: min, max (characters).</summary>
    public const string NameLength = "NAME_LENGTH";
    /// <summary>Params: name.</summary>
    public const string NameTaken = "NAME_TAKEN";
    /// <summary>Params: value.</summary>
    public const string NotAnOrigin = "NOT_AN_ORIGIN";
    public const string OriginRequired = "ORIGIN_REQUIRED";
    public const string GrantRequired = "GRANT_REQUIRED";
    /// <summary>Params: code.</summary>
    public const string UnknownUnitCode = "UNKNOWN_UNIT_CODE";
    /// <summary>Params: code.</summary>
    public const string UnknownPartnerCode = "UNKNOWN_PARTNER_CODE";
    public const string ViewRequired = "VIEW_REQUIRED";
    /// <summary>Params: value, allowed (list).</summary>
    public const string UnknownView = "UNKNOWN_VIEW";
    /// <summary>Params: value, allowed (list).</summary>
    public const string UnknownPermission = "UNKNOWN_PERMISSION";
    /// <summary>A rotation overlap outside 0..max. Params: min, max (hours).</summary>
    public const string OverlapRange = "OVERLAP_RANGE";
    /// <summary>A grant reaching units outside the caller's own scope.</summary>
    public const string GrantOutsideScope = "GRANT_OUTSIDE_SCOPE";
    /// <summary>No host application with this id. Params: id.</summary>
    public const string HostNotFound = "HOST_NOT_FOUND";
    /// <summary>No (usable) API key with this key id. Params: id.</summary>
    public const string KeyNotFound = "KEY_NOT_FOUND";
}
