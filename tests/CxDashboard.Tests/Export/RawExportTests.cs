using System.Net;
using CxDashboard.Core.Export;

namespace CxDashboard.Tests.Export;

/// <summary>Raw rows of a subtree and date range, streamed as CSV or .xlsx, checked against plain SQL over the facts.</summary>
[Collection(ExportApp.Collection.Name)]
public sealed class RawExportTests(ExportApp app)
{
    private const string SubtreeInteractions = """
        SELECT i.external_id FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id JOIN org_unit a ON a.id = c.ancestor_id
        WHERE a.code = $1 AND i.opened_at >= $2 AND i.opened_at < $3
        """;

    [Fact]
    public async Task Csv_holds_exactly_the_interactions_of_the_subtree_and_range()
    {
        using var response = await app.GetAsync("analyst", "/export/interactions.csv?unit=DIV-CARE&from=2026-09-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = WorkbookTools.Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(RawExport.InteractionColumns, rows[0]);
        var expected = (await app.RowsAsync(SubtreeInteractions, "DIV-CARE",
                new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
            .Select(r => (string)r[0]!).Order().ToList();
        Assert.True(expected.Count > 1000, $"only {expected.Count} interactions in the range");
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]).Order().ToList());
        Assert.All(rows.Skip(1), r => Assert.StartsWith("2026-", r[2]));
    }

    [Fact]
    public async Task Xlsx_opens_in_LibreOffice_with_the_same_rows_and_validates()
    {
        var opened = await app.OpenedAsync();
        var sheet = Assert.Single(opened["raw"]);
        Assert.Equal("Interactions", sheet.Key);
        var rows = sheet.Value.Where(r => r.Length > 1 && r[0] != "").ToList();
        Assert.Equal(RawExport.InteractionColumns, rows[0]);
        var expected = (await app.RowsAsync(SubtreeInteractions, "DIV-CARE",
                new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
            .Select(r => (string)r[0]!).Order().ToList();
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]).Order().ToList());
        Assert.Empty(WorkbookTools.Validate(opened.Files["raw"]));
    }

    [Fact]
    public async Task First_bytes_arrive_while_the_database_is_still_sending_rows()
    {
        // 300,000 interactions in June 2025 (before the demo's months): ~40 MB of CSV, more than socket buffers hold.
        var team = await app.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = 'TEAM-CARE-VIP-EAST'");
        await app.ExecuteAsync("SELECT ensure_month_partitions('interaction', '2025-06-01T00:00:00Z', '2025-06-30T23:59:59Z')");
        await app.ExecuteAsync("""
            INSERT INTO interaction (source, external_id, customer_key, opened_at, org_unit_id, channel, journey_stage, segment, handle_seconds, resolved_first_contact)
            SELECT 'bulk', 'BULK-' || g, 'C' || (g % 5000), '2025-06-01T00:00:00Z'::timestamptz + g * interval '8 seconds', $1, 'phone', 'service', 'consumer', 300, true
            FROM generate_series(1, 300000) g
            """, team);
        var audited = await app.ScalarAsync<long>("SELECT count(*) FROM export_audit WHERE kind = 'interactions'");

        using var client = app.CreateClient("analyst");
        using var response = await client.GetAsync("/export/interactions.csv?unit=CO&from=2025-06-01&to=2025-06-30", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[4096];
        Assert.Equal(first.Length, await body.ReadAtLeastAsync(first, first.Length));
        // The export's query is still sending rows (and the export has not finished) while the client holds the first bytes.
        var database = await app.ScalarAsync<string>("SELECT current_database()");
        var active = await app.ScalarAsync<long>("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%FROM interaction i JOIN org_unit u%'
            """, database);
        Assert.True(active >= 1, "the export's query has already finished");
        Assert.Equal(audited, await app.ScalarAsync<long>("SELECT count(*) FROM export_audit WHERE kind = 'interactions'"));

        var rest = new MemoryStream();
        await body.CopyToAsync(rest);
        var lines = System.Text.Encoding.UTF8.GetString([.. first, .. rest.ToArray()]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(300_000 + 1, lines);
        await app.ExecuteAsync("DELETE FROM interaction WHERE source = 'bulk'");
    }
}
