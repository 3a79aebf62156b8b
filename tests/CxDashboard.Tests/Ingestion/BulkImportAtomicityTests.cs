using System.Text;
using CxDashboard.Core.Ingestion;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Ingestion;

/// <summary>
/// Bulk months are staged straight into tables that become partitions (<see cref="MonthBulkLoad"/>).
/// An import that fails at any point, even after those tables are filled or swapped in, must leave the
/// database exactly as before: same rows, same tables and partitions, no leftovers. Checked with plain
/// SQL over the catalog and the raw rows. Own database, so the months used here are empty at start.
/// </summary>
public sealed class BulkImportAtomicityTests : IAsyncLifetime
{
    private const string Header = "external_id,responded_at,unit_code,channel,journey_stage,segment,touchpoint,nps,csat,ces,comment,interaction_external_id";
    private const int MonthRows = (int)MonthBulkLoad.MinRows + 500;

    // Every relation of the schema with its kind and partition parent, every fact row, the dirty days, the change log.
    private const string Snapshot = """
        SELECT (SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || coalesce(h.inhparent::regclass::text, '-'), ',' ORDER BY c.relname)
                FROM pg_class c LEFT JOIN pg_inherits h ON h.inhrelid = c.oid WHERE c.relnamespace = 'public'::regnamespace)
            || ' | ' || (SELECT count(*) || '/' || coalesce(md5(string_agg(r::text, E'\n' ORDER BY r.id)), '') FROM survey_response r)
            || ' | ' || (SELECT count(*) || '/' || coalesce(md5(string_agg(d.org_unit_id || d.day::text || d.fact, ',' ORDER BY 1)), '') FROM dirty_day d)
            || ' | ' || (SELECT count(*) || '/' || coalesce(md5(string_agg(c::text, E'\n' ORDER BY c.change_id)), '') FROM survey_response_change c)
        """;

    private readonly CxDatabase db = new();
    private string team = "";

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        var p = ImportClient.NewPrefix();
        team = p + "TEAM";
        var org = await ImportAsync(ImportKind.OrgUnits, $"code,name,kind,parent_code\nCO,Company,company,\n{p}CO,Co,division,CO\n{team},Team,team,{p}CO\n");
        Assert.True(org.Succeeded, string.Join("; ", org.Errors));
        // An ordinary month that already has a row: its rows take the merge, not the bulk path.
        var first = await ImportAsync(ImportKind.Responses, $"{Header}\n{team}-old,2034-06-02T10:00:00Z,{team},chat,service,consumer,,4,,,,\n");
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
    }

    public Task DisposeAsync() => db.DisposeAsync();

    private Task<ImportReport> ImportAsync(ImportKind kind, string csv, bool quarantine = false) =>
        // The months of these tests lie years ahead (2034), where no partition exists yet: a wide plausible window.
        new Importer(db.DataSource, new ImportOptions { LatestAhead = TimeSpan.FromDays(20 * 365) }).ImportAsync(new ImportRequest
        {
            Kind = kind, FileName = "t.csv", Content = new MemoryStream(Encoding.UTF8.GetBytes(csv)), Quarantine = quarantine,
        });

    /// <summary>Two new months of <see cref="MonthRows"/> rows each (interleaved, as files are), then <paramref name="tail"/>.</summary>
    private string BulkFile(string tail)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 2 * MonthRows; i++)
        {
            var month = i % 2 == 0 ? "2034-01" : "2034-02";
            csv.Append($"{team}-b{i},{month}-{1 + i % 28:00}T{i % 24:00}:15:00Z,{team},chat,service,consumer,,{i % 11},,,,\n");
        }
        return csv.Append(tail).ToString();
    }

    [Fact]
    public async Task A_duplicate_id_at_the_end_of_a_bulk_file_writes_nothing_and_leaves_no_table_behind()
    {
        var before = await db.ScalarAsync<string>(Snapshot);
        // The last line repeats an id of the first bulk month, in the ordinary month: found after both
        // bulk months are staged into their own tables.
        var file = BulkFile($"{team}-new,2034-06-03T10:00:00Z,{team},chat,service,consumer,,7,,,,\n{team}-b0,2034-06-04T10:00:00Z,{team},chat,service,consumer,,8,,,,\n");

        var report = await ImportAsync(ImportKind.Responses, file);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Reason.Contains($"duplicate external id '{team}-b0'"));
        Assert.Equal(before, await db.ScalarAsync<string>(Snapshot));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('survey_response_y2034m01')::text"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname LIKE '%load%'"));
    }

    [Fact]
    public async Task A_NUL_character_in_the_last_row_is_reported_by_line_and_column_and_nothing_is_written()
    {
        var before = await db.ScalarAsync<string>(Snapshot);

        var report = await ImportAsync(ImportKind.Responses, BulkFile($"{team}-nul,2034-06-03T10:00:00Z,{team},chat,service,consumer,,7,,,bad\0comment,\n"));

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal((2 * MonthRows + 2, 11, "comment"), (error.Line, error.Column, error.Field));
        Assert.Contains("NUL", error.Reason);
        Assert.Equal(before, await db.ScalarAsync<string>(Snapshot));
    }

    [Fact]
    public async Task In_quarantine_the_same_file_keeps_the_first_of_the_duplicates_and_loads_both_months()
    {
        var file = BulkFile($"{team}-new,2034-06-03T10:00:00Z,{team},chat,service,consumer,,7,,,,\n{team}-b0,2034-06-04T10:00:00Z,{team},chat,service,consumer,,8,,,,\n");

        var report = await ImportAsync(ImportKind.Responses, file, quarantine: true);

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(1, report.Rejected);
        Assert.Equal(2 * MonthRows + 1, report.Inserted);
        // Per month: rows and the nps sum the file's formula gives (i % 11 for row i; months alternate).
        var expected = Enumerable.Range(0, 2 * MonthRows).GroupBy(i => i % 2).Select(g => new object[] { (long)g.Count(), (long)g.Sum(i => i % 11) }).ToArray();
        var stored = await db.RowsAsync("""
            SELECT count(*), sum(nps)::bigint FROM survey_response WHERE external_id LIKE $1 || '-b%'
            GROUP BY tableoid ORDER BY tableoid::regclass::text
            """, team);
        Assert.Equal(expected, stored.Select(r => r.Cast<object>().ToArray()).ToArray());
        Assert.Equal([(short)0, "survey_response_y2034m01"], Assert.Single(await db.RowsAsync(
            "SELECT nps, tableoid::regclass::text FROM survey_response WHERE external_id = $1", team + "-b0")));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM survey_response_y2034m06 WHERE external_id LIKE $1 || '%'", team));
    }

    [Fact]
    public async Task An_import_failing_at_its_last_partition_swap_leaves_the_database_as_it_was()
    {
        // Takes the name the second month's primary key is renamed to: the swap of 2034-01 has happened
        // (in the transaction) when the swap of 2034-02 fails, the import's very last bulk step.
        await db.ExecuteAsync("CREATE SEQUENCE survey_response_y2034m02_pkey");
        var before = await db.ScalarAsync<string>(Snapshot);

        var failure = await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() =>
            ImportAsync(ImportKind.Responses, BulkFile($"{team}-new,2034-06-03T10:00:00Z,{team},chat,service,consumer,,7,,,,\n")));

        Assert.Equal("relation \"survey_response_y2034m02_pkey\" already exists", failure.MessageText);
        Assert.Equal(before, await db.ScalarAsync<string>(Snapshot));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('survey_response_y2034m01')::text"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname LIKE '%load%'"));
        await db.ExecuteAsync("DROP SEQUENCE survey_response_y2034m02_pkey");
    }

    [Fact]
    public async Task Bulk_rows_get_distinct_ids_that_later_imports_never_reuse()
    {
        var bulk = await ImportAsync(ImportKind.Responses, BulkFile($"{team}-new,2034-06-03T10:00:00Z,{team},chat,service,consumer,,7,,,,\n"));
        Assert.True(bulk.Succeeded, string.Join("; ", bulk.Errors));

        // Later rows through the ordinary merge, into a swapped-in month and an ordinary one.
        var later = await ImportAsync(ImportKind.Responses,
            $"{Header}\n{team}-later1,2034-01-20T10:00:00Z,{team},chat,service,consumer,,1,,,,\n{team}-later2,2034-06-20T10:00:00Z,{team},chat,service,consumer,,2,,,,\n");
        Assert.True(later.Succeeded, string.Join("; ", later.Errors));

        // The bulk rows, "-old" (set up), "-new" and the two later rows.
        Assert.Equal([(long)2 * MonthRows + 4, (long)2 * MonthRows + 4], Assert.Single(await db.RowsAsync(
            "SELECT count(*), count(DISTINCT id) FROM survey_response")).Cast<object>().ToArray());
        Assert.True(await db.ScalarAsync<bool>("""
            SELECT min(id) FILTER (WHERE external_id LIKE '%-later_') > max(id) FILTER (WHERE external_id LIKE '%-b%') FROM survey_response
            """));
    }
}
