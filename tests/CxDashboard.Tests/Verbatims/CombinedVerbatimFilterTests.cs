using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.Verbatims;

/// <summary>The host with a persona under the privacy floor that sees the whole organisation (each test's own units).</summary>
public sealed class CombinedFilterApp : CxApp
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Auth:Personas:floor_viewer:Name", "Flo Floor-Viewer");
        web.UseSetting("Auth:Personas:floor_viewer:Role", "viewer"); // not a small-count role: the floor applies
        web.UseSetting("Auth:Personas:floor_viewer:Units:0", "*");
    }
}

/// <summary>
/// The verbatims' combined filter (band AND channel AND journey stage AND segment, issue 15) through POST /graphql on
/// real PostgreSQL, each test over its own organisation: the pages equal plain SQL over survey_response, the privacy
/// floor counts the combination, and bad filters are field errors naming <c>slices</c>.
/// </summary>
public sealed class CombinedVerbatimFilterTests(CombinedFilterApp app) : IClassFixture<CombinedFilterApp>
{
    private const string Month = "2026-03";
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A company with two departments of two teams each; returns the company's and departments' codes.</summary>
    private async Task<(string Company, string[] Departments, long[] Teams)> OrganisationAsync(string prefix)
    {
        await app.ExecuteAsync($"""
            INSERT INTO org_unit (kind, code, name) VALUES ('company', '{prefix}', '{prefix}');
            INSERT INTO org_unit (kind, code, name, parent_id) SELECT 'department', '{prefix}-D' || d, '{prefix}-D' || d, (SELECT id FROM org_unit WHERE code = '{prefix}') FROM generate_series(0, 1) d;
            INSERT INTO org_unit (kind, code, name, parent_id) SELECT 'team', '{prefix}-T' || t, '{prefix}-T' || t, (SELECT id FROM org_unit WHERE code = '{prefix}-D' || (t % 2)) FROM generate_series(0, 3) t;
            SELECT rebuild_org_closure();
            SELECT ensure_month_partitions('survey_response', '2026-02-01', '2026-04-30');
            """);
        var teams = (await app.RowsAsync("SELECT id FROM org_unit WHERE code LIKE $1 || '-T%' ORDER BY code", prefix)).Select(r => (long)r[0]!).ToArray();
        return (prefix, [$"{prefix}-D0", $"{prefix}-D1"], teams);
    }

    private Task InsertAsync(string prefix, int n, long unit, DateTimeOffset at, string channel, string stage, string segment, short? nps, string? comment) =>
        app.ExecuteAsync("""
            INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, nps, comment)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, $"{prefix}-{n}", at, unit, channel, stage, segment, nps, comment);

    private static string SlicesLiteral(params (string Dimension, string Value)[] slices) =>
        "[" + string.Join(", ", slices.Select(s => $$"""{ dimension: {{s.Dimension}}, value: "{{s.Value}}" }""")) + "]";

    /// <summary>Every page of a unit's verbatims, first to last, with the ids and dimensions of each item.</summary>
    private async Task<List<JsonElement[]>> AllPagesAsync(string persona, string code, string band, string slices, int first)
    {
        var pages = new List<JsonElement[]>();
        string? after = null;
        for (var guard = 0; guard < 200; guard++)
        {
            var body = await app.GraphQLAsync(persona, $$"""
                query($c: String!, $after: String) { unit(code: $c) {
                  verbatims(period: "{{Month}}", band: {{band}}, slices: {{slices}}, first: {{first}}, after: $after) {
                    items { id channel journeyStage segment nps npsBand comment cursor } hasNextPage endCursor } } }
                """, new { c = code, after });
            var page = body.Data().GetProperty("unit").GetProperty("verbatims");
            pages.Add(page.GetProperty("items").EnumerateArray().ToArray());
            if (!page.GetProperty("hasNextPage").GetBoolean()) return pages;
            after = page.GetProperty("endCursor").GetString();
        }
        throw new InvalidOperationException("more than 200 pages");
    }

    [Fact]
    public async Task A_combined_filter_pages_exactly_the_rows_plain_sql_selects_in_order_without_duplicates_or_gaps()
    {
        var org = await OrganisationAsync("CVF");
        // 1,600 responses over the month: two values of each dimension, every score, some without a comment or with an
        // empty one, and three responses per timestamp so the keyset order needs the id to break ties.
        var rng = new Random(15);
        string[] channels = ["phone", "chat"], stages = ["onboarding", "service"], segments = ["small_business", "consumer"];
        for (var i = 0; i < 1600; i++)
        {
            var comment = rng.Next(10) switch { 0 => null, 1 => "", _ => $"comment {i}" };
            await InsertAsync("CVF", i, org.Teams[rng.Next(org.Teams.Length)], From.AddMinutes(i / 3 * 25),
                channels[rng.Next(2)], stages[rng.Next(2)], segments[rng.Next(2)], (short)rng.Next(11), comment);
        }

        foreach (var (code, band, bandSql, slices) in new[]
        {
            (org.Company, "NPS_DETRACTORS", "nps <= 6", new[] { ("CHANNEL", "phone"), ("JOURNEY_STAGE", "onboarding"), ("SEGMENT", "small_business") }),
            (org.Company, "NPS_PROMOTERS", "nps >= 9", [("SEGMENT", "consumer"), ("CHANNEL", "chat"), ("JOURNEY_STAGE", "service")]),
            (org.Departments[1], "ALL", "true", [("JOURNEY_STAGE", "service"), ("CHANNEL", "phone")]),
            (org.Departments[0], "NPS_PASSIVES", "nps BETWEEN 7 AND 8", [("SEGMENT", "small_business")]),
        })
        {
            string Value(string dimension) => slices.FirstOrDefault(s => s.Item1 == dimension).Item2 ?? "";
            var expected = (await app.RowsAsync($"""
                SELECT r.id, r.channel, r.journey_stage, r.segment FROM survey_response r
                WHERE r.org_unit_id IN (SELECT c.descendant_id FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id WHERE a.code = $1)
                  AND r.comment IS NOT NULL AND r.comment <> '' AND r.responded_at >= $2 AND r.responded_at < $3 AND {bandSql}
                  AND ($4 = '' OR r.channel = $4) AND ($5 = '' OR r.journey_stage = $5) AND ($6 = '' OR r.segment = $6)
                ORDER BY r.responded_at DESC, r.id DESC
                """, code, From, From.AddMonths(1), Value("CHANNEL"), Value("JOURNEY_STAGE"), Value("SEGMENT"))).Select(r => r[0]!.ToString()).ToList();
            Assert.True(expected.Count >= 20, $"{code} {band} {string.Join("&", slices)}: only {expected.Count} rows to page through");

            var pages = await AllPagesAsync("analyst", code, band, SlicesLiteral(slices), 7);
            var got = pages.SelectMany(p => p).Select(v => v.GetProperty("id").GetString()).ToList();
            Assert.Equal(expected, got); // same rows, same order: no duplicate, no gap
            Assert.Equal((expected.Count + 6) / 7, pages.Count);
            Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Length));
        }
    }

    [Fact]
    public async Task Aliases_with_different_combinations_read_different_pages_and_the_order_of_slices_does_not_matter()
    {
        var org = await OrganisationAsync("CVA");
        var n = 0;
        foreach (var stage in new[] { "onboarding", "service" })
        {
            for (var i = 0; i < 6; i++)
            {
                await InsertAsync("CVA", n++, org.Teams[i % 4], From.AddHours(n), "phone", stage, i % 2 == 0 ? "premium" : "consumer", 3, $"{stage} {i}");
            }
        }
        var body = await app.GraphQLAsync("analyst", $$"""
            { unit(code: "CVA") {
              a: verbatims(period: "{{Month}}", slices: {{SlicesLiteral(("CHANNEL", "phone"), ("JOURNEY_STAGE", "onboarding"))}}) { items { id journeyStage } }
              b: verbatims(period: "{{Month}}", slices: {{SlicesLiteral(("CHANNEL", "phone"), ("JOURNEY_STAGE", "service"))}}) { items { id journeyStage } }
              c: verbatims(period: "{{Month}}", slices: {{SlicesLiteral(("JOURNEY_STAGE", "service"), ("CHANNEL", "phone"))}}) { items { id journeyStage } }
              d: verbatims(period: "{{Month}}", slices: {{SlicesLiteral(("JOURNEY_STAGE", "service"), ("CHANNEL", "phone"), ("SEGMENT", "premium"))}}) { items { id segment } } } }
            """);
        var unit = body.Data().GetProperty("unit");
        string[] Ids(string alias) => unit.GetProperty(alias).GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToArray();
        async Task<string[]> Sql(string stage, string? segment) => (await app.RowsAsync("""
            SELECT id FROM survey_response WHERE external_id LIKE 'CVA-%' AND journey_stage = $1 AND ($2::text IS NULL OR segment = $2)
            ORDER BY responded_at DESC, id DESC
            """, stage, segment)).Select(r => r[0]!.ToString()!).ToArray();
        Assert.Equal(await Sql("onboarding", null), Ids("a"));
        Assert.Equal(await Sql("service", null), Ids("b"));
        Assert.Equal(Ids("b"), Ids("c"));
        Assert.Equal(await Sql("service", "premium"), Ids("d"));
        Assert.Equal(3, Ids("d").Length);
    }

    [Fact]
    public async Task A_combination_below_the_floor_shows_nothing_while_each_of_its_dimensions_alone_shows()
    {
        var org = await OrganisationAsync("CVP");
        var n = 0;
        // phone 8, onboarding 10, small_business 10 comments; phone AND onboarding AND small_business only 3 (floor 5);
        // phone AND service AND consumer exactly 5.
        foreach (var (count, channel, stage, segment) in new[]
        {
            (3, "phone", "onboarding", "small_business"), (5, "phone", "service", "consumer"),
            (7, "chat", "onboarding", "consumer"), (7, "chat", "service", "small_business"),
        })
        {
            for (var i = 0; i < count; i++)
            {
                await InsertAsync("CVP", n++, org.Teams[n % 4], From.AddHours(n * 7), channel, stage, segment, (short)(n % 11), $"comment {n}");
            }
        }

        async Task<int> Shown(string persona, string slices, string extra = "")
        {
            var body = await app.GraphQLAsync(persona, $$"""{ unit(code: "CVP") { verbatims(period: "{{Month}}", first: 100, slices: {{slices}}{{extra}}) { items { nps npsBand } } } }""");
            var items = body.Data().GetProperty("unit").GetProperty("verbatims").GetProperty("items").EnumerateArray().ToArray();
            if (persona == "floor_viewer") Assert.All(items, v => Assert.Equal(JsonValueKind.Null, v.GetProperty("nps").ValueKind)); // bands only
            return items.Length;
        }

        var combination = SlicesLiteral(("CHANNEL", "phone"), ("JOURNEY_STAGE", "onboarding"), ("SEGMENT", "small_business"));
        Assert.Equal(0, await Shown("floor_viewer", combination));
        Assert.Equal(0, await Shown("floor_viewer", SlicesLiteral(("CHANNEL", "phone"), ("JOURNEY_STAGE", "onboarding"))));
        Assert.Equal(0, await Shown("floor_viewer", combination, ", band: NPS_DETRACTORS"));
        Assert.Equal(8, await Shown("floor_viewer", SlicesLiteral(("CHANNEL", "phone"))));
        Assert.Equal(10, await Shown("floor_viewer", SlicesLiteral(("JOURNEY_STAGE", "onboarding"))));
        Assert.Equal(10, await Shown("floor_viewer", SlicesLiteral(("SEGMENT", "small_business"))));
        Assert.Equal(5, await Shown("floor_viewer", SlicesLiteral(("CHANNEL", "phone"), ("JOURNEY_STAGE", "service"), ("SEGMENT", "consumer"))));
        // the same combinations without the floor: the plain-SQL counts
        async Task<int> Sql(string channel, string? stage, string? segment) => (int)(await app.ScalarAsync<long>("""
            SELECT count(*) FROM survey_response WHERE external_id LIKE 'CVP-%' AND channel = $1 AND ($2::text IS NULL OR journey_stage = $2) AND ($3::text IS NULL OR segment = $3)
            """, channel, stage, segment));
        Assert.Equal(3, await Sql("phone", "onboarding", "small_business"));
        Assert.Equal(await Sql("phone", "onboarding", "small_business"), await Shown("analyst", combination));
        Assert.Equal(await Sql("phone", null, null), await Shown("analyst", SlicesLiteral(("CHANNEL", "phone"))));
        // the deprecated single slice still reads one dimension, under the floor too
        var old = await app.GraphQLAsync("floor_viewer", $$"""{ unit(code: "CVP") { verbatims(period: "{{Month}}", first: 100, slice: { dimension: CHANNEL, value: "phone" }) { items { id } } } }""");
        Assert.Equal(8, old.Data().GetProperty("unit").GetProperty("verbatims").GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("""[{ dimension: CHANNEL, value: "phone" }, { dimension: CHANNEL, value: "chat" }]""", "CHANNEL twice")]
    [InlineData("""[{ dimension: SEGMENT, value: "consumer" }, { dimension: SEGMENT, value: "consumer" }]""", "SEGMENT twice")]
    [InlineData("""[{ dimension: CHANNEL, value: "fax" }]""", "'fax' is not a CHANNEL")]
    [InlineData("""[{ dimension: CHANNEL, value: "phone" }, { dimension: JOURNEY_STAGE, value: "churn" }]""", "'churn' is not a JOURNEY_STAGE")]
    [InlineData("""[{ dimension: SEGMENT, value: " " }]""", "SEGMENT needs a value")]
    public async Task A_bad_filter_is_a_field_error_naming_slices_and_changes_nothing(string slices, string message)
    {
        var org = await OrganisationAsync("CVE" + Math.Abs(slices.GetHashCode(StringComparison.Ordinal)) % 100000);
        for (var i = 0; i < 12; i++) await InsertAsync(org.Company, i, org.Teams[i % 4], From.AddHours(i), i % 2 == 0 ? "phone" : "chat", "service", "consumer", 2, $"c{i}");
        var good = $$"""ok: unit(code: "{{org.Company}}") { verbatims(period: "{{Month}}", slices: [{ dimension: CHANNEL, value: "phone" }]) { items { id } } }""";
        var before = await app.GraphQLAsync("analyst", $"{{ {good} }}");
        var rows = await app.ScalarAsync<long>("SELECT count(*) FROM survey_response");

        var body = await app.GraphQLAsync("analyst", $$"""{ {{good}} bad: unit(code: "{{org.Company}}") { verbatims(period: "{{Month}}", slices: {{slices}}) { items { id } } } }""");
        var error = Assert.Single(body.Errors());
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal("slices", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("bad").ValueKind);
        // the rest of the request answers as on its own, and nothing was written
        Assert.Equal(before.Data().GetProperty("ok").ToString(), body.GetProperty("data").GetProperty("ok").ToString());
        Assert.Equal(6, before.Data().GetProperty("ok").GetProperty("verbatims").GetProperty("items").GetArrayLength());
        Assert.Equal(rows, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response"));

        // through a variable, the same error
        var viaVariable = await app.GraphQLAsync("analyst", $$"""query($s: [SliceInput!]) { unit(code: "{{org.Company}}") { verbatims(period: "{{Month}}", slices: $s) { items { id } } } }""",
            new { s = ParseLiteral(slices) });
        Assert.Equal("slices", Assert.Single(viaVariable.Errors()).GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_deprecated_slice_and_slices_together_are_an_error_naming_slices()
    {
        var body = await app.GraphQLAsync("analyst", $$"""
            { units { verbatims(period: "{{Month}}", slice: { dimension: CHANNEL, value: "phone" }, slices: [{ dimension: SEGMENT, value: "consumer" }]) { items { id } } } }
            """);
        var error = body.Errors().First();
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal("slices", error.GetProperty("extensions").GetProperty("field").GetString());
    }

    /// <summary>The test's GraphQL list literal as a variable value (dimension and value of each item).</summary>
    private static object[] ParseLiteral(string literal) =>
        System.Text.RegularExpressions.Regex.Matches(literal, """dimension: (\w+), value: "([^"]*)" """.TrimEnd())
            .Select(m => (object)new { dimension = m.Groups[1].Value, value = m.Groups[2].Value }).ToArray();
}
