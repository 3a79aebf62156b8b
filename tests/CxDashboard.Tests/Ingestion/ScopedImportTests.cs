using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Security;

namespace CxDashboard.Tests.Ingestion;

/// <summary>An analyst whose token covers the Retail division imports through POST /api/import: inside Retail only.</summary>
public sealed class ScopedImportTests(FloorApp app) : IClassFixture<FloorApp>
{
    private const string Analyst = "retail_analyst";
    private const string Header = "external_id,responded_at,unit_code,channel,journey_stage,segment,touchpoint,nps,csat,ces,comment,interaction_external_id";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private Task<long> CountAsync(string prefix) => app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1", prefix + "%");

    [Fact]
    public async Task Facts_for_a_unit_outside_the_division_are_refused_row_by_row()
    {
        var p = ImportClient.NewPrefix();
        var csv = $"""
            {Header}
            {p}in,2026-03-01T14:05:00Z,TEAM-RETAIL-STORES-NORTH,chat,service,consumer,,9,5,6,,
            {p}out,2026-03-01T14:06:00Z,TEAM-DIGITAL-APP-WEST,chat,service,consumer,,2,1,1,,
            """;

        var strict = await app.CreateClient(Analyst).PostAsync("responses", "mixed.csv", csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict.StatusCode);
        var error = Assert.Single((await JsonAsync(strict)).GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("unit_code", error.GetProperty("field").GetString());
        Assert.Contains("TEAM-DIGITAL-APP-WEST' is outside your scope", error.GetProperty("reason").GetString());
        Assert.Equal(0, await CountAsync(p));

        var quarantined = await app.CreateClient(Analyst).PostAsync("responses", "mixed.csv", csv, "?mode=quarantine");
        Assert.Equal(HttpStatusCode.OK, quarantined.StatusCode);
        Assert.Equal(1, await CountAsync(p));
        Assert.Equal("TEAM-RETAIL-STORES-NORTH", await app.ScalarAsync<string>(
            "SELECT u.code FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id WHERE r.external_id = $1", p + "in"));

        // the same file from an org-wide analyst goes through whole
        var org = await app.CreateClient("analyst").PostAsync("responses", "mixed.csv", csv.Replace(p, p + "X"));
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        Assert.Equal(2, await CountAsync(p + "X"));
    }

    [Fact]
    public async Task Org_units_outside_the_division_are_refused_and_nothing_moves_out_of_it()
    {
        var p = ImportClient.NewPrefix();
        var csv = $"""
            code,name,kind,parent_code
            {p}RETAIL-NEW,New Retail team,team,DEP-RETAIL-STORES
            {p}UNDER-NEW,Under the new team,team,{p}RETAIL-NEW
            {p}DIGITAL-NEW,New Digital team,team,DEP-DIGITAL-APP
            {p}UNDER-DIGITAL,Under the Digital team,team,{p}DIGITAL-NEW
            TEAM-DIGITAL-APP-WEST,Renamed from Retail,team,DEP-DIGITAL-APP
            TEAM-RETAIL-STORES-SOUTH,Moved out of Retail,team,DEP-DIGITAL-APP
            DIV-RETAIL,Retail moved under Digital,division,DIV-DIGITAL
            """;

        var strict = await app.CreateClient(Analyst).PostAsync("org-units", "org.csv", csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict.StatusCode);
        var refused = (await JsonAsync(strict)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Order().ToArray();
        Assert.Equal([4, 5, 6, 7, 8], refused);
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM org_unit WHERE code LIKE $1", p + "%"));

        var quarantined = await app.CreateClient(Analyst).PostAsync("org-units", "org.csv", csv, "?mode=quarantine");
        Assert.Equal(HttpStatusCode.OK, quarantined.StatusCode);
        var created = (await app.RowsAsync("""
            SELECT u.code, p.code FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code LIKE $1 ORDER BY u.code
            """, p + "%")).Select(r => $"{r[0]}<{r[1]}").ToArray();
        Assert.Equal([$"{p}RETAIL-NEW<DEP-RETAIL-STORES", $"{p}UNDER-NEW<{p}RETAIL-NEW"], created);
        Assert.Equal("DEP-RETAIL-STORES", await app.ScalarAsync<string>(
            "SELECT p.code FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code = 'TEAM-RETAIL-STORES-SOUTH'"));
        Assert.Equal("CO", await app.ScalarAsync<string>("SELECT p.code FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code = 'DIV-RETAIL'"));
        Assert.NotEqual("Renamed from Retail", await app.ScalarAsync<string>("SELECT name FROM org_unit WHERE code = 'TEAM-DIGITAL-APP-WEST'"));
    }
}
