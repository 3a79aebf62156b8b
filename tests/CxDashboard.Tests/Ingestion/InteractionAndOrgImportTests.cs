using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

public sealed class InteractionAndOrgImportTests(CxApp app) : IClassFixture<CxApp>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private async Task<string> OrgAsync(string p)
    {
        var org = $"""
            code,name,kind,parent_code,partner_code,partner_name
            CO,Company,company,,,
            {p}CO,Co,division,CO,,
            {p}A,Division A,division,{p}CO,,
            {p}B,Division B,division,{p}CO,,
            {p}A1,Dept A1,department,{p}A,,
            {p}A1T,Team A1,team,{p}A1,,
            {p}ENG,Courier on A1,partner,{p}A1,{p}PRT,Courier Ltd
            """;
        var response = await app.CreateClient("analyst").PostAsync("org-units", "org.csv", org);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return p;
    }

    [Fact]
    public async Task Json_lines_interactions_are_imported_with_typed_values()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());
        var jsonl = $$"""
            {"external_id":"{{p}}i1","customer_key":"c1","opened_at":"2026-04-01T09:00:00Z","first_response_at":"2026-04-01T09:00:45Z","closed_at":"2026-04-01T09:08:00Z","unit_code":"{{p}}ENG","channel":"phone","journey_stage":"service","segment":"consumer","handle_seconds":435,"resolved_first_contact":true,"transfers":1,"repeat_within_7d":false,"sla_target_seconds":60}
            {"external_id":"{{p}}i2","customer_key":"c2","opened_at":"2026-04-02T09:00:00Z","unit_code":"{{p}}A1T","channel":"app","journey_stage":"usage","segment":"premium","contained_in_self_service":true}
            """;

        var response = await app.CreateClient("analyst").PostAsync("interactions", "april.jsonl", jsonl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await app.RowsAsync("""
            SELECT handle_seconds, resolved_first_contact, transfers, repeat_within_7d, sla_target_seconds, abandoned, first_response_at - opened_at
            FROM interaction WHERE external_id = $1
            """, p + "i1"));
        Assert.Equal([435, true, (short)1, false, 60, false, TimeSpan.FromSeconds(45)], row);
        Assert.True(await app.ScalarAsync<bool>("SELECT contained_in_self_service FROM interaction WHERE external_id = $1", p + "i2"));
    }

    [Fact]
    public async Task Malformed_json_line_is_reported_with_its_line_and_column()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());
        var jsonl = $$"""
            {"external_id":"{{p}}i1","customer_key":"c1","opened_at":"2026-04-01T09:00:00Z","unit_code":"{{p}}A1T","channel":"chat","journey_stage":"service","segment":"consumer"}
            {"external_id":"{{p}}i2","customer_key":"c1","opened_at": oops}
            {"external_id":"{{p}}i3","customer_key":"c1","opened_at":"2026-04-01T09:00:00Z","closed_at":"2026-03-01T09:00:00Z","unit_code":"{{p}}A1T","channel":"chat","journey_stage":"service","segment":"consumer","colour":"red"}
            """;

        var response = await app.CreateClient("analyst").PostAsync("interactions", "bad.jsonl", jsonl);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray().ToList();
        var malformed = Assert.Single(errors, e => e.GetProperty("line").GetInt32() == 2);
        Assert.Contains("malformed JSON", malformed.GetProperty("reason").GetString());
        Assert.True(malformed.GetProperty("column").GetInt32() > 30);
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("field").GetString() == "closed_at");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("field").GetString() == "colour");
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM interaction WHERE external_id LIKE $1 || '%'", p));
    }

    [Fact]
    public async Task Org_import_resolves_parents_in_any_order_and_builds_the_closure()
    {
        var p = ImportClient.NewPrefix();
        // Children first: parents may come later in the file.
        // One root: the company is imported first, this file hangs below it.
        await app.CreateClient("analyst").PostAsync("org-units", "root.csv", "code,name,kind\nCO,Company,company\n");
        var org = $"code,name,kind,parent_code\n{p}T,Team,team,{p}D\n{p}D,Dept,department,{p}C\n{p}C,Division,division,CO\n";

        var report = await JsonAsync(await app.CreateClient("analyst").PostAsync("org-units", "org.csv", org));

        Assert.Equal(3, report.GetProperty("inserted").GetInt32());
        Assert.Equal(3, await app.ScalarAsync<int>("""
            SELECT c.depth FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id JOIN org_unit d ON d.id = c.descendant_id
            WHERE a.code = $1 AND d.code = $2
            """, p + "C", p + "T") + 1);
    }

    [Fact]
    public async Task Moving_a_unit_by_reimport_updates_the_closure()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());

        var report = await JsonAsync(await app.CreateClient("analyst").PostAsync("org-units", "move.csv", $"code,name,kind,parent_code\n{p}A1,Dept A1,department,{p}B\n"));

        Assert.Equal(1, report.GetProperty("moved").GetInt32());
        var ancestors = (await app.RowsAsync("""
            SELECT a.code FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id JOIN org_unit d ON d.id = c.descendant_id
            WHERE d.code = $1 ORDER BY c.depth
            """, p + "A1T")).Select(r => (string)r[0]!).ToArray();
        Assert.Equal([p + "A1T", p + "A1", p + "B", p + "CO", "CO"], ancestors);
    }

    [Fact]
    public async Task A_file_that_would_make_a_cycle_changes_nothing()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());

        var response = await app.CreateClient("analyst").PostAsync("org-units", "cycle.csv", $"code,name,kind,parent_code\n{p}A,Division A,division,{p}A1T\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Contains("cycle", error.GetProperty("reason").GetString());
        Assert.Equal(p + "CO", await app.ScalarAsync<string>("SELECT p.code FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code = $1", p + "A"));
    }

    [Fact]
    public async Task Unknown_parent_and_missing_partner_are_reported_per_line()
    {
        var p = ImportClient.NewPrefix();
        var org = $"code,name,kind,parent_code,partner_code\n{p}X,X,team,{p}NOWHERE,\n{p}E,E,partner,,\n";

        var errors = (await JsonAsync(await app.CreateClient("analyst").PostAsync("org-units", "o.csv", org))).GetProperty("errors").EnumerateArray().ToList();

        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 2 && e.GetProperty("column").GetInt32() == 4 && e.GetProperty("reason").GetString()!.Contains("unknown parent"));
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("field").GetString() == "partner_code");
    }

    [Fact]
    public async Task Cli_verb_imports_a_file_and_exits_1_on_a_bad_one_writing_nothing()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());
        var dir = Directory.CreateTempSubdirectory("cx-import-");
        var good = Path.Combine(dir.FullName, "good.csv");
        var bad = Path.Combine(dir.FullName, "bad.csv");
        var rejects = Path.Combine(dir.FullName, "rejects.csv");
        await File.WriteAllTextAsync(good, $"external_id,responded_at,unit_code,channel,journey_stage,segment,csat\n{p}c1,2026-05-01T10:00:00Z,{p}A1T,chat,service,consumer,5\n");
        await File.WriteAllTextAsync(bad, $"external_id,responded_at,unit_code,channel,journey_stage,segment,csat\n{p}c2,2026-05-01T10:00:00Z,{p}A1T,chat,service,consumer,9\n{p}c3,2026-05-01T10:00:00Z,{p}A1T,chat,service,consumer,4\n");

        var (okCode, okOut, _) = await RunCliAsync("import", "responses", good);
        var (badCode, _, badErr) = await RunCliAsync("import", "responses", bad);
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id IN ($1, $2)", p + "c2", p + "c3"));
        var (qCode, _, _) = await RunCliAsync("import", "responses", bad, "--quarantine", rejects);

        Assert.Equal(0, okCode);
        Assert.Contains("1 inserted", okOut);
        Assert.Equal(1, badCode);
        Assert.Contains("bad.csv:2:7: csat: 9 is out of range 1–5", badErr);
        Assert.Equal(0, qCode);
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id = $1", p + "c3"));
        var lines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal("line,errors,external_id,responded_at,unit_code,channel,journey_stage,segment,csat", lines[0]);
        Assert.StartsWith("2,\"column 7 (csat): 9 is out of range 1–5\",", lines[1]);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Cli_verb_shows_progress_when_asked_writes_json_lines_rejects_and_exits_2_on_bad_usage()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());
        var dir = Directory.CreateTempSubdirectory("cx-import-");
        var file = Path.Combine(dir.FullName, "may.jsonl");
        var rejects = Path.Combine(dir.FullName, "rejects.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            $$"""{"external_id":"{{p}}j1","responded_at":"2026-05-02T10:00:00Z","unit_code":"{{p}}A1T","channel":"store","journey_stage":"purchase","segment":"consumer","csat":5}""",
            $$"""{"external_id":"{{p}}j2","responded_at":"2026-05-02T10:00:00Z","unit_code":"{{p}}A1T","channel":"store","journey_stage":"purchase","segment":"consumer","csat":0}""",
        ]);

        var (code, stdout, stderr) = await RunCliAsync("import", "responses", file, "--quarantine", rejects, "--progress");
        var (unknownKind, _, unknownKindErr) = await RunCliAsync("import", "widgets", file);
        var (missingFile, _, _) = await RunCliAsync("import", "responses", Path.Combine(dir.FullName, "nope.csv"));
        var (badFormat, _, _) = await RunCliAsync("import", "responses", file, "--format", "xml");

        Assert.Equal(0, code);
        Assert.Contains("rows read", stderr);
        Assert.Contains("merging 1 staged rows", stderr);
        Assert.Contains("1 inserted", stdout);
        Assert.Contains("1 rejected", stdout);
        var reject = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(rejects))).RootElement;
        Assert.Equal(2, reject.GetProperty("line").GetInt32());
        Assert.Contains("(csat): 0 is out of range 1–5", reject.GetProperty("errors")[0].GetString());
        Assert.Equal(p + "j2", reject.GetProperty("record").GetProperty("external_id").GetString());
        Assert.Equal(1L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1 || 'j%'", p));
        Assert.Equal(2, unknownKind);
        Assert.Contains("unknown kind 'widgets'", unknownKindErr);
        Assert.Equal(2, missingFile);
        Assert.Equal(2, badFormat);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_quarantine_import_that_writes_nothing_leaves_an_earlier_rejects_file_as_it_was()
    {
        var p = await OrgAsync(ImportClient.NewPrefix());
        var dir = Directory.CreateTempSubdirectory("cx-import-");
        var unclosed = Path.Combine(dir.FullName, "unclosed.csv");
        var good = Path.Combine(dir.FullName, "good.csv");
        var rejects = Path.Combine(dir.FullName, "rejects.csv");
        const string earlier = "line,errors\n7,\"from yesterday's import\"\n";
        await File.WriteAllTextAsync(rejects, earlier);
        await File.WriteAllTextAsync(unclosed, $"external_id,responded_at,unit_code,channel,journey_stage,segment,csat\n{p}u1,2026-05-01T10:00:00Z,{p}A1T,\"chat,service,consumer,4\n");
        await File.WriteAllTextAsync(good, $"external_id,responded_at,unit_code,channel,journey_stage,segment,csat\n{p}u2,2026-05-01T10:00:00Z,{p}A1T,chat,service,consumer,4\n");

        var (rejectedCode, _, _) = await RunCliAsync("import", "responses", unclosed, "--quarantine", rejects);
        var (outageCode, _, _) = await RunCliAsync(["import", "responses", good, "--quarantine", rejects], "Host=127.0.0.1;Port=1;Database=none;Timeout=2");

        Assert.Equal(1, rejectedCode);
        Assert.Equal(3, outageCode);
        Assert.Equal(earlier, await File.ReadAllTextAsync(rejects));
        Assert.Equal(new[] { "rejects.csv", "good.csv", "unclosed.csv" }.Order(), dir.GetFiles().Select(f => f.Name).Order());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE external_id LIKE $1 || 'u%'", p));
        dir.Delete(recursive: true);
    }

    private Task<(int Code, string Out, string Err)> RunCliAsync(params string[] args) => RunCliAsync(args, app.ConnectionString);

    private static async Task<(int Code, string Out, string Err)> RunCliAsync(string[] args, string connectionString)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Cx"] = connectionString;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
