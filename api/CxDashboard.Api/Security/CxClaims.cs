namespace CxDashboard.Api.Security;

/// <summary>Claim types carried by CxDashboard tokens. Scope is resolved to unit ids in one place (issue 5).</summary>
public static class CxClaims
{
    public const string Role = "role";
    public const string Persona = "persona";
    public const string ScopeUnit = "scope_unit";
    public const string ScopePartner = "scope_partner";

    /// <summary>What a token may do beyond reading (one claim per permission, e.g. <c>export</c>).</summary>
    public const string Permission = "permission";

    /// <summary>May download workbooks and raw data (<c>/export/*</c>, <c>/api/exports</c>).</summary>
    public const string ExportPermission = "export";

    public const string AnalystPolicy = "analyst";

    public const string ExportPolicy = "export";
}
