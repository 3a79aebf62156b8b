using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Scorecards;

namespace CxDashboard.Tests.Ingestion;

/// <summary>
/// Each problem of a refused import carries, next to its English reason, a stable code and the values it names
/// (<c>{line, column, field, reason, code, params}</c>), so the web can say it in its reader's language; a row left out in
/// quarantine carries the same problems. Checked over HTTP on PostgreSQL against the file as written by hand (NPS is
/// asked on 0–10), with the table read back by plain SQL.
/// </summary>
public sealed class ImportProblemCodeTests(CxApp app) : IClassFixture<CxApp>
{
    private const string Header = "external_id,responded_at,unit_code,channel,journey_stage,segment,touchpoint,nps,csat,ces,comment,interaction_external_id";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private Task<long> CountAsync(string prefix) => app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1", prefix + "%");

    private static string Params(JsonElement problem) =>
        string.Join(",", problem.GetProperty("params").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));

    [Fact]
    public async Task A_bad_score_cell_comes_back_with_line_column_code_and_params_and_nothing_is_written()
    {
        var f = new FactsBuilder(app, "ipc1").Unit("C", "company").Unit("T", "team", "C");
        await f.BuildAsync();
        var p = ImportClient.NewPrefix();
        // line 3 holds nps 11 in column 8 (the 8th header name); line 4 a channel that is none of the product's.
        var csv = $"""
            {Header}
            {p}a,2026-03-01T14:05:00Z,{f.Code("T")},chat,service,consumer,,9,5,6,,
            {p}b,2026-03-01T14:06:00Z,{f.Code("T")},chat,service,consumer,,11,5,6,,
            {p}c,2026-03-01T14:07:00Z,{f.Code("T")},fax,service,consumer,,7,5,6,,
            """;

        var refused = await app.CreateClient("analyst").PostAsync("responses", "scores.csv", csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors").EnumerateArray().OrderBy(e => e.GetProperty("line").GetInt32()).ToList();
        Assert.Equal(2, errors.Count);

        var score = errors[0];
        Assert.Equal((3, 8, "nps"), (score.GetProperty("line").GetInt32(), score.GetProperty("column").GetInt32(), score.GetProperty("field").GetString()));
        Assert.Equal("OUT_OF_RANGE", score.GetProperty("code").GetString());
        Assert.Equal("max=10,min=0,value=11", Params(score));
        Assert.Equal("11 is out of range 0–10", score.GetProperty("reason").GetString());

        var channel = errors[1];
        Assert.Equal((4, 4, "channel"), (channel.GetProperty("line").GetInt32(), channel.GetProperty("column").GetInt32(), channel.GetProperty("field").GetString()));
        Assert.Equal("NOT_ONE_OF", channel.GetProperty("code").GetString());
        Assert.Equal("fax", channel.GetProperty("params").GetProperty("value").GetString());
        Assert.Equal(["phone", "ivr", "chat", "email", "app", "store", "social"],
            channel.GetProperty("params").GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(0, await CountAsync(p));

        // Quarantine: the good row is loaded, and each row left out carries its coded problems next to its English reasons.
        var quarantined = await app.CreateClient("analyst").PostAsync("responses", "scores.csv", csv, "?mode=quarantine");
        Assert.Equal(HttpStatusCode.OK, quarantined.StatusCode);
        var rows = (await JsonAsync(quarantined)).GetProperty("rejectedRows").EnumerateArray().ToList();
        Assert.Equal([3, 4], rows.Select(r => r.GetProperty("line").GetInt32()));
        var problem = Assert.Single(rows[0].GetProperty("problems").EnumerateArray());
        Assert.Equal(("OUT_OF_RANGE", "max=10,min=0,value=11", 8), (problem.GetProperty("code").GetString(), Params(problem), problem.GetProperty("column").GetInt32()));
        Assert.Equal("column 8 (nps): 11 is out of range 0–10", Assert.Single(rows[0].GetProperty("reasons").EnumerateArray()).GetString());
        Assert.Equal(1, await CountAsync(p));
        Assert.Equal(9, await app.ScalarAsync<int>("SELECT nps FROM survey_response WHERE external_id = $1", p + "a"));
    }

    [Fact]
    public async Task A_missing_column_is_a_file_problem_with_its_code_and_the_column_named()
    {
        var p = ImportClient.NewPrefix();
        var refused = await app.CreateClient("analyst").PostAsync("responses", "cols.csv",
            $"external_id,unit_code,channel,journey_stage,segment,nps\n{p}a,X,chat,service,consumer,9\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single((await JsonAsync(refused)).GetProperty("errors").EnumerateArray());
        Assert.Equal(("MISSING_COLUMN", "column=responded_at", 1), (error.GetProperty("code").GetString(), Params(error), error.GetProperty("line").GetInt32()));
        Assert.Equal(0, await CountAsync(p));
    }
}
