using System.Globalization;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Embedding;

/// <summary>
/// Refused host-application input and refused field arguments carry, next to the English message, a stable code and
/// the values it names (<c>extensions.problem</c>, <c>extensions.params</c>), which the web says in its reader's
/// language. The params are checked against what the request sent (and the documented limits: a rotation overlap of
/// 0 to 720 hours, the schema's channel list), and nothing is written (plain SQL).
/// </summary>
public sealed class EmbedProblemCodeTests(EmbedApp app) : IClassFixture<EmbedApp>
{
    private static JsonElement Ext(JsonElement error) => error.GetProperty("extensions");

    /// <summary>field | problem | params sorted by name, each "name=value" (a list as its JSON).</summary>
    private static string Said(JsonElement error)
    {
        var ext = Ext(error);
        var values = ext.TryGetProperty("params", out var p)
            ? string.Join(",", p.EnumerateObject().OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => $"{x.Name}={x.Value.GetRawText().Trim('"')}"))
            : "-";
        return $"{ext.GetProperty("field").GetString()}|{ext.GetProperty("problem").GetString()}|{values}";
    }

    [Fact]
    public async Task Every_refused_host_field_comes_back_with_its_code_and_the_value_sent_and_nothing_is_written()
    {
        await app.RegisterHostAsync("taken-name", ["DIV-RETAIL"], []);
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM host_application");
        var body = await app.GraphQLAsync("analyst", """
            mutation { registerHostApplication(input: { name: "taken-name", origins: ["ftp://x"], grantUnits: ["NOPE"],
              grantPartners: ["PRT-NOPE"], views: ["dashboard"], permissions: ["admin"] }) { id } }
            """);
        var said = body.Errors().Select(Said).ToArray();
        Assert.Equal(
        [
            "name|NAME_TAKEN|name=taken-name",
            "origins|NOT_AN_ORIGIN|value=ftp://x",
            "grantUnits|UNKNOWN_UNIT_CODE|code=NOPE",
            "grantPartners|UNKNOWN_PARTNER_CODE|code=PRT-NOPE",
            "views|UNKNOWN_VIEW|allowed=[\"scorecard\",\"cascade\",\"process\",\"partner\"],value=dashboard",
            "permissions|UNKNOWN_PERMISSION|allowed=[\"view\",\"drill\",\"export\"],value=admin",
        ], said);
        Assert.All(body.Errors(), e => Assert.Equal("BAD_USER_INPUT", e.Code()));
        // the English message is unchanged: "input.<field>: <why>"
        Assert.Equal("input.origins: 'ftp://x' is not an origin (scheme://host[:port], https, or http for localhost)", body.Errors().ElementAt(1).GetProperty("message").GetString());
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM host_application"));

        var empty = await app.GraphQLAsync("analyst", """
            mutation { registerHostApplication(input: { name: "", origins: [], grantUnits: [], views: [] }) { id } }
            """);
        Assert.Equal(
            ["name|NAME_LENGTH|max=200,min=1", "origins|ORIGIN_REQUIRED|", "grant|GRANT_REQUIRED|", "views|VIEW_REQUIRED|"],
            empty.Errors().Select(Said));
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM host_application"));
    }

    [Fact]
    public async Task Overlap_unknown_host_and_a_grant_wider_than_the_caller_say_their_codes()
    {
        var host = await app.RegisterHostAsync("codes-rotate", ["DIV-RETAIL"], []);
        var keys = await app.ScalarAsync<long>("SELECT count(*) FROM embed_api_key");
        var rotate = await app.GraphQLAsync("analyst", $$"""mutation { rotateApiKey(keyId: "{{host.KeyId}}", overlapHours: 1000) { keyId } }""");
        Assert.Equal("overlapHours|OVERLAP_RANGE|max=720,min=0", Said(rotate.Errors().Single()));
        Assert.Equal(keys, await app.ScalarAsync<long>("SELECT count(*) FROM embed_api_key"));

        var missing = await app.GraphQLAsync("analyst", """mutation { issueApiKey(host: "987654") { keyId } }""");
        var error = missing.Errors().Single();
        Assert.Equal("NOT_FOUND", error.Code());
        Assert.Equal("HOST_NOT_FOUND", Ext(error).GetProperty("problem").GetString());
        Assert.Equal("987654", Ext(error).GetProperty("params").GetProperty("id").GetString());
        Assert.Equal(keys, await app.ScalarAsync<long>("SELECT count(*) FROM embed_api_key"));

        var wide = await app.GraphQLAsync("retail_analyst", """
            mutation { registerHostApplication(input: { name: "codes-wide", origins: ["https://x.example"], grantUnits: ["CO"], views: ["scorecard"] }) { id } }
            """);
        error = wide.Errors().Single();
        Assert.Equal("FORBIDDEN", error.Code());
        Assert.Equal("GRANT_OUTSIDE_SCOPE", Ext(error).GetProperty("problem").GetString());
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM host_application WHERE name = 'codes-wide'"));
    }

    [Fact]
    public async Task Refused_arguments_say_their_codes_with_the_values_sent()
    {
        var cases = new (string Query, string Expected)[]
        {
            ($$"""{ unit(code: "CO") { verbatims(period: "{{app.Month}}", slices: [{ dimension: CHANNEL, value: "phone" }, { dimension: CHANNEL, value: "email" }]) { items { id } } } }""",
                "slices|SLICE_TWICE|dimension=channel,first=phone,second=email"),
            ($$"""{ unit(code: "CO") { verbatims(period: "{{app.Month}}", slices: [{ dimension: CHANNEL, value: "fax" }]) { items { id } } } }""",
                "slices|UNKNOWN_SLICE_VALUE|allowed=[\"phone\",\"ivr\",\"chat\",\"email\",\"app\",\"store\",\"social\"],dimension=channel,value=fax"),
            ("""{ unit(code: "CO") { value(metric: "happiness", period: "2026-05") { value } } }""", "metric|UNKNOWN_METRIC|metric=happiness"),
            ("""{ unit(code: "CO") { value(metric: "nps", period: "2026-13") { value } } }""", "period|BAD_PERIOD|value=2026-13"),
            ("""{ unit(code: "CO") { series(metric: "nps", end: "2026-05", periods: 500) { value } } }""", "periods|COUNT_RANGE|max=120,min=1,name=periods"),
            ("""{ unit(code: "CO") { scorecard(period: "2026-W19") { unit { id } } } }""", "period|NOT_SCORECARD_PERIOD|grain=week"),
            ("""{ unit(id: "1", code: "CO") { id } }""", "id|EXACTLY_ONE|first=id,second=code"),
        };
        foreach (var (query, expected) in cases)
        {
            var body = await app.GraphQLAsync("analyst", query);
            var error = body.Errors().Single();
            Assert.Equal("BAD_USER_INPUT", error.Code());
            Assert.Equal(expected, Said(error));
        }
    }
}
