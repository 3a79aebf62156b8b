using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Cascade;

/// <summary>
/// The KPI API through HTTP with persona tokens: scorecard figures against plain SQL over raw rows,
/// and the scope and role rules of every mutation (nothing changes when a call is refused).
/// </summary>
public sealed class CascadeApiTests(KpiApp app) : IClassFixture<KpiApp>
{
    private const string Own = "DEP-RETAIL-STORES";        // the department head's subtree
    private const string Sibling = "DEP-CARE-CONTACT";

    [Fact]
    public async Task Department_scorecard_actuals_equal_plain_sql_over_raw_responses()
    {
        var unit = await app.UnitIdAsync(Own);
        var result = await app.GraphQLAsync("department_head", """
            query($u: ID!) { scorecard(unit: $u, period: "2026-09") {
                score kpis { kpi { metric { code } shared } actual n target attainment status trend { periodStart } drivers { kpi { metric { code } } } } } }
            """, new { u = unit.ToString() });
        var kpis = result.Data().GetProperty("scorecard").GetProperty("kpis").EnumerateArray().ToList();

        var rows = await app.RowsAsync("""
            SELECT count(nps), 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps),
                   100.0 * count(*) FILTER (WHERE csat >= 4) / count(csat)
            FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            WHERE c.ancestor_id = $1 AND r.responded_at >= '2026-09-01' AND r.responded_at < '2026-10-01'
            """, unit);
        var nps = kpis.Single(k => k.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "nps");
        Assert.Equal((long)rows[0][0]!, nps.GetProperty("n").GetInt64());
        Assert.Equal((double)(decimal)rows[0][1]!, nps.GetProperty("actual").GetDouble(), 9);
        var csat = kpis.Single(k => k.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "csat");
        Assert.Equal((double)(decimal)rows[0][2]!, csat.GetProperty("actual").GetDouble(), 9);
        // Demo target for CSAT is 75: attainment is actual / 75 in percent.
        Assert.Equal(75, csat.GetProperty("target").GetDouble());
        Assert.Equal(100 * csat.GetProperty("actual").GetDouble() / 75, csat.GetProperty("attainment").GetDouble(), 9);
        Assert.Equal(13, csat.GetProperty("trend").GetArrayLength());
        Assert.Contains("fcr", csat.GetProperty("drivers").EnumerateArray().Select(d => d.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_scorecard_the_executive_read_first_is_still_not_found_for_a_sibling_department_head()
    {
        // The KPI side kept from the executive's read (KpiSideCache) holds the sibling's KPIs unfiltered; the scope still
        // applies to everything that leaves, so the same query for the other department's head finds nothing.
        var sibling = (await app.UnitIdAsync(Sibling)).ToString();
        const string query = """
            query($u: ID!) { scorecard(unit: $u, period: "2026-07") { score kpis { kpi { unit { code } } actual children { kpi { unit { code } } actual } } } }
            """;
        var exec = (await app.GraphQLAsync("executive", query, new { u = sibling })).Data();
        Assert.NotEmpty(exec.GetProperty("scorecard").GetProperty("kpis").EnumerateArray());

        var denied = await app.GraphQLAsync("department_head", query, new { u = sibling });
        Assert.Equal("NOT_FOUND", Assert.Single(denied.Errors()).Code());
        Assert.Equal(JsonValueKind.Null, denied.GetProperty("data").GetProperty("scorecard").ValueKind);
        Assert.DoesNotContain(Sibling, denied.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Company_scorecard_for_a_department_head_lists_no_children_outside_the_subtree()
    {
        // The head cannot open the company scorecard at all …
        var company = (await app.UnitIdAsync("CO")).ToString();
        var denied = await app.GraphQLAsync("department_head", """query($u: ID!) { scorecard(unit: $u, period: "2026-09") { score } }""", new { u = company });
        Assert.Equal("NOT_FOUND", Assert.Single(denied.Errors()).Code());
        // … and the executive sees every department among the company NPS children.
        var exec = await app.GraphQLAsync("executive", """
            query($u: ID!) { scorecard(unit: $u, period: "2026-09") { kpis { kpi { metric { code } } children { kpi { unit { code } } } reconciliation { impliedParentTarget addsUp } } } }
            """, new { u = company });
        var nps = exec.Data().GetProperty("scorecard").GetProperty("kpis").EnumerateArray().First(k => k.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "nps");
        var divisions = await app.ScalarAsync<long>("SELECT count(*) FROM org_unit WHERE kind = 'division'");
        Assert.Equal(divisions, nps.GetProperty("children").GetArrayLength());
        // Every child's demo NPS target is 30 like the company's: the implied figure is 30 and adds up.
        Assert.Equal(30, nps.GetProperty("reconciliation").GetProperty("impliedParentTarget").GetDouble(), 9);
        Assert.True(nps.GetProperty("reconciliation").GetProperty("addsUp").GetBoolean());
    }

    [Fact]
    public async Task Nested_cascade_children_reach_every_department_with_actuals_equal_to_plain_sql()
    {
        // The service fills links only on the requested unit's lines; the second level comes from the
        // child units' scorecards, loaded in one batch. Before that, children { children } was silently empty.
        var company = (await app.UnitIdAsync("CO")).ToString();
        var result = await app.GraphQLAsync("executive", """
            query($u: ID!) { scorecard(unit: $u, period: "2026-09") { kpis { kpi { metric { code } } children { kpi { unit { code } }
                children { kpi { unit { code } } actual n target trend { periodStart } drivers { kpi { metric { code } } } } } } } }
            """, new { u = company });
        var nps = result.Data().GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .Single(k => k.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "nps");
        var departments = nps.GetProperty("children").EnumerateArray().SelectMany(d => d.GetProperty("children").EnumerateArray())
            .ToDictionary(d => d.GetProperty("kpi").GetProperty("unit").GetProperty("code").GetString()!);

        var rows = await app.RowsAsync("""
            SELECT u.code, count(r.nps), 100.0 * (count(*) FILTER (WHERE r.nps >= 9) - count(*) FILTER (WHERE r.nps <= 6)) / count(r.nps)
            FROM org_unit u JOIN org_unit_closure c ON c.ancestor_id = u.id JOIN survey_response r ON r.org_unit_id = c.descendant_id
            WHERE u.kind = 'department' AND r.responded_at >= '2026-09-01' AND r.responded_at < '2026-10-01'
            GROUP BY u.code
            """);
        Assert.Equal(await app.ScalarAsync<long>("SELECT count(*) FROM org_unit WHERE kind = 'department'"), departments.Count);
        Assert.Equal(rows.Select(r => (string)r[0]!).Order(), departments.Keys.Order());
        foreach (var row in rows)
        {
            var line = departments[(string)row[0]!];
            Assert.Equal((long)row[1]!, line.GetProperty("n").GetInt64());
            Assert.Equal((double)(decimal)row[2]!, line.GetProperty("actual").GetDouble(), 9);
            Assert.Equal(30, line.GetProperty("target").GetDouble());
            Assert.Equal(13, line.GetProperty("trend").GetArrayLength());
        }
        // Department NPS is driven by its response-time and repeat-rate KPIs (demo cascade).
        var drivers = departments["DEP-RETAIL-STORES"].GetProperty("drivers").EnumerateArray().Select(d => d.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString());
        Assert.Equal(["repeat_rate", "response_time"], drivers.Order());
    }

    [Fact]
    public async Task A_scorecard_nested_three_cascade_levels_deep_costs_three_commands_sent_at_once_then_two()
    {
        // Nesting spelled through a named fragment and an inline fragment counts as written: company → divisions →
        // departments → partner engagements, every level's lines in the scorecard's one read (two statements on two
        // connections, sent together with the scope lookup). Asked again, the KPI side is kept (KpiSideCache): the
        // scope and the cells, which carry the KPI revision that says the kept side is still current.
        var company = (await app.UnitIdAsync("CO")).ToString();
        const string query = """
            query($u: ID!) { scorecard(unit: $u, period: "2026-08") { kpis { ...line children { ... on ScorecardKpi { ...line
                children { ...line children { ...line } } } } } } }
            fragment line on ScorecardKpi { kpi { unit { code } metric { code } } actual n trend { periodStart } }
            """;
        app.TokenFor("executive"); // minted outside the count
        // August: no other test of this class reads it, so no KPI side of it is kept yet.
        JsonElement data;
        int first, again;
        using (var count = new SqlCommandCount(app.ConnectionString))
        {
            data = (await app.GraphQLAsync("executive", query, new { u = company })).Data();
            first = count.Count;
        }
        using (var count = new SqlCommandCount(app.ConnectionString))
        {
            Assert.Equal(data.GetRawText(), (await app.GraphQLAsync("executive", query, new { u = company })).Data().GetRawText());
            again = count.Count;
        }
        Assert.Equal(3, first); // the caller's scope, the KPI side and the cell side of the scorecard, all three at once
        Assert.Equal(2, again); // the scope and the cells

        // Every engagement line (fourth level) against plain SQL over its raw responses.
        var engagements = data.GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .Single(k => k.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "nps")
            .GetProperty("children").EnumerateArray().SelectMany(d => d.GetProperty("children").EnumerateArray())
            .SelectMany(d => d.GetProperty("children").EnumerateArray())
            .ToDictionary(e => e.GetProperty("kpi").GetProperty("unit").GetProperty("code").GetString()!);
        var rows = await app.RowsAsync("""
            SELECT u.code, count(r.nps), 100.0 * (count(*) FILTER (WHERE r.nps >= 9) - count(*) FILTER (WHERE r.nps <= 6)) / NULLIF(count(r.nps), 0)
            FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id
            JOIN org_unit_closure c ON c.ancestor_id = u.id
            LEFT JOIN survey_response r ON r.org_unit_id = c.descendant_id AND r.responded_at >= '2026-08-01' AND r.responded_at < '2026-09-01'
            WHERE k.metric_code = 'nps' AND u.kind = 'partner'
            GROUP BY u.code
            """);
        Assert.True(rows.Count >= 10, $"{rows.Count} engagements with an NPS KPI");
        Assert.Equal(rows.Select(r => (string)r[0]!).Order(), engagements.Keys.Order());
        foreach (var row in rows)
        {
            var line = engagements[(string)row[0]!];
            Assert.Equal((long)row[1]!, line.GetProperty("n").GetInt64());
            if (row[2] is decimal actual) Assert.Equal((double)actual, line.GetProperty("actual").GetDouble(), 9);
            else Assert.Equal(JsonValueKind.Null, line.GetProperty("actual").ValueKind);
        }
    }

    [Fact]
    public async Task Drivers_of_children_and_their_reconciliation_nested_in_one_query_equal_the_department_scorecard()
    {
        // The links of a second-level line come from the scorecard's batch; they must be exactly what the
        // department's own scorecard shows.
        var company = (await app.UnitIdAsync("CO")).ToString();
        var department = await app.UnitIdAsync(Own);
        var nested = await app.GraphQLAsync("executive", """
            query($u: ID!) { scorecard(unit: $u, period: "2026-09") { kpis { kpi { metric { code } } children { children {
                kpi { unit { code } metric { code } } drivers { kpi { metric { code } } actual n target status } reconciliation { impliedParentTarget childrenVolume } } } } } }
            """, new { u = company });
        var own = await app.GraphQLAsync("executive", """
            query($u: ID!) { scorecard(unit: $u, period: "2026-09") { kpis { kpi { unit { code } metric { code } } drivers { kpi { metric { code } } actual n target status }
                reconciliation { impliedParentTarget childrenVolume } } } }
            """, new { u = department.ToString() });

        var fromNested = nested.Data().GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .SelectMany(k => k.GetProperty("children").EnumerateArray()).SelectMany(d => d.GetProperty("children").EnumerateArray())
            .Where(l => l.GetProperty("kpi").GetProperty("unit").GetProperty("code").GetString() == Own)
            .ToDictionary(l => l.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString()!, l => l.GetRawText());
        var fromOwn = own.Data().GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .Where(l => fromNested.ContainsKey(l.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString()!))
            .ToDictionary(l => l.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString()!, l => l.GetRawText());
        Assert.Equal(["csat", "nps"], fromNested.Keys.Order());
        Assert.Equal(fromOwn, fromNested);
        Assert.Contains("\"repeat_rate\"", fromNested["nps"]);
    }

    [Fact]
    public async Task A_response_time_driver_in_a_nested_scorecard_has_the_median_and_n_of_its_unit()
    {
        // Duration KPIs are the only readers of the histogram columns, which the scorecard batch fetches for their
        // cells alone: the nested line must show the same median as the unit's own value, and n from the raw rows.
        var company = (await app.UnitIdAsync("CO")).ToString();
        var nested = await app.GraphQLAsync("executive", """
            query($u: ID!) { scorecard(unit: $u, period: "2026-09") { kpis { kpi { metric { code } } children { children {
                kpi { unit { code } } drivers { kpi { metric { code } } actual n } } } } } }
            """, new { u = company });
        var line = nested.Data().GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .Single(k => k.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "nps")
            .GetProperty("children").EnumerateArray().SelectMany(d => d.GetProperty("children").EnumerateArray())
            .Single(l => l.GetProperty("kpi").GetProperty("unit").GetProperty("code").GetString() == Own)
            .GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("kpi").GetProperty("metric").GetProperty("code").GetString() == "response_time");
        var own = await app.GraphQLAsync("executive", $$"""{ unit(code: "{{Own}}") { value(metric: "response_time", period: "2026-09") { value n } } }""");
        var value = own.Data().GetProperty("unit").GetProperty("value");
        var n = await app.ScalarAsync<long>("""
            SELECT count(i.first_response_at) FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id
            JOIN org_unit u ON u.id = c.ancestor_id
            WHERE u.code = $1 AND i.opened_at >= '2026-09-01' AND i.opened_at < '2026-10-01'
            """, Own);

        Assert.True(n > 0);
        Assert.Equal(n, line.GetProperty("n").GetInt64());
        Assert.Equal(n, value.GetProperty("n").GetInt64());
        Assert.True(line.GetProperty("actual").GetDouble() > 0);
        Assert.Equal(value.GetProperty("value").GetDouble(), line.GetProperty("actual").GetDouble());
    }

    private const string Checkin = """
        mutation($k: ID!) { recordCheckin(input: { kpi: $k, periodStart: "2026-09-01", status: AT_RISK, value: 71.5, note: "Queue after launch" }) { author status value } }
        """;

    [Fact]
    public async Task Department_head_checks_in_inside_the_subtree_but_not_outside_it()
    {
        var own = await app.KpiIdAsync(Own, "fcr");
        var ok = await app.GraphQLAsync("department_head", Checkin, new { k = own.ToString() });
        var checkin = ok.Data().GetProperty("recordCheckin");
        Assert.Equal("Dana Department-Head", checkin.GetProperty("author").GetString());
        Assert.Equal("AT_RISK", checkin.GetProperty("status").GetString());

        var sibling = await app.KpiIdAsync(Sibling, "fcr");
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM kpi_checkin");
        var denied = await app.GraphQLAsync("department_head", Checkin, new { k = sibling.ToString() });
        Assert.Equal("NOT_FOUND", Assert.Single(denied.Errors()).Code());
        Assert.Equal(JsonValueKind.Null, denied.GetProperty("data").ValueKind);
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM kpi_checkin"));
        // Partner managers do not check in at all.
        var partner = await app.GraphQLAsync("partner_manager", Checkin, new { k = own.ToString() });
        Assert.Equal("FORBIDDEN", Assert.Single(partner.Errors()).Code());
    }

    [Fact]
    public async Task Only_analysts_set_targets_and_create_kpis()
    {
        var own = await app.KpiIdAsync(Own, "csat");
        const string targets = """
            mutation($k: ID!) { setKpiTargets(input: { kpi: $k, grain: MONTH, targets: [{ periodStart: "2026-08-01", target: 80 }] }) { periodStart target } }
            """;
        var denied = await app.GraphQLAsync("department_head", targets, new { k = own.ToString() });
        Assert.Equal("FORBIDDEN", Assert.Single(denied.Errors()).Code());
        Assert.Equal(75m, await app.ScalarAsync<decimal>("SELECT target FROM kpi_target WHERE kpi_id = $1 AND grain = 'month' AND period_start = '2026-08-01'", own));

        var ok = await app.GraphQLAsync("analyst", targets, new { k = own.ToString() });
        var august = ok.Data().GetProperty("setKpiTargets").EnumerateArray().Single(t => t.GetProperty("periodStart").GetString() == "2026-08-01");
        Assert.Equal(80, august.GetProperty("target").GetDouble());

        var unit = (await app.UnitIdAsync(Own)).ToString();
        const string create = """mutation($u: ID!) { createKpi(input: { unit: $u, metric: "abandonment", weight: 0.5 }) { id metric { code } weight shared } }""";
        Assert.Equal("FORBIDDEN", Assert.Single((await app.GraphQLAsync("executive", create, new { u = unit })).Errors()).Code());
        var created = (await app.GraphQLAsync("analyst", create, new { u = unit })).Data().GetProperty("createKpi");
        Assert.Equal(("abandonment", 0.5, false), (created.GetProperty("metric").GetProperty("code").GetString(), created.GetProperty("weight").GetDouble(), created.GetProperty("shared").GetBoolean()));
    }

    [Fact]
    public async Task Bad_input_gives_one_error_per_problem_with_its_field_and_changes_nothing()
    {
        var own = await app.KpiIdAsync(Own, "sla");
        var before = await app.ScalarAsync<string>("SELECT string_agg(period_start || '=' || target, ',' ORDER BY period_start) FROM kpi_target WHERE kpi_id = $1", own);

        var result = await app.GraphQLAsync("analyst", """
            mutation($k: ID!) { setKpiTargets(input: { kpi: $k, grain: QUARTER, targets: [
                { periodStart: "2026-07-01", target: 82 }, { periodStart: "2026-08-01", target: 82 }, { periodStart: "2026-10-01", target: 140 } ] }) { target } }
            """, new { k = own.ToString() });

        var errors = result.Errors();
        Assert.Equal(["input.targets[1].periodStart", "input.targets[2].value"],
            errors.Select(e => e.GetProperty("extensions").GetProperty("field").GetString()));
        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", e.Code()));
        Assert.All(errors, e => Assert.Equal("setKpiTargets", e.GetProperty("path")[0].GetString()));
        Assert.Contains("out of range", errors[1].GetProperty("message").GetString());
        Assert.Equal(before, await app.ScalarAsync<string>("SELECT string_agg(period_start || '=' || target, ',' ORDER BY period_start) FROM kpi_target WHERE kpi_id = $1", own));
    }

    [Fact]
    public async Task Drivers_over_http_count_the_linked_responses_of_the_subtree()
    {
        var unit = await app.UnitIdAsync(Own);
        var result = await app.GraphQLAsync("department_head", """
            query($u: ID!) { drivers(unit: $u, period: "2026-Q3") { linkedResponses drivers { condition processTarget csat { nWith gap gapLow gapHigh estimatedChange } } } }
            """, new { u = unit.ToString() });
        var drivers = result.Data().GetProperty("drivers");
        var linked = await app.ScalarAsync<long>("""
            SELECT count(*) FROM survey_response r JOIN interaction i ON i.external_id = r.interaction_external_id
            JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            WHERE c.ancestor_id = $1 AND r.responded_at >= '2026-07-01' AND r.responded_at < '2026-10-01'
            """, unit);
        Assert.Equal(linked, drivers.GetProperty("linkedResponses").GetInt64());
        var fcr = drivers.GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("condition").GetString() == "RESOLVED_FIRST_CONTACT");
        Assert.Equal(JsonValueKind.Null, fcr.GetProperty("processTarget").ValueKind); // demo targets are monthly; a quarter has none
    }

    [Fact]
    public async Task Analyst_starts_a_rollup_run_through_the_same_queue_as_rest()
    {
        var result = await app.GraphQLAsync("analyst", "mutation { startRollupRun(mode: REBUILD) { enqueued status } }");
        Assert.Equal("rollup-rebuild", result.Data().GetProperty("startRollupRun").GetProperty("enqueued").GetString());
        Assert.True(await app.ScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'rollup-rebuild'") >= 1);
        var denied = await app.GraphQLAsync("department_head", "mutation { startRollupRun { enqueued } }");
        Assert.Equal("FORBIDDEN", Assert.Single(denied.Errors()).Code());
    }
}
