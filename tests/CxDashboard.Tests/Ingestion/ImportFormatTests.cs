using System.Net;
using System.Text;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

/// <summary>Column order, timestamp forms, JSON-lines quarantine and concurrent imports.</summary>
public sealed class ImportFormatTests(CxApp app) : IClassFixture<CxApp>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private async Task<string> TeamAsync()
    {
        var p = ImportClient.NewPrefix();
        var response = await app.CreateClient("analyst").PostAsync("org-units", "org.csv", $"code,name,kind,parent_code\nCO,Company,company,\n{p}CO,Co,division,CO\n{p}TEAM,Team,team,{p}CO\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return p + "TEAM";
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_every_timestamp_form_means_what_postgresql_says()
    {
        var team = await TeamAsync();
        string[] stamps =
        [
            "2026-03-01T14:05:00Z", "2026-03-01T14:05:00.5Z", "2026-03-01 14:05:00+02:00", "2026-03-01T14:05:00.123456-05:30",
            "2026-03-01T14:05+01:00", "2026-02-28T23:59:59.999999+14:00", "2026-03-01T00:00:00-12:00", "2024-02-29T12:00:00Z",
        ];
        var csv = new StringBuilder("csat,segment,unit_code,external_id,journey_stage,channel,responded_at\n");
        for (var i = 0; i < stamps.Length; i++) csv.Append($"4,consumer,{team},{team}-t{i},usage,app,{stamps[i]}\n");

        var response = await app.CreateClient("analyst").PostAsync("responses", "order.csv", csv.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        for (var i = 0; i < stamps.Length; i++)
        {
            // PostgreSQL's own timestamptz parser is the independent reading of each string.
            var row = Assert.Single(await app.RowsAsync(
                "SELECT responded_at = $2::text::timestamptz, csat, channel, segment FROM survey_response WHERE external_id = $1", $"{team}-t{i}", stamps[i]));
            Assert.Equal([true, (short)4, "app", "consumer"], row);
        }
    }

    [Fact]
    public async Task Impossible_or_zoneless_timestamps_are_reported_at_their_column()
    {
        var team = await TeamAsync();
        string[] bad = ["2026-02-30T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:00:00", "01/03/2026 10:00 +00:00", "2026-03-01T10:00:00.12345678Z"];
        var csv = new StringBuilder("csat,segment,unit_code,external_id,journey_stage,channel,responded_at\n");
        for (var i = 0; i < bad.Length; i++) csv.Append($"4,consumer,{team},{team}-b{i},usage,app,{bad[i]}\n");

        var response = await app.CreateClient("analyst").PostAsync("responses", "bad-times.csv", csv.ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(2, bad.Length), errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.All(errors, e =>
        {
            Assert.Equal(7, e.GetProperty("column").GetInt32());
            Assert.Equal("responded_at", e.GetProperty("field").GetString());
        });
        // A well-formed timestamp whose day or time does not exist says so; the others are not ISO 8601 with an offset.
        var reasons = errors.Select(e => e.GetProperty("reason").GetString()!).ToList();
        Assert.Equal("'2026-02-30T10:00:00Z': the day 2026-02-30 does not exist (February 2026 has 28 days)", reasons[0]);
        Assert.Contains("the time 24:00:00 does not exist", reasons[1]);
        Assert.All(reasons.Skip(2), r => Assert.Contains("not an ISO 8601 timestamp with offset", r));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1 || '%'", team));
    }

    [Fact]
    public async Task Json_lines_duplicate_ids_name_both_lines_and_quarantine_keeps_the_first()
    {
        var team = await TeamAsync();
        string Line(string id, string scores) =>
            $$"""{"external_id":"{{team}}-{{id}}","responded_at":"2026-04-03T10:00:00Z","unit_code":"{{team}}","channel":"chat","journey_stage":"service","segment":"consumer",{{scores}}}""";
        string[] lines = [Line("r1", "\"nps\":9"), Line("r2", "\"nps\":12"), Line("r1", "\"nps\":3"), Line("r3", "\"csat\":4")];
        var jsonl = string.Join('\n', lines) + "\n";
        var idColumn = lines[0].IndexOf($"\"{team}-r1\"", StringComparison.Ordinal) + 1; // 1-based position of the value

        var strict = await app.CreateClient("analyst").PostAsync("responses", "dups.jsonl", jsonl);
        var quarantined = await app.CreateClient("analyst").PostAsync("responses", "dups.jsonl", jsonl, "?mode=quarantine");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict.StatusCode);
        var errors = (await JsonAsync(strict)).GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetInt32(), Field: e.GetProperty("field").GetString()))
            .ToList();
        (int, int, string?)[] expected = [(1, idColumn, "external_id"), (2, lines[1].IndexOf("12", StringComparison.Ordinal) + 1, "nps"), (3, idColumn, "external_id")];
        Assert.Equal(expected, errors);

        Assert.Equal(HttpStatusCode.OK, quarantined.StatusCode);
        var report = await JsonAsync(quarantined);
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        var rejected = report.GetProperty("rejectedRows").EnumerateArray().ToList();
        Assert.Equal([2, 3], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains("first on line 1, which is kept", rejected[1].GetProperty("reasons")[0].GetString());
        Assert.Equal(lines[2], rejected[1].GetProperty("text").GetString());
        var stored = await app.RowsAsync("SELECT external_id, nps, csat FROM survey_response WHERE external_id LIKE $1 || '%' ORDER BY 1", team);
        Assert.Equal(2, stored.Count);
        Assert.Equal([$"{team}-r1", (short)9, null], stored[0]);
        Assert.Equal([$"{team}-r3", null, (short)4], stored[1]);
    }

    [Fact]
    public async Task Two_imports_of_the_same_new_file_at_once_store_each_row_once()
    {
        var team = await TeamAsync();
        var csv = new StringBuilder("external_id,responded_at,unit_code,channel,journey_stage,segment,nps\n");
        for (var i = 0; i < 3000; i++) csv.Append($"{team}-c{i},2026-05-{1 + i % 28:00}T08:00:00Z,{team},email,renewal,enterprise,{i % 11}\n");
        var text = csv.ToString();

        var both = await Task.WhenAll(
            app.CreateClient("analyst").PostAsync("responses", "same.csv", text),
            app.CreateClient("analyst").PostAsync("responses", "same.csv", text));

        var reports = await Task.WhenAll(both.Select(JsonAsync));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3000, reports.Sum(r => r.GetProperty("inserted").GetInt32()));
        Assert.Equal(3000, reports.Sum(r => r.GetProperty("unchanged").GetInt32()));
        var counts = Assert.Single(await app.RowsAsync(
            "SELECT count(*), count(DISTINCT external_id) FROM survey_response WHERE external_id LIKE $1 || '-c%'", team));
        Assert.Equal([3000L, 3000L], counts);
    }
}
