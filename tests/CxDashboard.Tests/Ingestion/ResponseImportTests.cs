using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

public sealed class ResponseImportTests(CxApp app) : IClassFixture<CxApp>
{
    private const string Header = "external_id,responded_at,unit_code,channel,journey_stage,segment,touchpoint,nps,csat,ces,comment,interaction_external_id";

    private async Task<string> TeamAsync()
    {
        var p = ImportClient.NewPrefix();
        var org = $"code,name,kind,parent_code\nCO,Company,company,\n{p}CO,Co,division,CO\n{p}TEAM,Team,team,{p}CO\n";
        var response = await app.CreateClient("analyst").PostAsync("org-units", "org.csv", org);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return p + "TEAM";
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Good_file_is_imported_with_every_value_intact()
    {
        var team = await TeamAsync();
        var csv = $"""
            {Header}
            {team}-r1,2026-03-01T14:05:00Z,{team},chat,service,consumer,billing,9,5,6,"Quick, friendly help",I-1
            {team}-r2,2026-03-02T08:00:00+02:00,{team},phone,renewal,enterprise,,3,2,,,
            """;

        var response = await app.CreateClient("analyst").PostAsync("responses", "march.csv", csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonAsync(response);
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        var rows = await app.RowsAsync("""
            SELECT r.external_id, r.responded_at, r.channel, r.journey_stage, r.segment, r.touchpoint, r.nps, r.csat, r.ces, r.comment, r.interaction_external_id
            FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id WHERE u.code = $1 ORDER BY r.external_id
            """, team);
        Assert.Equal(2, rows.Count);
        Assert.Equal([$"{team}-r1", new DateTime(2026, 3, 1, 14, 5, 0, DateTimeKind.Utc), "chat", "service", "consumer", "billing", (short)9, (short)5, (short)6, "Quick, friendly help", "I-1"], rows[0]);
        Assert.Equal(new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc), rows[1][1]); // +02:00 normalised to UTC
        Assert.Null(rows[1][5]); // empty touchpoint is null, not ""
        Assert.Equal((short)3, rows[1][6]);
        Assert.Equal((short)2, rows[1][7]);
        Assert.Null(rows[1][8]);
    }

    [Fact]
    public async Task Bad_file_writes_nothing_and_reports_every_error_with_line_and_column()
    {
        var team = await TeamAsync();
        var csv = $"""
            {Header}
            {team}-ok,2026-03-01T10:00:00Z,{team},chat,service,consumer,,9,,,,
            {team}-b1,2026-03-01T10:00:00Z,NO-SUCH-UNIT,chat,service,consumer,,9,,,,
            {team}-b2,03/01/2026,{team},fax,service,consumer,,11,,,,
            {team}-ok,2026-03-01T10:00:00Z,{team},chat,service,consumer,,8,,,,
            {team}-b3,2026-03-01T10:00:00Z,{team},chat,service,consumer,,,,,,
            """;

        var response = await app.CreateClient("analyst").PostAsync("responses", "bad.csv", csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").ValueKind == JsonValueKind.Null ? 0 : e.GetProperty("column").GetInt32(),
                          Reason: e.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e is { Line: 3, Column: 3 } && e.Reason.Contains("unknown unit code 'NO-SUCH-UNIT'"));
        Assert.Contains(errors, e => e is { Line: 4, Column: 2 } && e.Reason.Contains("ISO 8601"));
        Assert.Contains(errors, e => e is { Line: 4, Column: 4 } && e.Reason.Contains("'fax'"));
        Assert.Contains(errors, e => e is { Line: 4, Column: 8 } && e.Reason.Contains("out of range 0–10"));
        // A duplicate id names both of its lines.
        Assert.Contains(errors, e => e is { Line: 5, Column: 1 } && e.Reason.Contains("first on line 2"));
        Assert.Contains(errors, e => e is { Line: 2, Column: 1 } && e.Reason.Contains("again on line 5"));
        Assert.Contains(errors, e => e.Line == 6 && e.Reason.Contains("at least one score"));
        Assert.Equal(7, errors.Count);
        Assert.Equal(errors.OrderBy(e => e.Line).ThenBy(e => e.Column), errors);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1 || '%'", team));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM dirty_day d JOIN org_unit u ON u.id = d.org_unit_id WHERE u.code = $1", team));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response_change c JOIN org_unit u ON u.id = c.org_unit_id WHERE u.code = $1", team));
    }

    [Fact]
    public async Task Missing_required_column_is_reported_once_on_line_1()
    {
        var response = await app.CreateClient("analyst").PostAsync("responses", "nocol.csv", "external_id,unit_code,channel\nx,y,chat\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(1, e.GetProperty("line").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("reason").GetString() == "missing required column 'responded_at'");
        Assert.Contains(errors, e => e.GetProperty("reason").GetString() == "missing required column 'segment'");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        var team = await TeamAsync();
        var csv = $"{Header}\n{team}-a,2026-02-10T10:00:00Z,{team},email,usage,consumer,,7,4,,,\n{team}-b,2026-02-11T10:00:00Z,{team},email,usage,consumer,,10,5,,,\n";
        var client = app.CreateClient("analyst");
        await client.PostAsync("responses", "feb.csv", csv);
        const string Logged = "SELECT c.change_id, c.sign, c.external_id, c.nps FROM survey_response_change c JOIN org_unit u ON u.id = c.org_unit_id WHERE u.code = $1 ORDER BY 1";
        var before = await app.RowsAsync(Logged, team);
        var idsBefore = await app.RowsAsync("SELECT id FROM survey_response WHERE external_id LIKE $1 || '%' ORDER BY 1", team);

        var again = await JsonAsync(await client.PostAsync("responses", "feb.csv", csv));

        Assert.Equal(0, again.GetProperty("inserted").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(idsBefore, await app.RowsAsync("SELECT id FROM survey_response WHERE external_id LIKE $1 || '%' ORDER BY 1", team));
        // Nothing more for the rollup refresh: the first import's two rows are logged once.
        Assert.Equal(2, before.Count);
        Assert.Equal(before, await app.RowsAsync(Logged, team));
    }

    [Fact]
    public async Task A_row_with_a_known_external_id_updates_in_place_even_across_months()
    {
        var team = await TeamAsync();
        var client = app.CreateClient("analyst");
        await client.PostAsync("responses", "v1.csv", $"{Header}\n{team}-u,2026-01-31T23:00:00Z,{team},chat,service,consumer,,6,,,,\n");

        var report = await JsonAsync(await client.PostAsync("responses", "v2.csv", $"{Header}\n{team}-u,2026-02-01T09:00:00Z,{team},chat,service,consumer,,10,,,,\n"));

        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        var rows = await app.RowsAsync("SELECT nps, tableoid::regclass::text FROM survey_response WHERE external_id = $1", team + "-u");
        Assert.Equal([(short)10, "survey_response_y2026m02"], Assert.Single(rows));
        // The change log holds v1 (+1), then v1 again to take out of its old day (-1) and v2 (+1) for its new day.
        var logged = (await app.RowsAsync("""
            SELECT c.sign, (c.responded_at AT TIME ZONE 'UTC')::date, c.nps FROM survey_response_change c JOIN org_unit u ON u.id = c.org_unit_id
            WHERE u.code = $1 ORDER BY c.change_id
            """, team)).Select(r => ((short)r[0]!, (DateOnly)r[1]!, (short)r[2]!)).ToArray();
        Assert.Equal([(1, new DateOnly(2026, 1, 31), 6), (-1, new DateOnly(2026, 1, 31), 6), (1, new DateOnly(2026, 2, 1), 10)], logged);
    }

    [Fact]
    public async Task Quarantine_imports_the_good_rows_and_returns_the_rejected_ones_with_reasons()
    {
        var team = await TeamAsync();
        var csv = $"{Header}\n{team}-g1,2026-03-01T10:00:00Z,{team},app,usage,premium,,9,,,,\n{team}-x,2026-03-01T10:00:00Z,{team},app,usage,premium,,42,,,,\n{team}-g2,2026-03-02T10:00:00Z,{team},app,usage,premium,,,4,,,\n";

        var response = await app.CreateClient("analyst").PostAsync("responses", "q.csv", csv, "?mode=quarantine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonAsync(response);
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
        var rejected = Assert.Single(report.GetProperty("rejectedRows").EnumerateArray().ToList());
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        Assert.Contains("42 is out of range 0–10", rejected.GetProperty("reasons")[0].GetString());
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1 || '%'", team));
    }

    [Fact]
    public async Task Late_rows_for_an_already_loaded_month_are_accepted_and_their_days_marked()
    {
        var team = await TeamAsync();
        var client = app.CreateClient("analyst");
        await client.PostAsync("responses", "jan.csv", $"{Header}\n{team}-j1,2025-01-10T10:00:00Z,{team},store,purchase,consumer,,8,,,,\n");
        await app.ExecuteAsync("DELETE FROM survey_response_change WHERE org_unit_id = (SELECT id FROM org_unit WHERE code = $1)", team); // as if rolled up

        var report = await JsonAsync(await client.PostAsync("responses", "late.csv", $"{Header}\n{team}-j2,2025-01-20T10:00:00Z,{team},store,purchase,consumer,,2,,,,\n"));

        Assert.Equal(1, report.GetProperty("late").GetInt32());
        Assert.Equal(new DateOnly(2025, 1, 20), await app.ScalarAsync<DateOnly>(
            "SELECT (c.responded_at AT TIME ZONE 'UTC')::date FROM survey_response_change c JOIN org_unit u ON u.id = c.org_unit_id WHERE u.code = $1 AND c.sign = 1", team));
        Assert.Equal(2L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response_y2025m01 WHERE external_id LIKE $1 || '%'", team));
    }

    [Fact]
    public async Task Import_needs_an_analyst()
    {
        var anonymous = await app.CreateClient().PostAsync("responses", "a.csv", Header + "\n");
        var executive = await app.CreateClient("executive").PostAsync("responses", "a.csv", Header + "\n");
        var unknownKind = await app.CreateClient("analyst").PostAsync("widgets", "a.csv", Header + "\n");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, executive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.Equal("application/problem+json", unknownKind.Content.Headers.ContentType?.MediaType);
    }
}
