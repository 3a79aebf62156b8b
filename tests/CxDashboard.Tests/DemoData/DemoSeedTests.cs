using CxDashboard.Core.DemoData;

namespace CxDashboard.Tests.DemoData;

public sealed class DemoSeedTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Same_seed_gives_identical_facts_and_another_seed_does_not()
    {
        var mine = await SeededDatabase.FingerprintAsync(db.DataSource);

        Assert.Equal(mine, await SeededDatabase.FingerprintOfFreshSeedAsync(SeededDatabase.Options));
        Assert.NotEqual(mine, await SeededDatabase.FingerprintOfFreshSeedAsync(SeededDatabase.Options with { Seed = 7 }));
    }

    [Fact]
    public async Task Organisation_has_the_documented_shape()
    {
        var kinds = (await db.RowsAsync("SELECT kind, count(*) FROM org_unit GROUP BY kind"))
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);

        Assert.Equal(new Dictionary<string, long>
        {
            ["company"] = 1, ["division"] = 5, ["department"] = 30, ["team"] = 120, ["partner"] = 15,
        }, kinds);
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(*) FROM partner"));
        // Partners serve several departments: at least one partner spans three.
        Assert.Equal(3L, await db.ScalarAsync<long>("""
            SELECT max(n) FROM (SELECT partner_id, count(DISTINCT parent_id) n FROM org_unit WHERE kind = 'partner' GROUP BY partner_id) x
            """));
        // Every unit sits under the company in the closure table.
        Assert.Equal(171L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id WHERE a.code = 'CO'
            """));
    }

    [Fact]
    public async Task Every_channel_stage_segment_and_all_13_months_are_present()
    {
        Assert.Equal(7L, await db.ScalarAsync<long>("SELECT count(DISTINCT channel) FROM interaction"));
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(DISTINCT journey_stage) FROM survey_response"));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(DISTINCT segment) FROM survey_response"));
        Assert.Equal(13L, await db.ScalarAsync<long>("SELECT count(DISTINCT date_trunc('month', responded_at AT TIME ZONE 'UTC')) FROM survey_response"));
        Assert.Equal("2025-10", await db.ScalarAsync<string>("SELECT to_char(min(opened_at) AT TIME ZONE 'UTC', 'YYYY-MM') FROM interaction"));
        Assert.Equal("2026-10", await db.ScalarAsync<string>("SELECT to_char(max(opened_at) AT TIME ZONE 'UTC', 'YYYY-MM') FROM interaction"));
    }

    [Fact]
    public async Task Totals_are_close_to_the_requested_sizes_and_most_responses_link_to_an_interaction()
    {
        var responses = await db.ScalarAsync<long>("SELECT count(*) FROM survey_response");
        var interactions = await db.ScalarAsync<long>("SELECT count(*) FROM interaction");
        var linked = await db.ScalarAsync<long>("""
            SELECT count(*) FROM survey_response r WHERE EXISTS (SELECT 1 FROM interaction i WHERE i.external_id = r.interaction_external_id)
            """);

        Assert.InRange(responses, 28_500, 31_500);
        Assert.InRange(interactions, 48_500, 51_500);
        Assert.InRange(linked / (double)responses, 0.77, 0.83);
    }

    [Fact]
    public async Task First_contact_resolution_raises_csat_top2_by_the_planted_20_points()
    {
        // Plain SQL over raw rows: top-2 share with and without first-contact resolution.
        var gap = await db.ScalarAsync<double>("""
            SELECT 100 * (avg((r.csat >= 4)::int) FILTER (WHERE i.resolved_first_contact)
                        - avg((r.csat >= 4)::int) FILTER (WHERE NOT i.resolved_first_contact))
            FROM survey_response r JOIN interaction i ON i.external_id = r.interaction_external_id
            WHERE r.csat IS NOT NULL
            """);

        Assert.InRange(gap, 100 * PlantedEffects.CsatTop2Fcr - 4, 100 * PlantedEffects.CsatTop2Fcr + 4);
    }

    [Fact]
    public async Task Missing_the_sla_lowers_nps_by_about_the_planted_20_points()
    {
        var gap = await db.ScalarAsync<double>("""
            WITH x AS (
                SELECT r.nps, (i.abandoned OR i.first_response_at - i.opened_at > make_interval(secs => i.sla_target_seconds)) AS breached
                FROM survey_response r JOIN interaction i ON i.external_id = r.interaction_external_id
                WHERE r.nps IS NOT NULL)
            SELECT 100 * ((avg((nps >= 9)::int) FILTER (WHERE breached) - avg((nps <= 6)::int) FILTER (WHERE breached))
                        - (avg((nps >= 9)::int) FILTER (WHERE NOT breached) - avg((nps <= 6)::int) FILTER (WHERE NOT breached)))
            FROM x
            """);

        // Breaches also coincide with lower FCR in weak units, so the pooled gap is a little wider than planted.
        Assert.InRange(gap, PlantedEffects.NpsSlaBreachEffect - 8, PlantedEffects.NpsSlaBreachEffect + 5);
    }

    [Fact]
    public async Task Winter_months_show_the_seasonal_nps_dip()
    {
        var rows = await db.RowsAsync("""
            SELECT extract(month FROM responded_at AT TIME ZONE 'UTC') IN (12, 1) AS winter,
                   100 * (avg((nps >= 9)::int) - avg((nps <= 6)::int))
            FROM survey_response WHERE nps IS NOT NULL GROUP BY 1
            """);
        var nps = rows.ToDictionary(r => (bool)r[0]!, r => Convert.ToDouble(r[1]));

        Assert.True(nps[false] - nps[true] > 8, $"winter NPS {nps[true]:0.0} vs rest {nps[false]:0.0}");
    }

    [Fact]
    public async Task Some_units_have_low_volumes_below_the_confidence_and_privacy_floors()
    {
        var perMonth = (await db.RowsAsync("""
            SELECT u.code, count(r.*) / 13.0 FROM org_unit u LEFT JOIN survey_response r ON r.org_unit_id = u.id
            WHERE u.kind IN ('team', 'partner') GROUP BY u.code
            """)).ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1]));

        // Volume factors 0.003 and 0.03 of a normal team: at the default size (300k responses) that is
        // under 5 and under 30 responses a month; this test seeds a tenth of that, so compare ratios.
        var normal = perMonth["TEAM-RETAIL-STORES-SOUTH"];
        Assert.True(perMonth["TEAM-LOGISTICS-INSTALL-SOUTH"] < 0.01 * normal, $"{perMonth["TEAM-LOGISTICS-INSTALL-SOUTH"]} vs {normal}");
        Assert.True(perMonth["TEAM-BUSINESS-ENTERPRISE-EAST"] < 0.06 * normal, $"{perMonth["TEAM-BUSINESS-ENTERPRISE-EAST"]} vs {normal}");
    }

    [Fact]
    public async Task Better_and_worse_units_differ_in_first_contact_resolution_as_planted()
    {
        var fcr = (await db.RowsAsync("""
            SELECT u.code, 100 * avg(i.resolved_first_contact::int) FROM interaction i JOIN org_unit u ON u.id = i.org_unit_id
            WHERE u.code IN ('TEAM-RETAIL-STORES-NORTH', 'TEAM-CARE-CONTACT-SOUTH') GROUP BY u.code
            """)).ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1]));

        // Quality +1 vs −1: 2 × 8 points of FCR apart.
        Assert.InRange(fcr["TEAM-RETAIL-STORES-NORTH"] - fcr["TEAM-CARE-CONTACT-SOUTH"], 10, 22);
    }

    [Fact]
    public async Task Kpi_cascade_links_department_kpis_to_division_and_company()
    {
        var chain = await db.RowsAsync("""
            SELECT pu.code, gu.code FROM kpi k
            JOIN org_unit u ON u.id = k.org_unit_id
            JOIN kpi p ON p.id = k.parent_kpi_id JOIN org_unit pu ON pu.id = p.org_unit_id
            JOIN kpi g ON g.id = p.parent_kpi_id JOIN org_unit gu ON gu.id = g.org_unit_id
            WHERE u.code = 'DEP-RETAIL-STORES' AND k.metric_code = 'nps'
            """);

        Assert.Equal(["DIV-RETAIL", "CO"], chain.Single().Select(v => (string)v!).ToArray());
        Assert.Equal(13L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM kpi_target t JOIN kpi k ON k.id = t.kpi_id JOIN org_unit u ON u.id = k.org_unit_id
            WHERE u.code = 'CO' AND k.metric_code = 'csat'
            """));
    }
}
