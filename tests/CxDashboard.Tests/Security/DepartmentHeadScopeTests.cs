namespace CxDashboard.Tests.Security;

/// <summary>The demo department head (Retail › Stores) against the department beside it (Retail › Online Shop).</summary>
[Collection(ScopeApp.Collection.Name)]
public sealed class DepartmentHeadScopeTests(ScopeApp app) : PersonaScopeTests(app)
{
    protected override string Persona => "department_head";
    protected override string Own => "DEP-RETAIL-STORES";
    protected override string Sibling => "DEP-RETAIL-ONLINE";
    protected override string SiblingKpiUnit => "DEP-RETAIL-ONLINE";
    protected override string[] ScopeUnits => ["DEP-RETAIL-STORES"];
    protected override string AdminRefusal => "FORBIDDEN";
    protected override string CheckinRefusal => "NOT_FOUND";
}
