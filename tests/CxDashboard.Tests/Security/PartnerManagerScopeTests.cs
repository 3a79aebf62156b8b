namespace CxDashboard.Tests.Security;

/// <summary>
/// The demo partner manager (Acme's engagements) against another partner's engagement in the same
/// division (GlobalCall › Care › Tech Support), whose department owns the KPIs.
/// </summary>
[Collection(ScopeApp.Collection.Name)]
public sealed class PartnerManagerScopeTests(ScopeApp app) : PersonaScopeTests(app)
{
    protected override string Persona => "partner_manager";
    protected override string Own => "ENG-PRT-ACME-CARE-CONTACT";
    protected override string Sibling => "ENG-PRT-GLOBALCALL-CARE-TECH";
    protected override string SiblingKpiUnit => "DEP-CARE-TECH";
    protected override string[] ScopeUnits => [];
    protected override string[] ScopePartners => ["PRT-ACME"];
    protected override string AdminRefusal => "FORBIDDEN";
    protected override string CheckinRefusal => "FORBIDDEN";
}
