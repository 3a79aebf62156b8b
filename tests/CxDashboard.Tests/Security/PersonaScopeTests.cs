using System.Globalization;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Security;

/// <summary>
/// What one persona can reach through POST /graphql with its bearer token: a unit beside its scope (the
/// "sibling") is unreachable by id, code, alias, fragment, nested children, parent, verbatims, league table,
/// cascade reads and mutations, while its own unit answers the same queries. Expected sets come from plain
/// SQL walking <c>org_unit.parent_id</c> (not the closure table the scope component uses).
/// Each persona's class (ExecutiveScopeTests, …) runs every test below.
/// </summary>
public abstract class PersonaScopeTests(ScopeApp app)
{
    protected ScopeApp App { get; } = app;

    /// <summary>The persona whose demo token the requests carry.</summary>
    protected abstract string Persona { get; }

    /// <summary>The top unit of the persona's scope.</summary>
    protected abstract string Own { get; }

    /// <summary>A unit beside <see cref="Own"/>, outside the scope.</summary>
    protected abstract string Sibling { get; }

    /// <summary>An out-of-scope unit owning KPIs (the sibling itself when it has any).</summary>
    protected abstract string SiblingKpiUnit { get; }

    /// <summary>The token's scope claims, for the independent SQL.</summary>
    protected abstract string[] ScopeUnits { get; }

    protected virtual string[] ScopePartners => [];

    /// <summary>Refusal of createKpi / setKpiTargets on the sibling: FORBIDDEN for roles without KPI admin, NOT_FOUND (scope) for analysts.</summary>
    protected abstract string AdminRefusal { get; }

    /// <summary>Refusal of recordCheckin on the sibling's KPI: FORBIDDEN for roles that do not check in, else NOT_FOUND.</summary>
    protected abstract string CheckinRefusal { get; }

    protected Task<JsonElement> GraphQLAsync(string query, object? variables = null) => App.GraphQLAsync(Persona, query, variables);

    /// <summary>Codes of the units the scope claims cover: the claimed units and partners' engagements, and everything under them.</summary>
    protected async Task<HashSet<string>> VisibleCodesAsync() =>
        (await App.RowsAsync("""
            WITH RECURSIVE tree AS (
                SELECT u.id, u.code FROM org_unit u LEFT JOIN partner p ON p.id = u.partner_id
                WHERE u.code = ANY($1) OR (u.kind = 'partner' AND p.code = ANY($2))
                UNION
                SELECT c.id, c.code FROM org_unit c JOIN tree t ON c.parent_id = t.id)
            SELECT code FROM tree
            """, ScopeUnits, ScopePartners)).Select(r => (string)r[0]!).ToHashSet();

    private async Task<string> IdOfAsync(string code) => (await App.UnitIdAsync(code)).ToString(CultureInfo.InvariantCulture);

    private void AssertSiblingAbsent(JsonElement body)
    {
        var data = body.GetProperty("data").ToString();
        Assert.DoesNotContain($"\"{Sibling}\"", data);
    }

    private static void AssertNotFoundAt(JsonElement body, string path)
    {
        var error = Assert.Single(body.Errors());
        Assert.Equal("NOT_FOUND", error.Code());
        Assert.Equal(path, error.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Sibling_unit_by_id_is_not_found_while_the_own_unit_is_found()
    {
        const string query = "query($id: ID!) { unit(id: $id) { code name } }";
        Assert.Equal(Own, (await GraphQLAsync(query, new { id = await IdOfAsync(Own) })).Data().GetProperty("unit").GetProperty("code").GetString());

        var denied = await GraphQLAsync(query, new { id = await IdOfAsync(Sibling) });
        AssertNotFoundAt(denied, "unit");
        Assert.Equal(JsonValueKind.Null, denied.GetProperty("data").GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task Sibling_unit_by_code_is_not_found_while_the_own_unit_is_found()
    {
        const string query = "query($c: String!) { unit(code: $c) { code name } }";
        Assert.Equal(Own, (await GraphQLAsync(query, new { c = Own })).Data().GetProperty("unit").GetProperty("code").GetString());

        var denied = await GraphQLAsync(query, new { c = Sibling });
        AssertNotFoundAt(denied, "unit");
        AssertSiblingAbsent(denied);
    }

    [Fact]
    public async Task Sibling_unit_under_an_alias_next_to_the_own_unit_is_not_found()
    {
        var body = await GraphQLAsync("query($own: String!, $sib: String!) { mine: unit(code: $own) { code } theirs: unit(code: $sib) { code children { code } } }",
            new { own = Own, sib = Sibling });

        AssertNotFoundAt(body, "theirs");
        Assert.Equal(Own, body.GetProperty("data").GetProperty("mine").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("theirs").ValueKind);
        AssertSiblingAbsent(body);
    }

    [Fact]
    public async Task Sibling_unit_through_named_and_inline_fragments_is_not_found()
    {
        var body = await GraphQLAsync("""
            query($id: ID!, $sib: String!) { ...ByCode ... on Query { byId: unit(id: $id) { ...Fields } } }
            fragment ByCode on Query { byCode: unit(code: $sib) { ...Fields } }
            fragment Fields on OrgUnit { code name children { code } }
            """, new { id = await IdOfAsync(Sibling), sib = Sibling });

        var errors = body.Errors();
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.Equal("NOT_FOUND", e.Code()));
        Assert.Equal(["byCode", "byId"], errors.Select(e => e.GetProperty("path")[0].GetString()).Order());
        AssertSiblingAbsent(body);
    }

    [Fact]
    public async Task Nested_children_from_the_scope_tops_reach_exactly_the_visible_subtree()
    {
        var body = await GraphQLAsync("{ units { code children { code children { code children { code children { code } } } } } }");

        var codes = new List<string>();
        void Walk(JsonElement units)
        {
            foreach (var u in units.EnumerateArray())
            {
                codes.Add(u.GetProperty("code").GetString()!);
                if (u.TryGetProperty("children", out var kids)) Walk(kids);
            }
        }
        Walk(body.Data().GetProperty("units"));
        var expected = await VisibleCodesAsync();
        Assert.Contains(Own, expected);
        Assert.DoesNotContain(Sibling, expected);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(expected.Order(), codes.Order());
    }

    [Fact]
    public async Task Parent_of_the_scope_top_is_null_and_its_breadcrumb_shows_names_only()
    {
        var body = await GraphQLAsync("""
            query($own: String!) { unit(code: $own) { parent { code children { code } } breadcrumb { name unit { code } } children { code parent { code } } } }
            """, new { own = Own });

        var unit = body.Data().GetProperty("unit");
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("parent").ValueKind);
        var ancestors = (await App.RowsAsync("""
            WITH RECURSIVE up AS (
                SELECT parent_id, 0 AS depth FROM org_unit WHERE code = $1
                UNION ALL
                SELECT u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id)
            SELECT u.name FROM up JOIN org_unit u ON u.id = up.parent_id ORDER BY up.depth DESC
            """, Own)).Select(r => (string?)r[0]).ToArray();
        Assert.NotEmpty(ancestors);
        Assert.Equal(ancestors, unit.GetProperty("breadcrumb").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(unit.GetProperty("breadcrumb").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("unit").ValueKind));
        // Inside the scope, parent links work: every child's parent is the own unit.
        Assert.All(unit.GetProperty("children").EnumerateArray(), c => Assert.Equal(Own, c.GetProperty("parent").GetProperty("code").GetString()));
        AssertSiblingAbsent(body);
    }

    [Fact]
    public async Task Verbatims_cover_only_the_visible_subtree_and_the_siblings_are_not_found()
    {
        var year = await App.YearAsync();
        const string query = "query($c: String!, $p: String!) { unit(code: $c) { verbatims(period: $p, first: 100) { items { id unit { code } } } } }";

        var own = await GraphQLAsync(query, new { c = Own, p = year });
        var items = own.Data().GetProperty("unit").GetProperty("verbatims").GetProperty("items").EnumerateArray().ToList();
        var expected = (await App.RowsAsync("""
            WITH RECURSIVE tree AS (
                SELECT id FROM org_unit WHERE code = $1
                UNION SELECT c.id FROM org_unit c JOIN tree t ON c.parent_id = t.id)
            SELECT r.id FROM survey_response r JOIN tree t ON t.id = r.org_unit_id
            WHERE r.comment <> '' AND r.responded_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'UTC') AND r.responded_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'UTC')
            ORDER BY r.responded_at DESC, r.id DESC LIMIT 100
            """, Own, int.Parse(year, CultureInfo.InvariantCulture))).Select(r => ((long)r[0]!).ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, items.Select(i => i.GetProperty("id").GetString()));
        var visible = await VisibleCodesAsync();
        Assert.All(items, i => Assert.Contains(i.GetProperty("unit").GetProperty("code").GetString()!, visible));

        var denied = await GraphQLAsync(query, new { c = Sibling, p = year });
        AssertNotFoundAt(denied, "unit");
        Assert.Equal(JsonValueKind.Null, denied.GetProperty("data").GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task League_table_lists_only_partners_with_a_visible_engagement_counted_over_those_engagements()
    {
        var year = await App.YearAsync();
        var body = await GraphQLAsync("""
            query($p: String!) { partners { code } partnerLeague(metric: "nps", period: $p) { partner { code engagements { code } } value { n } } }
            """, new { p = year });

        var data = body.Data();
        var visible = await VisibleCodesAsync();
        var rows = await App.RowsAsync("""
            WITH RECURSIVE tree AS (
                SELECT e.id AS engagement, e.id FROM org_unit e WHERE e.kind = 'partner' AND e.code = ANY($1)
                UNION SELECT t.engagement, c.id FROM org_unit c JOIN tree t ON c.parent_id = t.id)
            SELECT p.code, string_agg(DISTINCT e.code, ',' ORDER BY e.code),
                   (SELECT count(r.nps) FROM survey_response r JOIN tree t ON t.id = r.org_unit_id JOIN org_unit e2 ON e2.id = t.engagement
                    WHERE e2.partner_id = p.id AND r.responded_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'UTC') AND r.responded_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'UTC'))
            FROM org_unit e JOIN partner p ON p.id = e.partner_id
            WHERE e.code = ANY($1)
            GROUP BY p.id, p.code ORDER BY p.code
            """, visible.ToArray(), int.Parse(year, CultureInfo.InvariantCulture));
        var expected = rows.ToDictionary(r => (string)r[0]!, r => ((string)r[1]!, (long)r[2]!));

        Assert.Equal(expected.Keys.Order(), data.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order());
        var league = data.GetProperty("partnerLeague").EnumerateArray().ToDictionary(
            r => r.GetProperty("partner").GetProperty("code").GetString()!,
            r => (string.Join(',', r.GetProperty("partner").GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Order(StringComparer.Ordinal)),
                  r.GetProperty("value").GetProperty("n").GetInt64()));
        Assert.Equal(expected.OrderBy(kv => kv.Key), league.OrderBy(kv => kv.Key));
        AssertSiblingAbsent(body);
    }

    [Fact]
    public async Task Sibling_scorecard_kpis_and_drivers_are_not_found()
    {
        var variables = new { u = await IdOfAsync(SiblingKpiUnit), k = (await App.KpiOfAsync(SiblingKpiUnit)).ToString(CultureInfo.InvariantCulture), own = await IdOfAsync(Own) };
        var body = await GraphQLAsync("""
            query($u: ID!, $k: ID!, $own: ID!) {
              a: scorecard(unit: $u, period: "2026-09") { score }
              b: kpi(id: $k) { id unit { code } }
              d: drivers(unit: $u, period: "2026-Q3") { linkedResponses }
              mine: kpis(unit: $own) { unit { code } }
            }
            """, variables);
        // kpis is a non-null list: its NOT_FOUND nulls the whole data, so it goes alone.
        var list = await GraphQLAsync("query($u: ID!) { kpis(unit: $u) { id unit { code } } }", new { variables.u });

        var errors = body.Errors();
        Assert.Equal(["a", "b", "d"], errors.Select(e => e.GetProperty("path")[0].GetString()).Order());
        Assert.All(errors, e => Assert.Equal("NOT_FOUND", e.Code()));
        Assert.All(body.GetProperty("data").GetProperty("mine").EnumerateArray(), k => Assert.Equal(Own, k.GetProperty("unit").GetProperty("code").GetString()));
        Assert.DoesNotContain($"\"{SiblingKpiUnit}\"", body.GetProperty("data").ToString());
        AssertNotFoundAt(list, "kpis");
        Assert.Equal(JsonValueKind.Null, list.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Mutations_on_the_siblings_unit_and_kpi_are_refused_and_change_nothing()
    {
        var unit = await IdOfAsync(SiblingKpiUnit);
        var kpi = (await App.KpiOfAsync(SiblingKpiUnit)).ToString(CultureInfo.InvariantCulture);
        const string counts = "SELECT (SELECT count(*) FROM kpi) || '/' || (SELECT count(*) FROM kpi_target) || '/' || (SELECT count(*) FROM kpi_checkin) || '/' || (SELECT coalesce(sum(target), 0) FROM kpi_target)";
        var before = await App.ScalarAsync<string>(counts);

        var create = await GraphQLAsync("""mutation($u: ID!) { createKpi(input: { unit: $u, metric: "abandonment", weight: 0.5 }) { id } }""", new { u = unit });
        var targets = await GraphQLAsync("""
            mutation($k: ID!) { setKpiTargets(input: { kpi: $k, grain: MONTH, targets: [{ periodStart: "2026-08-01", target: 1 }] }) { target } }
            """, new { k = kpi });
        var checkin = await GraphQLAsync("""
            mutation($k: ID!) { recordCheckin(input: { kpi: $k, periodStart: "2026-09-01", status: OFF_TRACK, note: "not mine" }) { id } }
            """, new { k = kpi });

        Assert.Equal(AdminRefusal, Assert.Single(create.Errors()).Code());
        Assert.Equal(AdminRefusal, Assert.Single(targets.Errors()).Code());
        Assert.Equal(CheckinRefusal, Assert.Single(checkin.Errors()).Code());
        Assert.All(new[] { create, targets, checkin }, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("data").ValueKind));
        Assert.Equal(before, await App.ScalarAsync<string>(counts));
    }
}
