using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// The read API over HTTP (POST /graphql with a persona's bearer token): figures against plain SQL over raw
/// rows, and SQL commands counted per request (<see cref="SqlCommandCount"/>). The scope
/// per persona is in Security/*ScopeTests.
/// </summary>
public sealed class GraphQLReadTests(ReadApp app) : IClassFixture<ReadApp>
{
    private async Task<(JsonElement Data, JsonElement? Errors, int Commands)> RunAsync(string query, string persona)
    {
        app.TokenFor(persona); // minted before counting (the token endpoint reads no SQL, but keep the count to the query)
        using var commands = new SqlCommandCount(app.ConnectionString);
        var body = await app.GraphQLAsync(persona, query);
        var errors = body.TryGetProperty("errors", out var e) ? e : (JsonElement?)null;
        return (body.GetProperty("data"), errors, commands.Count);
    }

    [Fact]
    public async Task A_unit_value_with_previous_period_and_change_equals_plain_sql_and_the_design_formulas()
    {
        var month = await app.LastFullMonthAsync();
        async Task<(long P, long D, long N)> Raw(DateOnly m)
        {
            var r = (await app.RowsAsync("""
                SELECT count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(nps)
                FROM survey_response s JOIN org_unit_closure c ON c.descendant_id = s.org_unit_id JOIN org_unit u ON u.id = c.ancestor_id AND u.code = 'CO'
                WHERE (s.responded_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2
                """, m, m.AddMonths(1).AddDays(-1)))[0];
            return ((long)r[0]!, (long)r[1]!, (long)r[2]!);
        }
        var now = await Raw(month);
        var before = await Raw(month.AddMonths(-1));
        double Nps((long P, long D, long N) x) => 100.0 * (x.P - x.D) / x.N;
        double V((long P, long D, long N) x) { double p = (double)x.P / x.N, d = (double)x.D / x.N; return p + d - (p - d) * (p - d); }
        var z = (Nps(now) - Nps(before)) / (100 * Math.Sqrt(V(now) / now.N + V(before) / before.N));
        // The adjusted-Wald interval of DESIGN §6, written out here from the design text (not the product's code):
        // N′ = N + 3, p = (P + ¾)/N′, d = (D + ¾)/N′, centre 100·(p − d) ± 1.96·100·√((p + d − (p − d)²)/N′).
        (double Low, double High) Wald((long P, long D, long N) x)
        {
            double n = x.N + 3, p = (x.P + 0.75) / n, d = (x.D + 0.75) / n;
            double centre = 100 * (p - d), half = 1.96 * 100 * Math.Sqrt((p + d - (p - d) * (p - d)) / n);
            return (centre - half, centre + half);
        }
        // Worked by hand for P = 50, D = 20, N = 100: N′ = 103, p = 50.75/103 = 0.492718, d = 20.75/103 = 0.201456,
        // centre = 29.1262, p + d − (p − d)² = 0.694175 − 0.084834 = 0.609341, half = 196·√(0.609341/103) = 15.0753,
        // so 14.0509 … 44.2015. The formula above must give that before it judges the API.
        Assert.Equal(14.0509, Wald((50, 20, 100)).Low, 3);
        Assert.Equal(44.2015, Wald((50, 20, 100)).High, 3);

        var (data, errors, _) = await RunAsync($$"""
            { unit(code: "CO") { value(metric: "nps", period: "{{month:yyyy-MM}}") { value n low high lowConfidence suppressed
                previous { value n period } change { difference z significant } } } }
            """, "executive");

        Assert.Null(errors);
        var v = data.GetProperty("unit").GetProperty("value");
        Assert.Equal(Nps(now), v.GetProperty("value").GetDouble(), 9);
        Assert.Equal(now.N, v.GetProperty("n").GetInt64());
        Assert.Equal(Nps(before), v.GetProperty("previous").GetProperty("value").GetDouble(), 9);
        Assert.Equal($"{month.AddMonths(-1):yyyy-MM}", v.GetProperty("previous").GetProperty("period").GetString());
        Assert.Equal(Nps(now) - Nps(before), v.GetProperty("change").GetProperty("difference").GetDouble(), 9);
        Assert.Equal(z, v.GetProperty("change").GetProperty("z").GetDouble(), 9);
        Assert.Equal(Math.Abs(z) > 1.96, v.GetProperty("change").GetProperty("significant").GetBoolean());
        Assert.Equal(Wald(now).Low, v.GetProperty("low").GetDouble(), 9);
        Assert.Equal(Wald(now).High, v.GetProperty("high").GetDouble(), 9);
    }

    [Fact]
    public async Task A_partner_manager_league_table_holds_only_their_partner()
    {
        var year = await app.LastFullMonthAsync();
        var (data, errors, _) = await RunAsync($$"""{ partnerLeague(metric: "fcr", period: "{{year:yyyy}}") { rank partner { code engagements { code } } value { n } } }""",
            "partner_manager");

        Assert.Null(errors);
        var row = Assert.Single(data.GetProperty("partnerLeague").EnumerateArray());
        Assert.Equal("PRT-ACME", row.GetProperty("partner").GetProperty("code").GetString());
        Assert.Equal(3, row.GetProperty("partner").GetProperty("engagements").GetArrayLength());
    }

    [Fact]
    public async Task Bad_arguments_are_clear_field_errors()
    {
        var (_, errors, _) = await RunAsync("""{ unit(code: "CO") { a: value(metric: "nps", period: "March") { n } b: value(metric: "happiness", period: "2025-03") { n } } }""",
            "executive");

        var messages = errors!.Value.EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToArray();
        Assert.Contains(messages, m => m!.Contains("'March' is not a period"));
        Assert.Contains(messages, m => m!.Contains("Unknown metric 'happiness'"));
    }

    [Fact]
    public async Task Company_departments_children_and_13_month_series_cost_the_same_few_commands_however_many_units()
    {
        var month = await app.LastFullMonthAsync();
        var query = $$"""
            { units { children { children { code series(metric: "nps", end: "{{month:yyyy-MM}}", periods: 13) { value n } } } } }
            """;
        var (whole, e1, companyCommands) = await RunAsync(query, "executive");
        var (part, e2, divisionCommands) = await RunAsync(query, "division_head");

        Assert.Null(e1);
        Assert.Null(e2);
        var companyUnits = whole.GetProperty("units")[0].GetProperty("children").EnumerateArray().Sum(d => d.GetProperty("children").GetArrayLength());
        Assert.True(companyUnits >= 30, $"{companyUnits} departments");
        // scope, roots, two levels of children, one batch of values
        Assert.Equal(5, companyCommands);
        Assert.Equal(companyCommands, divisionCommands);
        Assert.All(whole.GetProperty("units")[0].GetProperty("children").EnumerateArray().SelectMany(d => d.GetProperty("children").EnumerateArray()),
            dep => Assert.Equal(13, dep.GetProperty("series").GetArrayLength()));
    }

    [Fact]
    public async Task Verbatims_of_every_department_cost_one_command_and_equal_plain_sql_per_department()
    {
        var month = await app.LastFullMonthAsync();
        const string tree = """{ units { children { children { code } } } }""";
        var withVerbatims = $$"""
            { units { children { children { code verbatims(period: "{{month:yyyy-MM}}", band: NPS_DETRACTORS, first: 2) { items { id } hasNextPage } } } } }
            """;
        var (_, e1, treeCommands) = await RunAsync(tree, "executive");
        var (data, e2, commands) = await RunAsync(withVerbatims, "executive");

        Assert.Null(e1);
        Assert.Null(e2);
        // The tree plus ONE command for the comment pages of every department (not one per department).
        Assert.Equal(treeCommands + 1, commands);
        var departments = data.GetProperty("units")[0].GetProperty("children").EnumerateArray().SelectMany(d => d.GetProperty("children").EnumerateArray()).ToList();
        Assert.True(departments.Count >= 30, $"{departments.Count} departments");

        // Each department's two newest detractor comments in its subtree, and whether there are more, from the raw rows.
        var rows = await app.RowsAsync("""
            SELECT u.code, x.id, x.rn, x.total FROM org_unit u
            JOIN LATERAL (
                SELECT r.id, row_number() OVER (ORDER BY r.responded_at DESC, r.id DESC) AS rn, count(*) OVER () AS total
                FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id AND c.ancestor_id = u.id
                WHERE r.comment <> '' AND r.nps <= 6 AND r.responded_at >= $1 AND r.responded_at < $2) x ON x.rn <= 2
            WHERE u.kind = 'department'
            """, new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var expected = rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => (Ids: g.OrderBy(r => (long)r[2]!).Select(r => ((long)r[1]!).ToString()).ToArray(), More: (long)g.First()[3]! > 2));
        Assert.True(expected.Count >= 10, $"only {expected.Count} departments have detractor comments in {month:yyyy-MM}");
        foreach (var dep in departments)
        {
            var code = dep.GetProperty("code").GetString()!;
            var page = dep.GetProperty("verbatims");
            var (ids, more) = expected.GetValueOrDefault(code, ([], false));
            Assert.Equal(ids, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray());
            Assert.Equal(more, page.GetProperty("hasNextPage").GetBoolean());
        }
    }
}
