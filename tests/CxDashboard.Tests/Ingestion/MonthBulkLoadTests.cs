using System.Net;
using System.Text;
using System.Text.Json;
using CxDashboard.Core.Ingestion;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

/// <summary>
/// A file with many rows for a month whose partition is still empty takes the bulk path: the month is
/// built beside the fact table and swapped in. Own database, so the month (2031-05) is empty at start.
/// </summary>
public sealed class MonthBulkLoadTests(FutureMonthsApp app) : IClassFixture<FutureMonthsApp>
{
    private const string Header = "external_id,responded_at,unit_code,channel,journey_stage,segment,touchpoint,nps,csat,ces,comment,interaction_external_id";
    private const int BulkRows = (int)MonthBulkLoad.MinRows + 2_000;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    private static string BigFile(string team, string extra)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < BulkRows; i++)
        {
            csv.Append($"{team}-b{i},2031-05-{1 + i % 31:00}T{i % 24:00}:30:00Z,{team},chat,service,consumer,,{i % 11},{1 + i % 5},,,\n");
        }
        return csv.Append(extra).ToString();
    }

    [Fact]
    public async Task First_big_load_of_a_month_is_swapped_in_with_its_indexes_and_keeps_merge_semantics()
    {
        var p = ImportClient.NewPrefix();
        var client = app.CreateClient("analyst");
        await JsonAsync(await client.PostAsync("org-units", "org.csv", $"code,name,kind,parent_code\nCO,Company,company,\n{p}CO,Co,division,CO\n{p}TEAM,Team,team,{p}CO\n"));
        var team = p + "TEAM";
        await JsonAsync(await client.PostAsync("responses", "v1.csv", $"{Header}\n{team}-moved,2026-04-10T10:00:00Z,{team},chat,service,consumer,,3,,,,\n"));
        await app.ExecuteAsync("DELETE FROM dirty_day; DELETE FROM survey_response_change"); // as if rolled up
        await app.ExecuteAsync("SELECT ensure_month_partitions('survey_response', '2031-05-01Z', '2031-05-01Z')");
        var emptyOid = await app.ScalarAsync<long>("SELECT 'survey_response_y2031m05'::regclass::oid::bigint");
        // The bulk month, one row moving into it from April (an update), one ordinary row for April.
        var file = BigFile(team, $"{team}-moved,2031-05-20T10:00:00Z,{team},chat,service,consumer,,10,,,,\n{team}-small,2026-04-11T10:00:00Z,{team},email,usage,consumer,,7,,,,\n");

        var report = await JsonAsync(await client.PostAsync("responses", "big.csv", file));

        Assert.Equal(BulkRows + 1, report.GetProperty("inserted").GetInt32());
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal(0, report.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, report.GetProperty("late").GetInt32()); // only the April row is before this month
        // Values against the formulas that wrote the file.
        long nps = 10, csat = 0;
        for (var i = 0; i < BulkRows; i++) { nps += i % 11; csat += 1 + i % 5; }
        Assert.Equal([(long)BulkRows + 1, (long)BulkRows + 1, nps, csat], Assert.Single(await app.RowsAsync(
            "SELECT count(*), count(DISTINCT id), sum(nps)::bigint, sum(csat)::bigint FROM survey_response_y2031m05 WHERE external_id LIKE $1 || '%'", team)));
        Assert.Equal([(short)10, "survey_response_y2031m05"], Assert.Single(await app.RowsAsync(
            "SELECT nps, tableoid::regclass::text FROM survey_response WHERE external_id = $1", team + "-moved")));
        Assert.Equal([$"{team}-small"], (await app.RowsAsync(
            "SELECT external_id FROM survey_response_y2026m04 WHERE external_id LIKE $1 || '%'", team)).Select(r => r[0]).ToArray());
        // The empty partition was replaced (the bulk path), by a real partition again, whose valid indexes are partitions of
        // every index the parent table has (the key, the external-id index, the verbatim indexes, …); nothing left behind.
        var parentIndexes = (await app.RowsAsync("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'survey_response'::regclass ORDER BY 1"))
            .Select(r => (string)r[0]!).ToArray();
        Assert.Contains("pk_survey_response", parentIndexes);
        Assert.Contains("ix_survey_response_external", parentIndexes);
        Assert.Equal(parentIndexes, (await app.RowsAsync("""
            SELECT h.inhparent::regclass::text FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indexrelid
            WHERE i.indrelid = 'survey_response_y2031m05'::regclass AND i.indisvalid ORDER BY 1
            """)).Select(r => (string)r[0]!).ToArray());
        Assert.NotEqual(emptyOid, await app.ScalarAsync<long>("SELECT 'survey_response_y2031m05'::regclass::oid::bigint"));
        Assert.Equal("survey_response", await app.ScalarAsync<string>("SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = 'survey_response_y2031m05'::regclass"));
        Assert.Equal(0L, await app.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname LIKE 'survey_response%load%'"));
        // Every day of May (bulk rows and the moved row) is marked for recomputing from its rows; the moved row's old
        // version (-1, its old day) and the April row (+1) are in the change log.
        var days = (await app.RowsAsync("SELECT d.day FROM dirty_day d JOIN org_unit u ON u.id = d.org_unit_id WHERE u.code = $1 ORDER BY 1", team))
            .Select(r => (DateOnly)r[0]!).ToArray();
        Assert.Equal([.. Enumerable.Range(1, 31).Select(d => new DateOnly(2031, 5, d))], days);
        var logged = (await app.RowsAsync("""
            SELECT c.sign, (c.responded_at AT TIME ZONE 'UTC')::date FROM survey_response_change c JOIN org_unit u ON u.id = c.org_unit_id
            WHERE u.code = $1 ORDER BY 2
            """, team)).Select(r => ((short)r[0]!, (DateOnly)r[1]!)).ToArray();
        Assert.Equal([(-1, new DateOnly(2026, 4, 10)), (1, new DateOnly(2026, 4, 11))], logged);

        // The swapped-in month behaves like any other: the same file again changes nothing, a new row is added.
        var again = await JsonAsync(await client.PostAsync("responses", "big.csv", file + $"{team}-later,2031-05-21T10:00:00Z,{team},chat,service,consumer,,9,,,,\n"));

        Assert.Equal(1, again.GetProperty("inserted").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(BulkRows + 2, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(BulkRows + 2L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response_y2031m05 WHERE external_id LIKE $1 || '%'", team));
    }

    [Fact]
    public async Task A_month_that_already_has_rows_is_merged_row_by_row_not_replaced()
    {
        var p = ImportClient.NewPrefix();
        var client = app.CreateClient("analyst");
        await JsonAsync(await client.PostAsync("org-units", "org.csv", $"code,name,kind,parent_code\nCO,Company,company,\n{p}CO,Co,division,CO\n{p}TEAM,Team,team,{p}CO\n"));
        var team = p + "TEAM";
        await JsonAsync(await client.PostAsync("responses", "one.csv", $"{Header}\n{team}-first,2031-08-01T10:00:00Z,{team},chat,service,consumer,,5,,,,\n"));
        var oid = await app.ScalarAsync<long>("SELECT 'survey_response_y2031m08'::regclass::oid::bigint");

        var report = await JsonAsync(await client.PostAsync("responses", "big.csv", BigFile(team, "").Replace("2031-05-", "2031-08-")));

        Assert.Equal(BulkRows, report.GetProperty("inserted").GetInt32());
        Assert.Equal(oid, await app.ScalarAsync<long>("SELECT 'survey_response_y2031m08'::regclass::oid::bigint"));
        Assert.Equal(BulkRows + 1L, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response_y2031m08 WHERE external_id LIKE $1 || '%'", team));
    }
    [Fact]
    public async Task A_file_entirely_in_new_past_months_is_all_late_and_marks_exactly_its_days()
    {
        var p = ImportClient.NewPrefix();
        var client = app.CreateClient("analyst");
        await JsonAsync(await client.PostAsync("org-units", "org.csv", $"code,name,kind,parent_code\nCO,Company,company,\n{p}CO,Co,division,CO\n{p}A,A,team,{p}CO\n{p}B,B,team,{p}CO\n"));
        // Two past months nobody has loaded yet, 28 rows (one a day) at a time for each of two teams; every row takes the bulk path.
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 2 * BulkRows; i++)
        {
            var unit = i / 28 % 2 == 0 ? p + "A" : p + "B";
            var month = i < BulkRows ? "2019-03" : "2019-04";
            csv.Append($"{p}r{i},{month}-{1 + i % 28:00}T12:00:00Z,{unit},chat,service,consumer,,{i % 11},,,,\n");
        }

        var report = await JsonAsync(await client.PostAsync("responses", "old.csv", csv.ToString()));

        Assert.Equal(2 * BulkRows, report.GetProperty("inserted").GetInt32());
        Assert.Equal(2 * BulkRows, report.GetProperty("late").GetInt32());
        Assert.Equal((long)BulkRows, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response_y2019m03 WHERE external_id LIKE $1 || 'r%'", p));
        Assert.Equal((long)BulkRows, await app.ScalarAsync<long>("SELECT count(*) FROM survey_response_y2019m04 WHERE external_id LIKE $1 || 'r%'", p));
        // Dirty days: exactly the (unit, day) pairs of the stored rows, computed here from the rows themselves.
        var expected = (await app.RowsAsync("""
            SELECT DISTINCT r.org_unit_id, (r.responded_at AT TIME ZONE 'UTC')::date FROM survey_response r
            WHERE r.external_id LIKE $1 || 'r%' ORDER BY 1, 2
            """, p)).Select(r => (r[0], r[1])).ToArray();
        var marked = (await app.RowsAsync("""
            SELECT d.org_unit_id, d.day FROM dirty_day d JOIN org_unit u ON u.id = d.org_unit_id
            WHERE u.code IN ($1 || 'A', $1 || 'B') AND d.fact = 'response' ORDER BY 1, 2
            """, p)).Select(r => (r[0], r[1])).ToArray();
        Assert.Equal(2 * 2 * 28, expected.Length);
        Assert.Equal(expected, marked);
    }
}

/// <summary>The host with a plausible window reaching years ahead: the bulk tests load months (2031) nobody has loaded yet.</summary>
public sealed class FutureMonthsApp : CxApp
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder web) =>
        web.UseSetting("Imports:LatestAhead", "7300.00:00:00");
}
