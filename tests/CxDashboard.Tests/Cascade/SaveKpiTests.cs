using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Scorecards;

namespace CxDashboard.Tests.Cascade;

/// <summary>
/// <c>saveKpi</c> over HTTP on PostgreSQL: a KPI, its status rule and its targets in one call and one transaction.
/// Any refused field or target leaves the KPI row and every target as they were (read back with plain SQL), and
/// each error names its field, down to the target's row and column (<c>input.targets[2].value</c>).
/// </summary>
public sealed class SaveKpiTests(CxApp app) : IClassFixture<CxApp>
{
    private const string Save = """
        mutation($input: SaveKpiInput!) { saveKpi(input: $input) { id weight shared owner defaultStatusRule statusRule { status measure min max } } }
        """;

    private async Task<long> UnitAsync(string prefix)
    {
        var f = new FactsBuilder(app, prefix).Unit("C", "company").Unit("A", "department", "C");
        await f.BuildAsync();
        return await f.IdAsync("A");
    }

    /// <summary>The KPI row and its targets as plain text, straight from the tables.</summary>
    private async Task<string> StoredAsync(long kpi) =>
        await app.ScalarAsync<string>("""
            SELECT k.weight || '|' || k.is_shared || '|' || coalesce(k.owner, '-') || '|' || coalesce(k.status_rule::text, 'default') || '|'
                   || coalesce((SELECT string_agg(t.grain || ':' || t.period_start || '=' || t.target, ',' ORDER BY t.grain, t.period_start)
                                FROM kpi_target t WHERE t.kpi_id = k.id), 'no targets')
            FROM kpi k WHERE k.id = $1
            """, kpi) ?? "absent";

    private static object Target(string start, double? value) => new Dictionary<string, object?> { ["periodStart"] = start, ["target"] = value };

    [Fact]
    public async Task One_call_saves_the_kpi_its_status_rule_and_its_targets_and_the_default_rule_comes_back_on_request()
    {
        var unit = await UnitAsync("sk1");
        var created = await app.GraphQLAsync("analyst", Save, new
        {
            input = new
            {
                unit = unit.ToString(), metric = "csat", weight = 2.5, owner = "Dana",
                statusRule = new object[] { new { status = "ON_TRACK", measure = "ACTUAL", min = 80.0 }, new { status = "OFF_TRACK", measure = "ALWAYS" } },
                targets = new[] { Target("2026-01-01", 70), Target("2026-02-01", 71.5) },
            },
        });
        var kpi = created.Data().GetProperty("saveKpi");
        var id = long.Parse(kpi.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(kpi.GetProperty("defaultStatusRule").GetBoolean());
        Assert.Equal(
            """2.5|false|Dana|{"rules": [{"min": 80, "status": "on_track", "measure": "actual"}, {"status": "off_track", "measure": "always"}]}|month:2026-01-01=70,month:2026-02-01=71.5""",
            await StoredAsync(id));

        // Change the weight, replace one target, remove another, add a quarter grain target: still one call.
        var changed = await app.GraphQLAsync("analyst", Save, new
        {
            input = new { id = id.ToString(), weight = 3.0, shared = true, targets = new[] { Target("2026-01-01", 72), Target("2026-02-01", null) } },
        });
        Assert.Equal(3, changed.Data().GetProperty("saveKpi").GetProperty("weight").GetDouble());
        Assert.EndsWith("|month:2026-01-01=72", await StoredAsync(id));
        Assert.StartsWith("3|true|Dana|{", await StoredAsync(id));

        var restored = (await app.GraphQLAsync("analyst", Save, new { input = new { id = id.ToString(), defaultStatusRule = true } })).Data().GetProperty("saveKpi");
        Assert.True(restored.GetProperty("defaultStatusRule").GetBoolean());
        Assert.Equal("3|true|Dana|default|month:2026-01-01=72", await StoredAsync(id));
        // The default, as the API documents it: on track from 100% of target, at risk from 95%, else off track.
        Assert.Equal("ON_TRACK PERCENT_OF_TARGET 100-;AT_RISK PERCENT_OF_TARGET 95-;OFF_TRACK ALWAYS -", string.Join(';',
            restored.GetProperty("statusRule").EnumerateArray().Select(c =>
                $"{c.GetProperty("status").GetString()} {c.GetProperty("measure").GetString()} {Num(c.GetProperty("min"))}-{Num(c.GetProperty("max"))}")));
    }

    [Fact]
    public async Task A_bad_target_in_the_batch_leaves_the_kpi_and_all_its_targets_unchanged()
    {
        var unit = await UnitAsync("sk2");
        var id = long.Parse((await app.GraphQLAsync("analyst", Save, new
        {
            input = new { unit = unit.ToString(), metric = "csat", owner = "Dana", targets = new[] { Target("2026-01-01", 70), Target("2026-02-01", 71) } },
        })).Data().GetProperty("saveKpi").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var before = await StoredAsync(id);
        var revision = await app.ScalarAsync<long>("SELECT revision FROM kpi_revision");

        // Good weight, owner, rule and targets around one CSAT target of 150%: nothing of it may be written.
        var refused = await app.GraphQLAsync("analyst", Save, new
        {
            input = new
            {
                id = id.ToString(), weight = 4.0, owner = "Lee", shared = true,
                statusRule = new object[] { new { status = "ON_TRACK", measure = "ACTUAL", min = 60.0 }, new { status = "OFF_TRACK", measure = "ALWAYS" } },
                targets = new[] { Target("2026-01-01", 75), Target("2026-03-01", 72), Target("2026-04-01", 150), Target("2026-02-01", null) },
            },
        });

        var error = Assert.Single(refused.Errors());
        Assert.Equal(("BAD_USER_INPUT", "input.targets[2].value"), (error.Code(), error.GetProperty("extensions").GetProperty("field").GetString()));
        Assert.Contains("150", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("data").ValueKind);
        Assert.Equal(before, await StoredAsync(id));
        Assert.Equal(revision, await app.ScalarAsync<long>("SELECT revision FROM kpi_revision"));

        // Every problem of a call comes back at once, each at its field: a rule's bound and two targets' cells.
        var many = await app.GraphQLAsync("analyst", Save, new
        {
            input = new
            {
                id = id.ToString(), weight = 0.0,
                statusRule = new object[] { new { status = "AT_RISK", measure = "PERCENT_OF_TARGET", min = 99.0, max = 90.0 } },
                targets = new[] { Target("2026-05-01", -1), Target("2026-05-15", 70) },
            },
        });
        Assert.Equal(
            ["input.weight", "input.statusRule[0].min", "input.targets[0].value", "input.targets[1].periodStart"],
            many.Errors().Select(e => e.GetProperty("extensions").GetProperty("field").GetString()));
        Assert.Equal(before, await StoredAsync(id));
    }

    [Fact]
    public async Task A_new_kpi_with_a_bad_target_is_not_created_and_a_department_head_may_not_save()
    {
        var unit = await UnitAsync("sk3");
        var kpis = () => app.ScalarAsync<long>("SELECT count(*) FROM kpi WHERE org_unit_id = $1", unit);
        var targets = () => app.ScalarAsync<long>("SELECT count(*) FROM kpi_target");
        var targetsBefore = await targets();

        var refused = await app.GraphQLAsync("analyst", Save, new
        {
            input = new { unit = unit.ToString(), metric = "nps", targetGrain = "QUARTER", targets = new[] { Target("2026-04-01", 30), Target("2026-05-01", 31) } },
        });
        var error = Assert.Single(refused.Errors());
        Assert.Equal("input.targets[1].periodStart", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains("not the first day of a quarter", error.GetProperty("message").GetString());
        Assert.Equal(0, await kpis());
        Assert.Equal(targetsBefore, await targets());

        var forbidden = await app.GraphQLAsync("department_head", Save, new { input = new { unit = unit.ToString(), metric = "nps", targets = new[] { Target("2026-04-01", 30) } } });
        Assert.Equal("FORBIDDEN", Assert.Single(forbidden.Errors()).Code());
        Assert.Equal(0, await kpis());

        // Unit, metric and slice are fixed once created: saying them again for an existing KPI is refused at the field.
        var id = (await app.GraphQLAsync("analyst", Save, new { input = new { unit = unit.ToString(), metric = "nps" } })).Data().GetProperty("saveKpi").GetProperty("id").GetString();
        var fixedMetric = await app.GraphQLAsync("analyst", Save, new { input = new { id, metric = "csat" } });
        Assert.Equal("input.metric", Assert.Single(fixedMetric.Errors()).GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal("nps", await app.ScalarAsync<string>("SELECT metric_code FROM kpi WHERE org_unit_id = $1", unit));
    }

    private static string Num(JsonElement e) => e.ValueKind == JsonValueKind.Null ? "" : e.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
