using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

/// <summary>
/// The import endpoint refuses ambiguous or broken uploads with a problem that says what was wrong, writing nothing; each
/// refusal also carries its stable <c>code</c> and the values it names (<c>params</c>), which the web says in its
/// reader's language.
/// </summary>
public sealed class ImportUploadTests(CxApp app) : IClassFixture<CxApp>
{
    private const string Org = "code,name,kind\nUP-CO,Upload company,company\n";

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"HTTP {(int)r.StatusCode}: {text}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()), text);
        return body;
    }

    /// <summary>code | params sorted by name, each "name=value" (a list as its JSON).</summary>
    private static string Coded(JsonElement problem) =>
        problem.GetProperty("code").GetString() + "|" + string.Join(",", problem.GetProperty("params").EnumerateObject()
            .OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => $"{x.Name}={x.Value.GetRawText().Trim('"')}"));

    private static ByteArrayContent Part(string text) => new(Encoding.UTF8.GetBytes(text));

    private Task<long> UnitsAsync() => app.ScalarAsync<long>("SELECT count(*) FROM org_unit");

    [Fact]
    public async Task An_empty_file_part_is_rejected_as_an_empty_file_not_as_a_missing_one()
    {
        var form = new MultipartFormDataContent { { Part(""), "file", "org.csv" } };

        var body = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/org-units", form), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("the file is empty", body.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Equal(0L, await UnitsAsync());
    }

    [Fact]
    public async Task A_second_file_part_is_refused_and_nothing_is_imported()
    {
        var form = new MultipartFormDataContent { { Part(Org), "file", "one.csv" }, { Part(Org.Replace("UP-CO", "UP-CO2")), "file", "two.csv" } };

        var body = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/org-units", form), HttpStatusCode.BadRequest);

        Assert.Equal("More than one file", body.GetProperty("title").GetString());
        Assert.Contains("'one.csv'", body.GetProperty("detail").GetString());
        Assert.Contains("'two.csv'", body.GetProperty("detail").GetString());
        Assert.Equal("MORE_THAN_ONE_FILE|count=2", Coded(body));
        Assert.Equal(0L, await UnitsAsync());
    }

    [Fact]
    public async Task A_json_body_is_refused_with_a_detail_saying_how_to_send_a_file()
    {
        var content = new StringContent("""{"code":"UP-CO"}""", Encoding.UTF8, "application/json");

        var body = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/org-units", content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("multipart/form-data", body.GetProperty("detail").GetString());
        Assert.Contains("application/json", body.GetProperty("detail").GetString());
        Assert.Equal("NOT_MULTIPART|contentType=application/json; charset=utf-8", Coded(body));
    }

    [Fact]
    public async Task A_form_without_a_file_part_and_an_unknown_kind_are_refused_with_their_codes()
    {
        var form = new MultipartFormDataContent { { Part(Org), "upload", "org.csv" }, { new StringContent("x"), "note" } };
        var body = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/org-units", form), HttpStatusCode.BadRequest);
        Assert.Equal("No file", body.GetProperty("title").GetString());
        Assert.Equal("NO_FILE_PART|found=[\"upload\",\"note\"]", Coded(body));

        var kind = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/surveys", new MultipartFormDataContent { { Part(Org), "file", "org.csv" } }),
            HttpStatusCode.NotFound);
        Assert.Equal("UNKNOWN_IMPORT_KIND|allowed=[\"org-units\",\"responses\",\"interactions\"],value=surveys", Coded(kind));
        Assert.Equal(0L, await UnitsAsync());
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_refused_with_a_detail()
    {
        const string boundary = "cxboundary";
        var cut = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"org.csv\"\r\nContent-Type: text/csv\r\n\r\n{Org}";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(cut)); // no closing boundary: the upload was cut
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        var body = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/org-units", content), HttpStatusCode.BadRequest);

        Assert.Equal("Incomplete upload", body.GetProperty("title").GetString());
        Assert.Equal("INCOMPLETE_UPLOAD|", Coded(body));
        Assert.Equal(0L, await UnitsAsync());
    }

    [Theory]
    [InlineData("?mode=quarantine&mode=all-or-nothing", "Repeated query parameter", "'mode' is given 2 times", "REPEATED_PARAMETER|count=2,name=mode")]
    [InlineData("?modus=quarantine", "Unknown query parameter", "'modus' is not one of mode, source, format, encoding",
        "UNKNOWN_PARAMETER|allowed=[\"mode\",\"source\",\"format\",\"encoding\"],name=modus")]
    [InlineData("?mode=lenient", "Unknown mode", "mode 'lenient'", "UNKNOWN_MODE|value=lenient")]
    [InlineData("?format=xml", "Unknown format", "format 'xml'", "UNKNOWN_FORMAT|value=xml")]
    [InlineData("?encoding=ebcdic", "Unknown encoding", "encoding 'ebcdic'", "UNKNOWN_ENCODING|value=ebcdic")]
    public async Task A_bad_query_parameter_is_a_problem_with_a_detail(string query, string title, string detail, string coded)
    {
        var form = new MultipartFormDataContent { { Part(Org), "file", "org.csv" } };

        var body = await ProblemAsync(await app.CreateClient("analyst").PostAsync("/api/import/org-units" + query, form), HttpStatusCode.BadRequest);

        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Contains(detail, body.GetProperty("detail").GetString());
        Assert.Equal(coded, Coded(body));
        Assert.Equal(0L, await UnitsAsync());
    }
}
