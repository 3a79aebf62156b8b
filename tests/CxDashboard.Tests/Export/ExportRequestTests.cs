using System.Net;
using System.Text.Json;

namespace CxDashboard.Tests.Export;

/// <summary>Refused exports: RFC 9457 problem details with the right status and never a file; every export is audited.</summary>
[Collection(ExportApp.Collection.Name)]
public sealed class ExportRequestTests(ExportApp app)
{
    [Theory]
    [InlineData("viewer", "/export/monthly-review.xlsx?unit=CO&month=2026-10", 403)]
    [InlineData("executive", "/export/monthly-review.xlsx?unit=NOPE&month=2026-10", 404)]
    [InlineData("department_head", "/export/monthly-review.xlsx?unit=CO&month=2026-10", 404)]
    [InlineData("executive", "/export/monthly-review.xlsx?unit=CO&month=2027-03", 422)]
    [InlineData("executive", "/export/monthly-review.xlsx?unit=CO&month=2026-12", 409)]
    [InlineData("executive", "/export/monthly-review.xlsx?unit=CO&month=2026-13", 400)]
    [InlineData("executive", "/export/monthly-review.xlsx?unit=CO", 400)]
    [InlineData("executive", "/export/monthly-review.xlsx?unit=CO&month=2026-10&locale=fr", 400)]
    [InlineData("analyst", "/export/responses.csv?unit=CO&from=2025-01-01&to=2026-10-31", 400)]
    [InlineData("analyst", "/export/responses.xlsx?unit=CO&from=2026-10-31&to=2026-10-01", 400)]
    [InlineData("analyst", "/export/interactions.csv?unit=CO&from=2026-10-01", 400)]
    [InlineData("partner_manager", "/export/interactions.xlsx?unit=ENG-PRT-ACME-CARE-CONTACT&from=2026-10-01&to=2026-10-31", 403)]
    [InlineData("department_head", "/export/responses.csv?unit=DIV-CARE&from=2026-10-01&to=2026-10-31", 404)]
    [InlineData("viewer", "/api/exports", 403)]
    public async Task Bad_export_requests_get_problem_details_with_their_status_and_no_file(string persona, string url, int status)
    {
        using var response = await app.GetAsync(persona, url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Without_a_token_the_export_is_401()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/export/monthly-review.xlsx?unit=CO&month=2026-10");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_month_with_days_waiting_for_the_rollup_is_409_until_the_refresh()
    {
        var unit = await app.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = 'TEAM-RETAIL-STORES-NORTH'");
        await app.ExecuteAsync("INSERT INTO dirty_day (org_unit_id, day, fact, marked_at) VALUES ($1, '2026-09-14', 'response', now())", unit);
        try
        {
            using var waiting = await app.GetAsync("executive", "/export/monthly-review.xlsx?unit=CO&month=2026-09");
            Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        }
        finally
        {
            await app.ExecuteAsync("DELETE FROM dirty_day WHERE org_unit_id = $1", unit);
        }
        using var ready = await app.GetAsync("executive", "/export/monthly-review.xlsx?unit=CO&month=2026-09");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Every_export_and_refusal_is_in_the_audit_table_with_caller_scope_and_rows()
    {
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM export_audit");
        using (var ok = await app.GetAsync("department_head", $"/export/monthly-review.xlsx?unit={ExportApp.DeptUnit}&month=2026-10")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var no = await app.GetAsync("department_head", "/export/monthly-review.xlsx?unit=CO&month=2026-10")) Assert.Equal(HttpStatusCode.NotFound, no.StatusCode);
        using (var raw = await app.GetAsync("analyst", "/export/responses.csv?unit=DEP-CARE-BILLING&from=2026-10-01&to=2026-10-31"))
        {
            Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
            await raw.Content.ReadAsByteArrayAsync();
        }
        var rows = await app.RowsAsync("SELECT subject, kind, format, unit_code, parameters, scope, rows, outcome FROM export_audit ORDER BY id DESC LIMIT 3");
        Assert.Equal(before + 3, await app.ScalarAsync<long>("SELECT count(*) FROM export_audit"));
        var rawRow = rows[0];
        Assert.Equal(("demo:analyst", "responses", "csv", "DEP-CARE-BILLING", "succeeded"), ((string)rawRow[0]!, (string)rawRow[1]!, (string)rawRow[2]!, (string)rawRow[3]!, (string)rawRow[7]!));
        var expectedRows = await app.ScalarAsync<long>("""
            SELECT count(*) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id JOIN org_unit a ON a.id = c.ancestor_id
            WHERE a.code = 'DEP-CARE-BILLING' AND r.responded_at >= '2026-10-01T00:00:00Z' AND r.responded_at < '2026-11-01T00:00:00Z'
            """);
        Assert.Equal(expectedRows, (long)rawRow[6]!);
        Assert.Equal(("demo:department_head", "monthly-review", "CO", "refused"), ((string)rows[1][0]!, (string)rows[1][1]!, (string)rows[1][3]!, (string)rows[1][7]!));
        Assert.Equal(("demo:department_head", "monthly-review", ExportApp.DeptUnit, "succeeded"), ((string)rows[2][0]!, (string)rows[2][1]!, (string)rows[2][3]!, (string)rows[2][7]!));
        Assert.True((long)rows[2][6]! > 10);
        var deptUnits = await app.ScalarAsync<long>("SELECT count(*) FROM org_unit_closure c JOIN org_unit r ON r.id = c.ancestor_id WHERE r.code = $1", ExportApp.DeptUnit);
        Assert.EndsWith($"({deptUnits} units)", (string)rows[2][5]!);
    }
}
