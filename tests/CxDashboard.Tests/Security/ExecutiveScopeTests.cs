using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Security;

/// <summary>
/// An executive-role token scoped to the Retail division against the Care division beside it (the demo
/// executive sees the whole company, which has no sibling: the last test checks that it reaches all of it).
/// </summary>
[Collection(ScopeApp.Collection.Name)]
public sealed class ExecutiveScopeTests(ScopeApp app) : PersonaScopeTests(app)
{
    protected override string Persona => "retail_executive";
    protected override string Own => "DIV-RETAIL";
    protected override string Sibling => "DIV-CARE";
    protected override string SiblingKpiUnit => "DIV-CARE";
    protected override string[] ScopeUnits => ["DIV-RETAIL"];
    protected override string AdminRefusal => "FORBIDDEN";
    protected override string CheckinRefusal => "FORBIDDEN";

    [Fact]
    public async Task The_company_executive_reaches_every_unit_through_nested_children()
    {
        var body = await App.GraphQLAsync("executive", "{ units { code children { code children { code children { code } } } } }");

        var count = 0;
        void Walk(System.Text.Json.JsonElement units)
        {
            foreach (var u in units.EnumerateArray())
            {
                count++;
                if (u.TryGetProperty("children", out var kids)) Walk(kids);
            }
        }
        Walk(body.Data().GetProperty("units"));
        Assert.Equal(await App.ScalarAsync<long>("SELECT count(*) FROM org_unit"), count);
    }
}
