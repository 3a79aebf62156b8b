using CxDashboard.Tests.Infrastructure;
using Npgsql;

namespace CxDashboard.Tests.Hierarchy;

public sealed class OrgClosureTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    private async Task<string> AddUnitAsync(string code, string kind, string? parentCode)
    {
        await db.ExecuteAsync(
            "INSERT INTO org_unit (kind, code, name, parent_id) VALUES ($1, $2, $2, (SELECT id FROM org_unit WHERE code = $3))",
            kind, code, parentCode);
        return code;
    }

    private async Task<HashSet<(string Ancestor, string Descendant, int Depth)>> ClosureUnderAsync(string prefix) =>
        (await db.RowsAsync("""
            SELECT a.code, d.code, c.depth FROM org_unit_closure c
            JOIN org_unit a ON a.id = c.ancestor_id JOIN org_unit d ON d.id = c.descendant_id
            WHERE a.code LIKE $1 || '%'
            """, prefix))
        .Select(r => ((string)r[0]!, (string)r[1]!, (int)r[2]!)).ToHashSet();

    [Fact]
    public async Task Closure_lists_every_ancestor_descendant_pair_with_its_depth()
    {
        var p = "T1-";
        await AddUnitAsync(p + "CO", "company", null);
        await AddUnitAsync(p + "DIV", "division", p + "CO");
        await AddUnitAsync(p + "DEP", "department", p + "DIV");
        await AddUnitAsync(p + "TEAM", "team", p + "DEP");
        await db.ScalarAsync<int>("SELECT rebuild_org_closure()");

        // Written out by hand: 4 self pairs, 3 + 2 + 1 proper pairs.
        var expected = new HashSet<(string, string, int)>
        {
            (p + "CO", p + "CO", 0), (p + "CO", p + "DIV", 1), (p + "CO", p + "DEP", 2), (p + "CO", p + "TEAM", 3),
            (p + "DIV", p + "DIV", 0), (p + "DIV", p + "DEP", 1), (p + "DIV", p + "TEAM", 2),
            (p + "DEP", p + "DEP", 0), (p + "DEP", p + "TEAM", 1),
            (p + "TEAM", p + "TEAM", 0),
        };
        Assert.Equal(expected, await ClosureUnderAsync(p));
    }

    [Fact]
    public async Task Moving_a_subtree_rewrites_its_ancestors_and_leaves_others_alone()
    {
        var p = "T2-";
        await AddUnitAsync(p + "CO", "company", null);
        await AddUnitAsync(p + "A", "division", p + "CO");
        await AddUnitAsync(p + "B", "division", p + "CO");
        await AddUnitAsync(p + "A1", "department", p + "A");
        await AddUnitAsync(p + "A1T", "team", p + "A1");
        await db.ScalarAsync<int>("SELECT rebuild_org_closure()");

        await db.ExecuteAsync("UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = $1) WHERE code = $2", p + "B", p + "A1");
        await db.ScalarAsync<int>("SELECT rebuild_org_closure()");

        var closure = await ClosureUnderAsync(p);
        Assert.Contains((p + "B", p + "A1", 1), closure);
        Assert.Contains((p + "B", p + "A1T", 2), closure);
        Assert.Contains((p + "CO", p + "A1T", 3), closure);
        Assert.DoesNotContain(closure, c => c.Ancestor == p + "A" && c.Descendant != p + "A");
        Assert.Equal(12, closure.Count); // 5 self + CO→4 + B→2 + A1→1
    }

    [Fact]
    public async Task A_cycle_is_refused_with_the_units_named()
    {
        var p = "T3-";
        await AddUnitAsync(p + "X", "division", null);
        await AddUnitAsync(p + "Y", "department", p + "X");
        await db.ExecuteAsync("UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = $1) WHERE code = $2", p + "Y", p + "X");

        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<int>("SELECT rebuild_org_closure()"));
        Assert.Contains("cycle", ex.MessageText);
        Assert.Contains(p + "X", ex.MessageText);
        await db.ExecuteAsync("UPDATE org_unit SET parent_id = NULL WHERE code = $1", p + "X");
    }

    [Fact]
    public async Task Month_partitions_are_created_on_demand_and_rows_land_in_them()
    {
        await AddUnitAsync("T4-U", "team", null);
        var created = await db.ScalarAsync<int>("SELECT ensure_month_partitions('survey_response', '2025-11-20T10:00:00Z', '2026-01-03T00:00:00Z')");
        var again = await db.ScalarAsync<int>("SELECT ensure_month_partitions('survey_response', '2025-11-20T10:00:00Z', '2026-01-03T00:00:00Z')");
        await db.ExecuteAsync("""
            INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, nps)
            VALUES ('r1', '2025-12-31T23:59:59Z', (SELECT id FROM org_unit WHERE code = 'T4-U'), 'chat', 'service', 'consumer', 9)
            """);

        Assert.Equal(3, created);
        Assert.Equal(0, again);
        Assert.Equal("survey_response_y2025m12",
            await db.ScalarAsync<string>("SELECT tableoid::regclass::text FROM survey_response WHERE external_id = 'r1'"));
    }

    [Fact]
    public async Task A_row_outside_every_partition_is_rejected_not_lost()
    {
        await AddUnitAsync("T5-U", "team", null);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("""
            INSERT INTO interaction (external_id, customer_key, opened_at, org_unit_id, channel, journey_stage, segment)
            VALUES ('i1', 'c1', '1999-01-01T00:00:00Z', (SELECT id FROM org_unit WHERE code = 'T5-U'), 'phone', 'service', 'consumer')
            """));
        Assert.Equal("23514", ex.SqlState); // no partition of relation found for row
    }
}
