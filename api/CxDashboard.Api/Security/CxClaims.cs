namespace CxDashboard.Api.Security;

/// <summary>Claim types carried by CxDashboard tokens. Scope is resolved to unit ids in one place (issue 5).</summary>
public static class CxClaims
{
    public const string Role = "role";
    public const string Persona = "persona";
    public const string ScopeUnit = "scope_unit";
    public const string ScopePartner = "scope_partner";

    public const string AnalystPolicy = "analyst";
}
