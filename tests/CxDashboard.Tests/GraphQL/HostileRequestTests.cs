using System.Text;
using CxDashboard.Api.GraphQL;
using CxDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.GraphQL;

/// <summary>
/// Issue 12 §1 and §4 through HTTP on a freshly started host: requests that used to end the process or answer
/// 500 / "Unexpected error." are refused with spec-shaped errors, expensive ones before they run, and the same host
/// answers a normal query after each.
/// </summary>
public sealed class HostileRequestTests(HardenedApp app) : IClassFixture<HardenedApp>
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>A document nesting one construct <paramref name="depth"/> deep.</summary>
    private static string Nested(string path, int depth) => path switch
    {
        "list literal" => "{ unit(code: " + Repeat("[", depth) + "\"CO\"" + Repeat("]", depth) + ") { code } }",
        "object literal" => "{ unit(code: " + Repeat("{a: ", depth) + "1" + Repeat("}", depth) + ") { code } }",
        "selection sets" => "{ unit(code: \"CO\") " + Repeat("{ children ", depth) + "{ code }" + Repeat(" }", depth) + " }",
        "inline fragments" => "{ unit(code: \"CO\") { code " + Repeat("... on OrgUnit { ", depth) + "code" + Repeat(" }", depth) + " } }",
        "list type" => "query($c: " + Repeat("[", depth) + "ID" + Repeat("]", depth) + ") { unit(code: \"CO\") { code } }",
        "fragment chain" => FragmentChain(depth),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    private static string FragmentChain(int depth)
    {
        var sb = new StringBuilder("{ unit(code: \"CO\") { ...F0 } }\n");
        for (var i = 0; i < depth - 1; i++) sb.Append($"fragment F{i} on OrgUnit {{ ...F{i + 1} }}\n");
        return sb.Append($"fragment F{depth - 1} on OrgUnit {{ code }}\n").ToString();
    }

    public static TheoryData<string> Paths => ["list literal", "object literal", "selection sets", "inline fragments", "list type", "fragment chain"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_document_nested_100000_deep_is_refused_before_parsing_and_the_host_answers_next(string path)
    {
        var query = Nested(path, 100_000);
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { query });
        var (status, body) = await app.PostAsync("executive", bytes);
        Assert.False(body.TryGetProperty("data", out _));
        var message = Assert.Single(body.Errors()).GetProperty("message").GetString();
        if (bytes.Length > 1024 * 1024)
        {
            Assert.Equal(413, status); // over the body limit (1 MiB): refused while reading
            Assert.Equal("The request body is larger than the limit of 1048576 bytes.", message);
        }
        else
        {
            Assert.Equal(400, status); // over the document length limit: refused before parsing
            Assert.Equal($"The document is {query.Length} characters long, which exceeds the maximum length of 100000 characters.", message);
        }
        await app.AssertAliveAsync();
    }

    /// <summary>
    /// The issue's attack (about 5,000 levels, inside the length and token limits) on every path that nests: a
    /// syntax or validation error with a location, HTTP 400, and the host lives.
    /// </summary>
    [Theory]
    [InlineData("list literal", 5_000, "Syntax Error: Document nests more than 128 levels")]
    [InlineData("object literal", 3_000, "Syntax Error: Document nests more than 128 levels")]
    [InlineData("selection sets", 5_000, "Syntax Error: Document nests more than 128 levels")]
    [InlineData("inline fragments", 3_000, "Syntax Error: Document nests more than 128 levels")]
    [InlineData("list type", 5_000, "Syntax Error: Document nests more than 128 levels")]
    [InlineData("fragment chain", 1_500, "The document nests 1502 levels deep")]
    public async Task A_document_nested_thousands_deep_within_the_size_limits_is_a_located_400(string path, int depth, string message)
    {
        var (status, body) = await app.PostAsync("partner_manager", Nested(path, depth));
        Assert.Equal(400, status);
        var error = Assert.Single(body.Errors());
        Assert.StartsWith(message, error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("locations")[0].GetProperty("column").GetInt32() > 0);
        await app.AssertAliveAsync();
    }

    [Fact]
    public async Task Variables_nested_100000_deep_are_a_400_and_the_host_answers_next()
    {
        var json = "{\"query\":\"query($c: ID!) { unit(code: $c) { code } }\",\"variables\":{\"c\":"
            + Repeat("[", 100_000) + "\"CO\"" + Repeat("]", 100_000) + "}}";
        var (status, body) = await app.PostTextAsync("executive", json);
        Assert.Equal(400, status);
        Assert.StartsWith("The request body is not valid JSON: The maximum configured depth of 64 has been exceeded.",
            Assert.Single(body.Errors()).GetProperty("message").GetString());
        await app.AssertAliveAsync();
    }

    [Fact]
    public async Task Bodies_that_are_not_utf8_or_hold_lone_surrogates_are_400_not_500()
    {
        var broken = Encoding.UTF8.GetBytes("{\"query\":\"{ unit(code: \\\"CO\\\") { code } }\"}").ToList();
        broken.InsertRange(broken.IndexOf((byte)'C'), [0xFF, 0xC3, 0x28]);
        var (status, body) = await app.PostAsync("executive", [.. broken]);
        Assert.Equal(400, status);
        Assert.Contains("not valid", Assert.Single(body.Errors()).GetProperty("message").GetString());

        (status, body) = await app.PostTextAsync("executive", """{"query":"query($c: ID!) { unit(code: $c) { code } }","variables":{"c":"C\ud800O"}}""");
        Assert.Equal(400, status);
        Assert.StartsWith("The request holds text that is not valid Unicode", Assert.Single(body.Errors()).GetProperty("message").GetString());
        await app.AssertAliveAsync();
    }

    [Fact]
    public async Task The_issues_verbatims_tree_is_refused_by_cost_before_anything_runs()
    {
        var gate = app.Factory.Services.GetRequiredService<RawFactGate>();
        var (status, body) = await app.PostAsync("executive",
            "{ units { children { children { children { verbatims(period: \"2026\", first: 100) { items { comment nps } } } } } } }");
        Assert.Equal(400, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = Assert.Single(body.Errors());
        // verbatims: 100 + 100 (first) x (items 1 + 1 x 2) = 400 (a page's items are its "first", counted once);
        // each children level and units: 1 + 10 x below: 4,001 → 40,011 → 400,111 → 4,001,111
        Assert.Equal("The anonymous operation has an estimated cost of 4001111, which exceeds the maximum cost of 250000.", error.GetProperty("message").GetString());
        Assert.Equal("COST_LIMIT_EXCEEDED", error.Code());
        Assert.Equal(4_001_111, error.GetProperty("extensions").GetProperty("cost").GetInt64());
        Assert.Equal(250_000, error.GetProperty("extensions").GetProperty("maxCost").GetInt32());
        Assert.Equal(4, gate.Free);
    }

    [Fact]
    public async Task Two_hundred_aliases_of_drivers_are_refused_by_cost_and_the_scorecard_query_is_not()
    {
        var co = await app.IdAsync("CO");
        var aliases = string.Concat(Enumerable.Range(0, 200).Select(i => $" d{i}: drivers(unit: \"{co}\", period: \"2026\") {{ linkedResponses }}"));
        var (status, body) = await app.PostAsync("executive", "{" + aliases + " }");
        Assert.Equal(400, status);
        Assert.Equal("COST_LIMIT_EXCEEDED", Assert.Single(body.Errors()).Code());

        // the scorecard benchmark's query (tests/CxDashboard.Benchmarks/ScorecardBenchmark.cs) stays well inside the limit
        (status, body) = await app.PostAsync("executive", """
            query($u: ID!, $p: String!) {
              scorecard(unit: $u, period: $p) {
                score
                kpis { ...line children { ...line children { ...line } } }
              }
            }
            fragment line on ScorecardKpi {
              kpi { unitCode metric }
              actual n target attainment status
              trend { periodStart actual n target attainment status }
            }
            """, new { u = co, p = "2026-05" });
        Assert.Equal(200, status);
        Assert.Empty(body.Errors());
    }

    [Theory]
    [InlineData("{ unit(code: \"CO\") { value(metric: \"nps\", period: \"9999-12-31\") { value } } }")]
    [InlineData("{ unit(code: \"CO\") { value(metric: \"nps\", period: \"0001-01-01\") { previous { value } } } }")]
    [InlineData("{ unit(code: \"CO\") { series(metric: \"nps\", grain: YEAR, periods: 120, end: \"9999\") { value } } }")]
    [InlineData("{ drivers(unit: \"$CO\", period: \"0001-01-01..9999-12-31\") { linkedResponses } }")]
    [InlineData("{ unit(code: \"CO\") { verbatims(period: \"9999-W52\") { items { comment } } } }")]
    public async Task Dates_outside_the_calendar_the_service_reads_are_bad_user_input(string query)
    {
        var (status, body) = await app.PostAsync("executive", query.Replace("$CO", await app.IdAsync("CO"), StringComparison.Ordinal));
        Assert.Equal(200, status);
        var error = Assert.Single(body.Errors());
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Contains("is outside the dates this service reads (1900-01-01 to 2999-12-31)", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{ unit(code: \"CO\") { value(metric: \"nps\", period: \"2026-05\", slice: {dimension: SEGMENT, value: \"pre\\u0000mium\"}) { value n } } }")]
    [InlineData("{ unit(code: \"CO\") { breakdown(metric: \"nps\", period: \"2026-05\", by: SEGMENT) { key } verbatims(period: \"2026-05\", slice: {dimension: CHANNEL, value: \"ph\\u0000one\"}) { items { comment } } } }")]
    [InlineData("{ unit(code: \"C\\u0000O\") { code } partner(code: \"PRT\\u0000\") { code } }")]
    [InlineData("{ unit(code: \"CO\") { verbatims(period: \"2026-05\", after: \"\\u0000\") { items { comment } } } }")]
    public async Task A_nul_character_in_a_string_argument_is_an_input_error_never_unexpected(string query)
    {
        var (status, body) = await app.PostAsync("executive", query);
        Assert.Equal(200, status);
        foreach (var error in body.Errors())
        {
            Assert.NotEqual("Unexpected error.", error.GetProperty("message").GetString());
            Assert.Contains(error.Code(), new[] { "BAD_USER_INPUT", "NOT_FOUND" });
        }
        await app.AssertAliveAsync();
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_names_the_expected_type_and_shows_the_value()
    {
        var (status, body) = await app.PostAsync("executive",
            "query($p: String!) { unit(code: \"CO\") { value(metric: \"nps\", period: $p) { value } } }", new { p = new { year = 2026 } });
        Assert.Equal(400, status);
        Assert.Equal("Variable \"$p\" got invalid value { year: 2026 }; String cannot represent a non string value: { year: 2026 }",
            Assert.Single(body.Errors()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Raw_fact_reads_wait_for_a_free_slot_and_fail_with_BUSY_when_none_frees_up()
    {
        var gate = app.Factory.Services.GetRequiredService<RawFactGate>();
        var release = new TaskCompletionSource<int>();
        var co = await app.IdAsync("CO");
        // hold every slot, as four long driver reads would
        var holders = Enumerable.Range(0, 4).Select(_ => gate.RunAsync(_ => release.Task, CancellationToken.None)).ToArray();
        try
        {
            Assert.Equal(0, gate.Free);
            var (status, body) = await app.PostAsync("executive",
                $"{{ drivers(unit: \"{co}\", period: \"2026-05\") {{ linkedResponses }} unit(code: \"CO\") {{ code }} }}");
            Assert.Equal(200, status);
            Assert.Equal("CO", body.GetProperty("data").GetProperty("unit").GetProperty("code").GetString()); // the rest is answered
            var busy = Assert.Single(body.Errors());
            Assert.Equal("BUSY", busy.Code());
            Assert.Equal("Too many driver and verbatim reads are running; none freed up within 0.5 s. Retry shortly.", busy.GetProperty("message").GetString());

            (status, body) = await app.PostAsync("executive", "{ unit(code: \"CO\") { verbatims(period: \"2026-05\") { items { comment } } } }");
            Assert.Equal(200, status);
            Assert.Equal("BUSY", Assert.Single(body.Errors()).Code());
        }
        finally
        {
            release.SetResult(0);
            await Task.WhenAll(holders);
        }
        Assert.Equal(4, gate.Free);
        var (after, answer) = await app.PostAsync("executive", $"{{ drivers(unit: \"{co}\", period: \"2026-05\") {{ linkedResponses }} }}");
        Assert.Equal(200, after);
        Assert.True(answer.Data().GetProperty("drivers").GetProperty("linkedResponses").GetInt32() > 0);
    }
}

/// <summary>A host whose operations may run 0.2 s and whose raw-fact reads take turns one at a time.</summary>
public sealed class TightBudgetApp : HardenedApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("GraphQL:TimeoutSeconds", "0.2"), ("GraphQL:RawFactReaders", "1"), ("GraphQL:RawFactWaitSeconds", "30"), ("GraphQL:MaxCost", "10000000")];
}

/// <summary>§4: past the time budget an operation ends in a TIMEOUT error, and its database work stops with it.</summary>
public sealed class TimeBudgetTests(TightBudgetApp app) : IClassFixture<TightBudgetApp>
{
    [Fact]
    public async Task An_operation_past_its_time_budget_ends_in_TIMEOUT_and_leaves_no_statement_running()
    {
        // 40 driver analyses of the whole company over its whole history, one at a time through the gate: far past 0.2 s
        var co = await app.IdAsync("CO");
        var aliases = string.Concat(Enumerable.Range(0, 40).Select(i => $" d{i}: drivers(unit: \"{co}\", period: \"1900-01-01..2999-12-31\") {{ linkedResponses }}"));
        var (status, body) = await app.PostAsync("executive", "{" + aliases + " }");
        Assert.Equal(200, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var error = Assert.Single(body.Errors());
        Assert.Equal("TIMEOUT", error.Code());
        Assert.Equal("The operation ran longer than its time budget of 0.2 s and was stopped; ask for less (a shorter period, fewer units or fields).",
            error.GetProperty("message").GetString());

        // the cancelled statement is gone from the server (cancellation is sent to PostgreSQL, not just abandoned)
        var running = -1L;
        for (var i = 0; i < 50 && running != 0; i++)
        {
            await Task.Delay(100);
            running = await app.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()");
        }
        Assert.Equal(0, running);
        await app.AssertAliveAsync();
    }
}
