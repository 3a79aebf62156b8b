using System.Diagnostics;
using System.Text.Json;
using CxDashboard.Api.GraphQL;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Validation;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// The read API through the GraphQL engine (schema, executor, DataLoaders) with a caller's claims:
/// figures against plain SQL over raw rows, scope per persona, and SQL commands counted from
/// Npgsql's own tracing (ActivitySource "Npgsql"), per query.
/// </summary>
public sealed class GraphQLReadTests(ReadApp app) : IClassFixture<ReadApp>
{
    private static readonly GraphQLExecutor Executor = new(GraphQLExtensions.BuildCxSchema(), new GraphQLExecutorOptions { Validation = new ValidationOptions { MaxDepth = GraphQLExtensions.MaxDepth } });
    private static readonly ActivitySource TestSource = new("CxDashboard.Tests.GraphQLRead");

    private async Task<(JsonElement Data, JsonElement? Errors, int Commands)> RunAsync(string query, string role, string[]? units = null, string[]? partners = null)
    {
        var (scope, _) = app.CallerWith(role, units, partners);
        await using var _s = scope;
        var commands = 0;
        var database = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
        using var root = new Activity("graphql-read-test");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" || s == TestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        listener.ActivityStopped = a =>
        {
            // Only this class's database (test classes run in parallel on other databases; this class's tests run one at a time).
            if (a.Source.Name == "Npgsql" && a.TagObjects.Any(t => t.Value is string v && v == database)) Interlocked.Increment(ref commands);
        };
        ActivitySource.AddActivityListener(listener);
        root.Start();
        var result = await Executor.ExecuteAsync(new ExecutionRequest { Query = query, Services = scope.ServiceProvider });
        root.Stop();
        var json = JsonSerializer.SerializeToElement(new { data = result.Data, errors = result.Errors?.Select(e => new { message = e.Message, path = e.Path, extensions = e.Extensions }) });
        var errors = json.GetProperty("errors").ValueKind == JsonValueKind.Null ? (JsonElement?)null : json.GetProperty("errors");
        return (json.GetProperty("data"), errors, Volatile.Read(ref commands));
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

        var (data, errors, _) = await RunAsync($$"""
            { unit(code: "CO") { value(metric: "nps", period: "{{month:yyyy-MM}}") { value n low high lowConfidence suppressed
                previous { value n period } change { difference z significant } } } }
            """, "executive", units: ["CO"]);

        Assert.Null(errors);
        var v = data.GetProperty("unit").GetProperty("value");
        Assert.Equal(Nps(now), v.GetProperty("value").GetDouble(), 9);
        Assert.Equal(now.N, v.GetProperty("n").GetInt64());
        Assert.Equal(Nps(before), v.GetProperty("previous").GetProperty("value").GetDouble(), 9);
        Assert.Equal($"{month.AddMonths(-1):yyyy-MM}", v.GetProperty("previous").GetProperty("period").GetString());
        Assert.Equal(Nps(now) - Nps(before), v.GetProperty("change").GetProperty("difference").GetDouble(), 9);
        Assert.Equal(z, v.GetProperty("change").GetProperty("z").GetDouble(), 9);
        Assert.Equal(Math.Abs(z) > 1.96, v.GetProperty("change").GetProperty("significant").GetBoolean());
        Assert.True(v.GetProperty("low").GetDouble() < Nps(now) + 1 && v.GetProperty("high").GetDouble() > Nps(now) - 1);
    }

    [Theory]
    [InlineData("""{ unit(code: "DEP-RETAIL-ONLINE") { name } }""")]
    [InlineData("""{ a: unit(code: "DEP-RETAIL-STORES") { name } b: unit(code: "DIV-RETAIL") { name } }""")]
    [InlineData("""{ ...F } fragment F on Query { unit(code: "CO") { name } }""")]
    public async Task A_department_head_gets_not_found_for_units_outside_the_scope_by_code_alias_or_fragment(string query)
    {
        var (data, errors, _) = await RunAsync(query, "department_head", units: ["DEP-RETAIL-STORES"]);

        var error = Assert.Single(errors!.Value.EnumerateArray());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("Online", data.ToString());
        Assert.DoesNotContain("Retail\"", data.ToString());
    }

    [Fact]
    public async Task A_department_head_sees_no_parent_sibling_or_hidden_league_row_through_nested_fields()
    {
        var month = await app.LastFullMonthAsync();
        var (data, errors, _) = await RunAsync($$"""
            { unit(code: "DEP-RETAIL-STORES") { parent { code } children { code parent { code } } breadcrumb { name unit { code } } }
              units { code } partners { code } partnerLeague(metric: "nps", period: "{{month:yyyy}}") { rank } }
            """, "department_head", units: ["DEP-RETAIL-STORES"]);

        Assert.Null(errors);
        var unit = data.GetProperty("unit");
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("parent").ValueKind);
        Assert.Equal(4, unit.GetProperty("children").GetArrayLength());
        Assert.All(unit.GetProperty("children").EnumerateArray(), c => Assert.Equal("DEP-RETAIL-STORES", c.GetProperty("parent").GetProperty("code").GetString()));
        Assert.Equal(["Northwind Group", "Retail"], unit.GetProperty("breadcrumb").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(unit.GetProperty("breadcrumb").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("unit").ValueKind));
        Assert.Equal(["DEP-RETAIL-STORES"], data.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(0, data.GetProperty("partners").GetArrayLength());
        Assert.Equal(0, data.GetProperty("partnerLeague").GetArrayLength());
    }

    [Fact]
    public async Task A_partner_manager_league_table_holds_only_their_partner()
    {
        var year = await app.LastFullMonthAsync();
        var (data, errors, _) = await RunAsync($$"""{ partnerLeague(metric: "fcr", period: "{{year:yyyy}}") { rank partner { code engagements { code } } value { n } } }""",
            "partner_manager", partners: ["PRT-ACME"]);

        Assert.Null(errors);
        var row = Assert.Single(data.GetProperty("partnerLeague").EnumerateArray());
        Assert.Equal("PRT-ACME", row.GetProperty("partner").GetProperty("code").GetString());
        Assert.Equal(3, row.GetProperty("partner").GetProperty("engagements").GetArrayLength());
    }

    [Fact]
    public async Task Bad_arguments_are_clear_field_errors()
    {
        var (_, errors, _) = await RunAsync("""{ unit(code: "CO") { a: value(metric: "nps", period: "March") { n } b: value(metric: "happiness", period: "2025-03") { n } } }""",
            "executive", units: ["CO"]);

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
        var (whole, e1, companyCommands) = await RunAsync(query, "executive", units: ["CO"]);
        var (part, e2, divisionCommands) = await RunAsync(query, "department_head", units: ["DIV-RETAIL"]);

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
}
