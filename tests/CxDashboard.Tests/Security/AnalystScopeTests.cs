using System.Globalization;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Security;

/// <summary>
/// An analyst-role token scoped to the Retail division against the Care division beside it: KPI admin
/// is allowed by role, so the sibling is refused by scope (NOT_FOUND), while the own division takes a new KPI.
/// </summary>
[Collection(ScopeApp.Collection.Name)]
public sealed class AnalystScopeTests(ScopeApp app) : PersonaScopeTests(app)
{
    protected override string Persona => "retail_analyst";
    protected override string Own => "DIV-RETAIL";
    protected override string Sibling => "DIV-CARE";
    protected override string SiblingKpiUnit => "DIV-CARE";
    protected override string[] ScopeUnits => ["DIV-RETAIL"];
    protected override string AdminRefusal => "NOT_FOUND";
    protected override string CheckinRefusal => "NOT_FOUND";

    [Fact]
    public async Task The_analyst_creates_a_kpi_on_a_unit_inside_the_scope()
    {
        var unit = (await App.UnitIdAsync("DEP-RETAIL-LOYALTY")).ToString(CultureInfo.InvariantCulture);
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM kpi WHERE org_unit_id = $1", long.Parse(unit, CultureInfo.InvariantCulture));

        var created = (await GraphQLAsync("""mutation($u: ID!) { createKpi(input: { unit: $u, metric: "abandonment", weight: 0.5 }) { unit { code } metric { code } } }""", new { u = unit }))
            .Data().GetProperty("createKpi");

        Assert.Equal(("DEP-RETAIL-LOYALTY", "abandonment"), (created.GetProperty("unit").GetProperty("code").GetString(), created.GetProperty("metric").GetProperty("code").GetString()));
        Assert.Equal(before + 1, await App.ScalarAsync<long>("SELECT count(*) FROM kpi WHERE org_unit_id = $1", long.Parse(unit, CultureInfo.InvariantCulture)));
    }
}
