using System.Globalization;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Scorecards;

namespace CxDashboard.Tests.Cascade;

/// <summary>
/// A refused KPI input says each problem twice over HTTP: in English (message, as before) and as a stable code with
/// its values (<c>extensions.problem</c>, <c>extensions.params</c>), which the web says in its reader's language. The
/// params are checked against what was sent and the metric's documented range (NPS is a score from −100 to 100),
/// and nothing is written (plain SQL).
/// </summary>
public sealed class KpiProblemCodeTests(CxApp app) : IClassFixture<CxApp>
{
    private const string Save = "mutation($input: SaveKpiInput!) { saveKpi(input: $input) { id } }";

    private static object Target(string start, double? value) => new Dictionary<string, object?> { ["periodStart"] = start, ["target"] = value };

    private static JsonElement Ext(JsonElement error) => error.GetProperty("extensions");

    private static string Params(JsonElement error) =>
        string.Join(",", Ext(error).GetProperty("params").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));

    private async Task<(long Unit, long Kpi)> KpiAsync(string prefix)
    {
        var f = new FactsBuilder(app, prefix).Unit("C", "company").Unit("A", "department", "C");
        await f.BuildAsync();
        var unit = await f.IdAsync("A");
        var created = await app.GraphQLAsync("analyst", Save, new { input = new { unit = unit.ToString(CultureInfo.InvariantCulture), metric = "nps", targets = new[] { Target("2026-01-01", 30) } } });
        return (unit, long.Parse(created.Data().GetProperty("saveKpi").GetProperty("id").GetString()!, CultureInfo.InvariantCulture));
    }

    private Task<string?> StoredAsync(long kpi) => app.ScalarAsync<string>("""
        SELECT k.weight || '|' || coalesce(k.status_rule::text, 'default') || '|'
               || coalesce((SELECT string_agg(t.period_start || '=' || t.target, ',' ORDER BY t.period_start) FROM kpi_target t WHERE t.kpi_id = k.id), '')
        FROM kpi k WHERE k.id = $1
        """, kpi);

    [Fact]
    public async Task A_bad_target_rule_bound_and_weight_come_back_with_their_codes_and_the_values_sent()
    {
        var (_, kpi) = await KpiAsync("kpc1");
        var before = await StoredAsync(kpi);
        Assert.Equal("1|default|2026-01-01=30", before);

        var refused = await app.GraphQLAsync("analyst", Save, new
        {
            input = new
            {
                id = kpi.ToString(CultureInfo.InvariantCulture), weight = 0.0,
                statusRule = new object[] { new { status = "AT_RISK", measure = "ACTUAL", min = 99.0, max = 90.0 } },
                targets = new[] { Target("2026-02-01", 40), Target("2026-03-01", 150) },
            },
        });

        var errors = refused.Errors().ToDictionary(e => Ext(e).GetProperty("field").GetString()!);
        Assert.Equal(["input.statusRule[0].min", "input.targets[1].value", "input.weight"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, e => Assert.Equal("BAD_USER_INPUT", e.Code()));

        // NPS is a score: −100 to 100. The value is the 150 sent for March.
        var target = errors["input.targets[1].value"];
        Assert.Equal("OUT_OF_RANGE", Ext(target).GetProperty("problem").GetString());
        Assert.Equal("max=100,metric=nps,min=-100,unit=score,value=150", Params(target));
        Assert.Equal("input.targets[1].value: 150 is out of range: nps (score) takes values from -100 to 100", target.GetProperty("message").GetString());

        var bound = errors["input.statusRule[0].min"];
        Assert.Equal("RULE_MIN_ABOVE_MAX", Ext(bound).GetProperty("problem").GetString());
        Assert.Equal("max=90,min=99", Params(bound));
        Assert.Equal("input.statusRule[0].min: min (99) is greater than max (90)", bound.GetProperty("message").GetString());

        var weight = errors["input.weight"];
        Assert.Equal("WEIGHT_OUT_OF_RANGE", Ext(weight).GetProperty("problem").GetString());
        Assert.Equal("max=100,value=0", Params(weight));
        Assert.Equal("input.weight: must be greater than 0 and at most 100", weight.GetProperty("message").GetString());

        Assert.Equal(before, await StoredAsync(kpi));
    }

    [Fact]
    public async Task A_check_in_on_a_day_that_starts_no_month_names_the_date_and_grain_and_records_nothing()
    {
        var (_, kpi) = await KpiAsync("kpc2");
        var refused = await app.GraphQLAsync("analyst",
            "mutation($k: ID!) { recordCheckin(input: { kpi: $k, periodStart: \"2026-03-15\", status: ON_TRACK, note: \"ok\" }) { id } }",
            new { k = kpi.ToString(CultureInfo.InvariantCulture) });
        var error = Assert.Single(refused.Errors());
        Assert.Equal(("input.periodStart", "NOT_PERIOD_START"), (Ext(error).GetProperty("field").GetString(), Ext(error).GetProperty("problem").GetString()));
        Assert.Equal("date=2026-03-15,grain=month", Params(error));
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM kpi_checkin WHERE kpi_id = $1", kpi));
    }

    [Fact]
    public async Task A_slice_value_outside_the_channels_lists_the_allowed_ones_and_creates_nothing()
    {
        var f = new FactsBuilder(app, "kpc3").Unit("C", "company").Unit("A", "department", "C");
        await f.BuildAsync();
        var unit = await f.IdAsync("A");
        var refused = await app.GraphQLAsync("analyst", Save, new
        {
            input = new { unit = unit.ToString(CultureInfo.InvariantCulture), metric = "csat", sliceDimension = "CHANNEL", sliceValue = "fax" },
        });
        var error = Assert.Single(refused.Errors());
        Assert.Equal("UNKNOWN_SLICE_VALUE", Ext(error).GetProperty("problem").GetString());
        var p = Ext(error).GetProperty("params");
        Assert.Equal(("fax", "channel"), (p.GetProperty("value").GetString(), p.GetProperty("dimension").GetString()));
        // the channels the product knows (DESIGN §2): the same list the English message names
        var allowed = p.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(["phone", "ivr", "chat", "email", "app", "store", "social"], allowed);
        Assert.EndsWith($"(one of {string.Join(", ", allowed)})", error.GetProperty("message").GetString());
        Assert.Equal(0, await app.ScalarAsync<long>("SELECT count(*) FROM kpi WHERE org_unit_id = $1", unit));
    }

    [Fact]
    public async Task A_kpi_outside_the_scope_is_not_found_with_its_problem_code()
    {
        var refused = await app.GraphQLAsync("analyst", Save, new { input = new { id = "999999999", weight = 2.0 } });
        var error = Assert.Single(refused.Errors());
        Assert.Equal(("NOT_FOUND", "KPI_NOT_FOUND"), (error.Code(), Ext(error).GetProperty("problem").GetString()));
        Assert.Equal("id=999999999", Params(error));
    }
}
