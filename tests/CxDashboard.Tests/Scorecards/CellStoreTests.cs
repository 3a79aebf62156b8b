using CxDashboard.Core.Partners;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;
using CxDashboard.Tests.Rollups;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// The read services under the GraphQL API against plain SQL over the raw rows (survey_response,
/// interaction), never against their own output.
/// </summary>
public sealed class CellStoreTests(RolledUpDatabase db) : IClassFixture<RolledUpDatabase>
{
    private async Task<long> UnitIdAsync(string code) => (await db.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", code));

    private async Task<DateOnly> LastFullMonthAsync() =>
        (DateOnly)(await db.RowsAsync("SELECT (date_trunc('month', max(responded_at) AT TIME ZONE 'UTC') - interval '1 month')::date FROM survey_response"))[0][0]!;

    [Fact]
    public async Task A_division_month_nps_equals_the_pooled_raw_responses_of_its_subtree()
    {
        var unit = await UnitIdAsync("DIV-CARE");
        var month = await LastFullMonthAsync();
        var truth = (await db.RowsAsync("""
            SELECT count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(nps)
            FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id AND c.ancestor_id = $1
            WHERE r.responded_at >= $2 AND r.responded_at < $3
            """, unit, new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))[0];
        long p = (long)truth[0]!, d = (long)truth[1]!, n = (long)truth[2]!;

        var key = CellKey.Unit(unit, Period.Of("month", month));
        var reading = MetricReading.Read("nps", (await new CellStore(db.DataSource).LoadAsync([key]))[key]);

        Assert.True(n > 100, $"too few responses ({n}) for a meaningful check");
        Assert.Equal(n, reading.N);
        Assert.Equal(100.0 * (p - d) / n, reading.Value!.Value, 9);
    }

    [Fact]
    public async Task A_day_range_with_a_channel_slice_sums_day_cells_and_equals_raw_interactions()
    {
        var unit = await UnitIdAsync("DIV-LOGISTICS");
        var month = await LastFullMonthAsync();
        var period = Period.Between(month.AddDays(9), month.AddDays(23));
        var truth = (await db.RowsAsync("""
            SELECT count(*) FILTER (WHERE resolved_first_contact), count(resolved_first_contact)
            FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id AND c.ancestor_id = $1
            WHERE i.channel = 'phone' AND (i.opened_at AT TIME ZONE 'UTC')::date BETWEEN $2 AND $3
            """, unit, period.First, period.Last))[0];

        var key = CellKey.Unit(unit, period, Slice.Of("channel", "phone"));
        var reading = MetricReading.Read("fcr", (await new CellStore(db.DataSource).LoadAsync([key]))[key]);

        Assert.True((long)truth[1]! > 30);
        Assert.Equal((long)truth[1]!, reading.N);
        Assert.Equal(100.0 * (long)truth[0]! / (long)truth[1]!, reading.Value!.Value, 9);
    }

    [Fact]
    public async Task A_breakdown_by_journey_stage_lists_every_stage_with_data_and_matches_raw_csat()
    {
        var unit = await UnitIdAsync("CO");
        var quarter = Period.Of("quarter", await LastFullMonthAsync());
        var truth = (await db.RowsAsync("""
            SELECT journey_stage, count(*) FILTER (WHERE csat >= 4), count(csat) FROM survey_response
            WHERE (responded_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2 GROUP BY 1 ORDER BY 1
            """, quarter.First, quarter.Last)).ToDictionary(r => (string)r[0]!, r => ((long)r[1]!, (long)r[2]!));

        var key = new BreakdownKey(SubjectKind.Unit, unit, quarter, "journey_stage");
        var rows = (await new CellStore(db.DataSource).LoadBreakdownsAsync([key]))[key];

        Assert.Equal(truth.Keys.Order(), rows.Select(r => r.Value).Order());
        foreach (var (stage, stats) in rows)
        {
            var r = MetricReading.Read("csat", stats);
            Assert.Equal(truth[stage].Item2, r.N);
            Assert.Equal(100.0 * truth[stage].Item1 / truth[stage].Item2, r.Value!.Value, 9);
        }
    }

    [Fact]
    public async Task Many_keys_are_read_in_one_call_and_missing_cells_read_as_empty()
    {
        var ids = (await db.RowsAsync("SELECT id FROM org_unit WHERE kind = 'department'")).Select(r => (long)r[0]!).ToArray();
        var month = Period.Of("month", await LastFullMonthAsync());
        var keys = ids.SelectMany(id => month.SeriesEndingHere("month", 13).Select(p => CellKey.Unit(id, p))).Append(CellKey.Unit(ids[0], Period.Of("year", new DateOnly(1990, 1, 1)))).ToArray();

        var read = await new CellStore(db.DataSource).LoadAsync(keys);
        var total = await db.ScalarAsync<long>("""
            SELECT count(*) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            JOIN org_unit u ON u.id = c.ancestor_id AND u.kind = 'department'
            WHERE (r.responded_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2
            """, month.Back(12).First, month.Last);

        Assert.Equal(keys.Length, read.Count);
        Assert.True(read[keys[^1]].IsEmpty);
        Assert.Equal(total, (long)read.Values.Sum(s => s["responses"]));
    }

    [Fact]
    public async Task A_partner_cell_equals_the_raw_responses_of_all_its_engagements()
    {
        var acme = (await new PartnerQueries(db.DataSource).AllAsync()).Single(p => p.Code == "PRT-ACME");
        var year = Period.Of("year", await LastFullMonthAsync());
        var truth = await db.ScalarAsync<long>("""
            SELECT count(nps) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            JOIN org_unit e ON e.id = c.ancestor_id JOIN partner p ON p.id = e.partner_id AND p.code = 'PRT-ACME'
            WHERE (r.responded_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2
            """, year.First, year.Last);

        var key = CellKey.Partner(acme.Id, year);
        var n = MetricReading.Read("nps", (await new CellStore(db.DataSource).LoadAsync([key]))[key]).N;

        Assert.Equal(3, acme.EngagementIds.Count);
        Assert.Equal(acme.EngagementIds, acme.TopEngagementIds);
        Assert.True(truth > 0);
        Assert.Equal(truth, n);
    }

    [Fact]
    public async Task Detractor_verbatims_page_newest_first_without_gaps_or_repeats()
    {
        var unit = await UnitIdAsync("DIV-CARE");
        var quarter = Period.Of("quarter", await LastFullMonthAsync());
        var visible = (await db.RowsAsync("SELECT id FROM org_unit")).Select(r => (long)r[0]!).ToArray();
        var truth = (await db.RowsAsync("""
            SELECT r.id FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id AND c.ancestor_id = $1
            WHERE r.nps <= 6 AND r.comment <> '' AND (r.responded_at AT TIME ZONE 'UTC')::date BETWEEN $2 AND $3
            ORDER BY r.responded_at DESC, r.id DESC
            """, unit, quarter.First, quarter.Last)).Select(r => (long)r[0]!).ToList();

        var query = new VerbatimQuery(db.DataSource);
        var seen = new List<long>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await query.PageAsync(unit, visible, quarter, VerbatimBand.NpsDetractors, VerbatimSlices.All, 25, after);
            Assert.All(page.Items, v => Assert.True(v.Nps <= 6));
            seen.AddRange(page.Items.Select(v => v.Id));
            after = page.HasNextPage ? page.EndCursor : null;
            pages++;
        }
        while (after is not null);

        Assert.True(truth.Count > 25, $"only {truth.Count} detractor comments");
        Assert.Equal(truth, seen);
        Assert.Equal((truth.Count + 24) / 25, pages);
    }

    [Fact]
    public async Task Verbatims_of_units_outside_the_visible_set_are_never_returned()
    {
        var unit = await UnitIdAsync("DIV-CARE");
        var onlyContact = (await db.RowsAsync("SELECT descendant_id FROM org_unit_closure c JOIN org_unit u ON u.id = c.ancestor_id WHERE u.code = 'DEP-CARE-CONTACT'"))
            .Select(r => (long)r[0]!).ToHashSet();
        var year = Period.Of("year", await LastFullMonthAsync());

        var page = await new VerbatimQuery(db.DataSource).PageAsync(unit, onlyContact, year, VerbatimBand.All, VerbatimSlices.All, 100, null);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, v => Assert.Contains(v.UnitId, onlyContact));
    }
}
