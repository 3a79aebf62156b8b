using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

/// <summary>
/// The bad-input corpus (tests/import-corpus, made by make-corpus.py): every file imported through the CLI and
/// over HTTP, all-or-nothing and in quarantine. Per run: the exit code / status, the message (and where the first
/// error is), and, counted in SQL, that fact rows, org units, partitions and relations are unchanged — or hold
/// exactly the file's good rows — and that a quarantine run's counts add up to the file's records.
/// </summary>
public sealed class ImportCorpusTests(CxApp app) : IClassFixture<CxApp>
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "import-corpus");
    private static readonly SemaphoreSlim BaseLoaded = new(1, 1);
    private static readonly HashSet<string> LoadedDatabases = [];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static List<JsonElement> Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "cases.json"))).RootElement.EnumerateArray().ToList();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_file_is_refused_or_quarantined_exactly_through_cli_and_http(string name)
    {
        await EnsureBaseAsync();
        var c = Load().Single(x => x.GetProperty("name").GetString() == name);
        foreach (var quarantine in new[] { false, true })
        {
            var expect = c.GetProperty(quarantine ? "quarantine" : "allOrNothing");
            foreach (var viaCli in new[] { true, false })
            {
                var run = $"{name} ({(viaCli ? "CLI" : "HTTP")}, {(quarantine ? "quarantine" : "all-or-nothing")})";
                await ResetAsync();
                var before = await CountsAsync();
                var outcome = viaCli ? await ViaCliAsync(c, quarantine) : await ViaHttpAsync(c, quarantine);
                var after = await CountsAsync();
                await CheckAsync(run, c, expect, outcome, before, after);
            }
        }
    }

    private sealed record Outcome(bool Done, string Text, Func<int, int?, string?, string, bool> HasError, long[]? Counts);

    private async Task<Outcome> ViaCliAsync(JsonElement c, bool quarantine)
    {
        var file = Path.Combine(Dir, c.GetProperty("file").GetString()!);
        var args = new List<string> { "import", c.GetProperty("kind").GetString()!, file, "--no-progress" };
        var rejects = Path.Combine(Path.GetTempPath(), $"cx-corpus-{Guid.NewGuid():N}{Path.GetExtension(file)}");
        if (quarantine) args.AddRange(["--quarantine", rejects]);
        if (c.TryGetProperty("cliArgs", out var extra)) args.AddRange(extra.EnumerateArray().Select(a => a.GetString()!));
        var (code, stdout, stderr) = await CliRunner.RunAsync(app.ConnectionString, [.. args]);
        File.Delete(rejects);
        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        Assert.DoesNotContain("Unhandled exception", stderr);
        long[]? counts = null;
        var m = Regex.Match(stdout, @"([\d,]+) rows read, ([\d,]+) inserted, ([\d,]+) updated, ([\d,]+) unchanged, [\d,]+ late, ([\d,]+) rejected");
        if (m.Success) counts = Enumerable.Range(1, 5).Select(i => long.Parse(m.Groups[i].Value.Replace(",", ""))).ToArray();
        return new Outcome(code == 0, stdout + stderr, (line, column, field, message) =>
            stderr.Split('\n').Any(l => Regex.IsMatch(l, $"^{Regex.Escape(file)}:{line}{(column is { } col ? $":{col}" : @"(:\d+)?")}: {(field is null ? "" : Regex.Escape(field + ": "))}")
                                        && l.Contains(message, StringComparison.Ordinal)), counts);
    }

    private async Task<Outcome> ViaHttpAsync(JsonElement c, bool quarantine)
    {
        var path = c.GetProperty("file").GetString()!;
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Dir, path)));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", Path.GetFileName(path));
        var query = new List<string>();
        if (quarantine) query.Add("mode=quarantine");
        if (c.TryGetProperty("query", out var q)) query.Add(q.GetString()!);
        var response = await app.CreateClient("analyst").PostAsync($"/api/import/{c.GetProperty("kind").GetString()}{(query.Count > 0 ? "?" + string.Join("&", query) : "")}", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"HTTP {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        long[]? counts = response.StatusCode == HttpStatusCode.OK
            ? new[] { "rowsRead", "inserted", "updated", "unchanged", "rejected" }.Select(n => body.GetProperty(n).GetInt64()).ToArray()
            : null;
        var errors = body.TryGetProperty("errors", out var e) ? e.EnumerateArray().ToList() : [];
        return new Outcome(response.StatusCode == HttpStatusCode.OK, string.Join("\n", Strings(body)), (line, column, field, message) =>
            errors.Any(x => x.GetProperty("line").GetInt32() == line
                            && (column is null || (x.GetProperty("column").ValueKind == JsonValueKind.Number && x.GetProperty("column").GetInt32() == column))
                            && (field is null || x.GetProperty("field").GetString() == field)
                            && x.GetProperty("reason").GetString()!.Contains(message, StringComparison.Ordinal)), counts);
    }

    private async Task CheckAsync(string run, JsonElement c, JsonElement expect, Outcome outcome, long[] before, long[] after)
    {
        var done = expect.GetProperty("outcome").GetString() == "done";
        Assert.True(done == outcome.Done, $"{run}: expected {(done ? "done" : "rejected")}, got:\n{outcome.Text}");
        if (expect.TryGetProperty("message", out var message))
            Assert.True(outcome.Text.Contains(message.GetString()!, StringComparison.Ordinal), $"{run}: no '{message}' in:\n{outcome.Text}");
        Assert.DoesNotContain("LineNumber:", outcome.Text);
        Assert.DoesNotContain("reader options", outcome.Text);
        if (expect.TryGetProperty("line", out var line))
        {
            int? column = expect.TryGetProperty("column", out var col) ? col.GetInt32() : null;
            string? field = expect.TryGetProperty("field", out var f) ? f.GetString() : null;
            Assert.True(outcome.HasError(line.GetInt32(), column, field, message.GetString()!),
                $"{run}: no error at line {line}{(column is null ? "" : $", column {column}")}{(field is null ? "" : $", field {field}")} saying '{message}' in:\n{outcome.Text}");
        }

        var kind = c.GetProperty("kind").GetString()!;
        var good = done ? expect.GetProperty("good").EnumerateArray().Select(g => g.GetString()!).Order().ToList() : [];
        // Partitions and relations (tables, indexes) never change; the counts change by exactly the good rows.
        Assert.True(before[Partitions] == after[Partitions], $"{run}: partitions {before[Partitions]} -> {after[Partitions]}");
        Assert.True(before[Relations] == after[Relations], $"{run}: relations {before[Relations]} -> {after[Relations]}");
        var table = kind switch { "responses" => Responses, "interactions" => Interactions, _ => OrgUnits };
        for (var i = 0; i < before.Length; i++)
        {
            if (i is Partitions or Relations) continue;
            if (!done || good.Count == 0) Assert.True(before[i] == after[i], $"{run}: {Names[i]} {before[i]} -> {after[i]}");
            else if (i == table) Assert.True(after[i] - before[i] == good.Count, $"{run}: {Names[i]} {before[i]} -> {after[i]}, expected +{good.Count}");
            else if (i is Responses or Interactions or OrgUnits or Partners) Assert.True(before[i] == after[i], $"{run}: {Names[i]} {before[i]} -> {after[i]}");
        }
        var written = kind == "org-units"
            ? await app.RowsAsync("SELECT code FROM org_unit WHERE code LIKE 'CX-%' ORDER BY 1")
            : await app.RowsAsync($"SELECT external_id FROM {(kind == "responses" ? "survey_response" : "interaction")} WHERE external_id LIKE 'c-%' ORDER BY 1");
        Assert.Equal(good, written.Select(r => (string)r[0]!).Order().ToList());
        if (done && expect.TryGetProperty("stored", out var stored))
        {
            foreach (var p in stored.EnumerateObject())
                Assert.Equal(p.Value.GetString(), await app.ScalarAsync<string>("SELECT comment FROM survey_response WHERE external_id = $1", p.Name));
        }
        if (done)
        {
            // rows read = inserted + updated + unchanged + rejected, and rejected as expected.
            var n = outcome.Counts ?? throw new Xunit.Sdk.XunitException($"{run}: no counts in:\n{outcome.Text}");
            Assert.True(n[0] == n[1] + n[2] + n[3] + n[4], $"{run}: {n[0]} read != {n[1]} + {n[2]} + {n[3]} + {n[4]}");
            Assert.True(n[4] == expect.GetProperty("rejectedRows").GetInt64(), $"{run}: {n[4]} rejected, expected {expect.GetProperty("rejectedRows")}");
            Assert.True(n[1] == good.Count, $"{run}: {n[1]} inserted, expected {good.Count}");
        }
    }

    // Positions in CountsAsync's row (3: closure rows and 5: dirty days are only compared as a whole).
    private const int Responses = 0, Interactions = 1, OrgUnits = 2, Partners = 4, Partitions = 6, Relations = 7;
    private static readonly string[] Names = ["survey_response rows", "interaction rows", "org units", "closure rows", "partners", "dirty days and logged changes", "partitions", "relations"];

    private async Task<long[]> CountsAsync()
    {
        var row = (await app.RowsAsync("""
            SELECT (SELECT count(*) FROM survey_response), (SELECT count(*) FROM interaction), (SELECT count(*) FROM org_unit),
                   (SELECT count(*) FROM org_unit_closure), (SELECT count(*) FROM partner),
                   (SELECT count(*) FROM dirty_day) + (SELECT count(*) FROM survey_response_change) + (SELECT count(*) FROM interaction_change),
                   (SELECT count(*) FROM pg_inherits WHERE inhparent IN ('survey_response'::regclass, 'interaction'::regclass)),
                   (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
            """))[0];
        return row.Select(v => Convert.ToInt64(v)).ToArray();
    }

    /// <summary>Removes whatever an earlier run of the corpus wrote (corpus ids start with c- and CX-).</summary>
    private async Task ResetAsync()
    {
        await app.ExecuteAsync("""
            DELETE FROM survey_response WHERE external_id LIKE 'c-%';
            DELETE FROM interaction WHERE external_id LIKE 'c-%';
            DELETE FROM org_unit_closure WHERE descendant_id IN (SELECT id FROM org_unit WHERE code LIKE 'CX-%');
            UPDATE org_unit SET parent_id = NULL WHERE code LIKE 'CX-%';
            DELETE FROM org_unit WHERE code LIKE 'CX-%';
            DELETE FROM dirty_day;
            DELETE FROM survey_response_change;
            DELETE FROM interaction_change;
            """);
    }

    /// <summary>One company with a division and a team, and rows in the months the corpus's good rows use (so they exist as partitions).</summary>
    private async Task EnsureBaseAsync()
    {
        await BaseLoaded.WaitAsync();
        try
        {
            if (!LoadedDatabases.Add(app.ConnectionString)) return;
            var client = app.CreateClient("analyst");
            async Task Post(string kind, string csv)
            {
                var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "base.csv" } };
                var r = await client.PostAsync($"/api/import/{kind}", form);
                Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            }
            await Post("org-units", "code,name,kind,parent_code\nBASE-CO,Base company,company,\nBASE-DIV,Base division,division,BASE-CO\nBASE-TEAM,Base team,team,BASE-DIV\n");
            await Post("responses", "external_id,responded_at,unit_code,channel,journey_stage,segment,csat\nbase-r1,2026-05-01T10:00:00Z,BASE-TEAM,phone,service,consumer,4\n");
            await Post("interactions", "external_id,customer_key,opened_at,unit_code,channel,journey_stage,segment\nbase-i1,k,2026-05-01T10:00:00Z,BASE-TEAM,phone,service,consumer\n");
        }
        finally
        {
            BaseLoaded.Release();
        }
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
