using System.Text;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Ingestion;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// The incremental refresh sums the importer's signed change log (+1 new row version, -1 replaced one) instead of
/// re-reading changed unit-days. After each kind of change the cells and driver cells are checked against plain SQL over
/// the raw rows (written here, not the engine's), and against a full rebuild of the same data (every cell and driver row).
/// </summary>
public sealed class ChangeLogRefreshTests
{
    private const string Fingerprint = """
        SELECT (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM rollup_cell t)
            || (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM driver_cell t)
        """;

    private const string ResponseHeader = "external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,ces,interaction_external_id";
    private const string InteractionHeader =
        "external_id,customer_key,opened_at,first_response_at,unit_code,channel,journey_stage,segment,resolved_first_contact,transfers,sla_target_seconds,handle_seconds";

    /// <summary>Unit day cells (all slices together) that differ from a GROUP BY over raw rows and the closure, both ways.</summary>
    private const string CellsOffRaw = """
        WITH raw AS (
            SELECT k.ancestor_id AS subject_id, x.day, sum(x.responses)::int AS responses, sum(x.promoters)::int AS promoters,
                   sum(x.csat_sum)::float8 AS csat_sum, sum(x.contacts)::int AS contacts, sum(x.fcr_num)::int AS fcr_num, sum(x.ht_sum)::float8 AS ht_sum
            FROM (SELECT org_unit_id, (responded_at AT TIME ZONE 'UTC')::date AS day, 1 AS responses, coalesce((nps >= 9)::int, 0) AS promoters,
                         coalesce(csat, 0) AS csat_sum, 0 AS contacts, 0 AS fcr_num, 0 AS ht_sum
                  FROM survey_response
                  UNION ALL
                  SELECT org_unit_id, (opened_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 1, coalesce(resolved_first_contact, false)::int, coalesce(handle_seconds, 0)
                  FROM interaction) x
            JOIN org_unit_closure k ON k.descendant_id = x.org_unit_id
            GROUP BY k.ancestor_id, x.day
        ), cells AS (
            SELECT subject_id, period_start AS day, coalesce(responses, 0), coalesce(promoters, 0), coalesce(csat_sum, 0), coalesce(contacts, 0),
                   coalesce(fcr_num, 0), coalesce(ht_sum, 0)
            FROM rollup_cell WHERE subject_kind = 0 AND grain = 'day' AND dim = 'all'
        )
        SELECT (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM cells) a) + (SELECT count(*) FROM (SELECT * FROM cells EXCEPT SELECT * FROM raw) b)
        """;

    /// <summary>Driver day rows that differ from linked pairs counted here over raw rows (the 35-day-before-the-month window), both ways.</summary>
    private const string DriversOffRaw = """
        WITH raw AS (
            SELECT r.org_unit_id, (r.responded_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS linked,
                   count(*) FILTER (WHERE r.csat >= 4 AND i.resolved_first_contact)::int AS fcr_w_csat_top2,
                   count(*) FILTER (WHERE r.nps >= 9 AND i.transfers > 0)::int AS transferred_w_promoters,
                   count(r.nps) FILTER (WHERE NOT i.switched_channel)::int AS switched_wo_nps_n
            FROM survey_response r JOIN interaction i ON i.external_id = r.interaction_external_id
            WHERE (i.opened_at AT TIME ZONE 'UTC') >= date_trunc('month', r.responded_at AT TIME ZONE 'UTC') - interval '35 days'
              AND (i.opened_at AT TIME ZONE 'UTC') < date_trunc('month', r.responded_at AT TIME ZONE 'UTC') + interval '1 month'
            GROUP BY 1, 2
        ), cells AS (
            SELECT org_unit_id, period_start, linked, fcr_w_csat_top2, transferred_w_promoters, switched_wo_nps_n FROM driver_cell WHERE grain = 'day'
        )
        SELECT (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM cells) a) + (SELECT count(*) FROM (SELECT * FROM cells EXCEPT SELECT * FROM raw) b)
        """;

    private static async Task<(CxDatabase Db, RollupEngine Engine)> SeededAsync()
    {
        var db = new CxDatabase();
        await db.InitializeAsync();
        await new DemoSeeder(db.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 4_000, Interactions = 6_000, Seed = 23 });
        var engine = new RollupEngine(db.DataSource);
        await engine.RebuildAsync();
        return (db, engine);
    }

    private static async Task ImportAsync(CxDatabase db, ImportKind kind, string csv)
    {
        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest
        {
            Kind = kind, FileName = "t.csv", Content = new MemoryStream(Encoding.UTF8.GetBytes(csv)),
        });
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
    }

    private static Task<long> LoggedAsync(CxDatabase db) =>
        db.ScalarAsync<long>("SELECT (SELECT count(*) FROM survey_response_change) + (SELECT count(*) FROM interaction_change)");

    /// <summary>Refreshes; checks against raw SQL and a full rebuild; returns the refresh.</summary>
    private static async Task<RollupRun> RefreshAndCheckAsync(CxDatabase db, RollupEngine engine)
    {
        Assert.True(await LoggedAsync(db) > 0);
        var run = await engine.RefreshAsync();
        Assert.Equal("incremental", run.Mode);
        Assert.Equal(0L, await LoggedAsync(db));
        Assert.Equal(0L, await db.ScalarAsync<long>(CellsOffRaw));
        Assert.Equal(0L, await db.ScalarAsync<long>(DriversOffRaw));
        var incremental = await db.ScalarAsync<string>(Fingerprint);
        await engine.RebuildAsync();
        Assert.Equal(await db.ScalarAsync<string>(Fingerprint), incremental);
        return run;
    }

    /// <summary>An existing response as a CSV line, with what <paramref name="edit"/> returns for (unit, responded_at, nps, csat).</summary>
    private static async Task<string> ResendAsync(CxDatabase db, string where, Func<(string Unit, string At, int Nps, int Csat), (string Unit, string At, int Nps, int Csat)> edit)
    {
        var r = (await db.RowsAsync($"""
            SELECT r.external_id, u.code, to_char(r.responded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), r.channel, r.journey_stage, r.segment,
                   coalesce(r.nps, 5)::int, coalesce(r.csat, 3)::int, r.ces, r.interaction_external_id
            FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id WHERE {where} ORDER BY r.external_id LIMIT 1
            """))[0];
        var (unit, at, nps, csat) = edit(((string)r[1]!, (string)r[2]!, (int)r[6]!, (int)r[7]!));
        return $"{r[0]},{at},{unit},{r[3]},{r[4]},{r[5]},{nps},{csat},{r[8]},{r[9]}";
    }

    [Fact]
    public async Task A_resent_row_with_other_scores_is_refreshed_from_the_change_log_without_reading_a_fact_row()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var line = await ResendAsync(db, "r.interaction_external_id IS NULL AND r.nps IS NOT NULL AND r.csat IS NOT NULL",
                x => (x.Unit, x.At, (x.Nps + 6) % 11, 6 - x.Csat));
            await ImportAsync(db, ImportKind.Responses, $"{ResponseHeader}\n{line}\n");
            Assert.Equal(2L, await LoggedAsync(db)); // -old, +new

            var run = await RefreshAndCheckAsync(db, engine);
            Assert.Equal(0L, run.RowsRead);
            Assert.Equal(1, run.DaysRecomputed);
            Assert.True(run.CellsWritten > 0);
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT rows_read FROM job_run WHERE id = $1", run.JobRunId));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_row_moved_to_another_unit_and_day_leaves_its_old_cells_and_reaches_the_new()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var line = await ResendAsync(db, "r.interaction_external_id IS NOT NULL AND u.code = 'TEAM-CARE-CONTACT-NORTH'",
                x => ("TEAM-RETAIL-STORES-NORTH", x.At.Remove(8, 2).Insert(8, "05"), x.Nps, x.Csat));
            await ImportAsync(db, ImportKind.Responses, $"{ResponseHeader}\n{line}\n");

            await RefreshAndCheckAsync(db, engine);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Late_rows_of_an_old_month_refresh_its_day_month_quarter_and_year_cells()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var first = await db.ScalarAsync<DateTime>("SELECT min(responded_at) FROM survey_response");
            var day = first.AddDays(2).ToString("yyyy-MM-dd");
            var before = await db.ScalarAsync<long>("""
                SELECT responses FROM rollup_cell WHERE subject_kind = 0 AND grain = 'year' AND dim = 'all' AND period_start = date_trunc('year', $1::date)
                  AND subject_id = (SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1)
                """, day);
            await ImportAsync(db, ImportKind.Responses, $"""
                {ResponseHeader}
                late-1,{day}T09:00:00Z,TEAM-RETAIL-STORES-NORTH,store,purchase,consumer,9,4,,
                late-2,{day}T10:00:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,premium,3,2,6,
                """);
            await ImportAsync(db, ImportKind.Interactions, $"""
                {InteractionHeader}
                late-i-1,c-1,{day}T08:00:00Z,{day}T08:02:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,premium,true,1,60,400
                """);

            await RefreshAndCheckAsync(db, engine);
            Assert.Equal(before + 2, await db.ScalarAsync<long>("""
                SELECT responses FROM rollup_cell WHERE subject_kind = 0 AND grain = 'year' AND dim = 'all' AND period_start = date_trunc('year', $1::date)
                  AND subject_id = (SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1)
                """, day));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_same_row_changed_twice_between_refreshes_counts_once_with_its_last_values()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var where = "r.interaction_external_id IS NOT NULL AND r.nps IS NOT NULL";
            var v2 = await ResendAsync(db, where, x => (x.Unit, x.At, (x.Nps + 4) % 11, x.Csat));
            await ImportAsync(db, ImportKind.Responses, $"{ResponseHeader}\n{v2}\n");
            var v3 = await ResendAsync(db, where, x => ("TEAM-DIGITAL-APP-EAST", x.At, (x.Nps + 3) % 11, 6 - x.Csat));
            await ImportAsync(db, ImportKind.Responses, $"{ResponseHeader}\n{v3}\n");
            // -v1 +v2, then -v2 +v3: they telescope to -v1 +v3.
            var id = v2.Split(',')[0];
            var signs = (await db.RowsAsync("SELECT sign FROM survey_response_change WHERE external_id = $1 ORDER BY change_id", id))
                .Select(r => (int)(short)r[0]!).ToArray();
            Assert.Equal(new[] { -1, 1, -1, 1 }, signs);

            await RefreshAndCheckAsync(db, engine);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_interaction_changed_under_an_unchanged_linked_response_changes_that_response_s_driver_cells()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var i = (await db.RowsAsync("""
                SELECT i.external_id, i.customer_key, to_char(i.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), u.code, i.channel, i.journey_stage, i.segment,
                       coalesce(i.resolved_first_contact, false), r.org_unit_id, (r.responded_at AT TIME ZONE 'UTC')::date
                FROM interaction i JOIN survey_response r ON r.interaction_external_id = i.external_id JOIN org_unit u ON u.id = i.org_unit_id
                WHERE r.csat IS NOT NULL AND i.transfers = 0 ORDER BY i.external_id LIMIT 1
                """))[0];
            const string Row = "SELECT t::text FROM driver_cell t WHERE org_unit_id = $1 AND grain = 'day' AND period_start = $2";
            var before = await db.ScalarAsync<string>(Row, i[8], i[9]);
            await ImportAsync(db, ImportKind.Interactions, $"""
                {InteractionHeader}
                {i[0]},{i[1]},{i[2]},,{i[3]},{i[4]},{i[5]},{i[6]},{(!(bool)i[7]!).ToString().ToLowerInvariant()},3,,
                """);
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM survey_response_change"));

            var run = await RefreshAndCheckAsync(db, engine);
            Assert.Equal(0L, run.RowsRead);
            Assert.NotEqual(before, await db.ScalarAsync<string>(Row, i[8], i[9]));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_response_and_its_linked_interaction_changed_in_one_refresh_are_paired_once()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            // A new interaction and a new response linked to it (both only in the change log), and an existing linked
            // pair whose interaction and response both change.
            var pair = (await db.RowsAsync("""
                SELECT i.external_id, i.customer_key, to_char(i.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), u.code, i.channel, i.journey_stage, i.segment
                FROM interaction i JOIN survey_response r ON r.interaction_external_id = i.external_id JOIN org_unit u ON u.id = i.org_unit_id
                WHERE r.nps IS NOT NULL ORDER BY i.external_id DESC LIMIT 1
                """))[0];
            var day = (await db.ScalarAsync<DateTime>("SELECT max(responded_at) FROM survey_response")).AddDays(-1).ToString("yyyy-MM-dd");
            await ImportAsync(db, ImportKind.Interactions, $"""
                {InteractionHeader}
                pair-i-1,c-9,{day}T08:00:00Z,{day}T08:01:00Z,TEAM-CARE-CONTACT-NORTH,chat,service,consumer,true,2,120,300
                {pair[0]},{pair[1]},{pair[2]},,{pair[3]},{pair[4]},{pair[5]},{pair[6]},false,4,60,
                """);
            var resent = await ResendAsync(db, $"r.interaction_external_id = '{pair[0]}'", x => (x.Unit, x.At, 10, 5));
            await ImportAsync(db, ImportKind.Responses, $"""
                {ResponseHeader}
                pair-r-1,{day}T12:00:00Z,TEAM-CARE-CONTACT-NORTH,chat,service,consumer,10,5,6,pair-i-1
                {resent}
                """);

            await RefreshAndCheckAsync(db, engine);
            Assert.Equal(1L, await db.ScalarAsync<long>($"""
                SELECT linked FROM driver_cell WHERE grain = 'day' AND period_start = '{day}'::date
                  AND org_unit_id = (SELECT id FROM org_unit WHERE code = 'TEAM-CARE-CONTACT-NORTH')
                """) - await db.ScalarAsync<long>($"""
                SELECT count(*) FROM survey_response r JOIN interaction i ON i.external_id = r.interaction_external_id
                WHERE r.org_unit_id = (SELECT id FROM org_unit WHERE code = 'TEAM-CARE-CONTACT-NORTH')
                  AND (r.responded_at AT TIME ZONE 'UTC')::date = '{day}'::date AND r.external_id <> 'pair-r-1'
                """));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_direct_write_marked_in_dirty_day_beside_a_logged_change_of_the_same_unit_day_is_counted_once()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var day = (await db.ScalarAsync<DateTime>("SELECT max(responded_at) FROM survey_response")).AddDays(-2).ToString("yyyy-MM-dd");
            var linkable = await db.ScalarAsync<string>($"""
                SELECT external_id FROM interaction WHERE opened_at < '{day}'::date AND opened_at >= date_trunc('month', '{day}'::date) - interval '30 days'
                ORDER BY external_id LIMIT 1
                """);
            await ImportAsync(db, ImportKind.Responses, $"""
                {ResponseHeader}
                logged-1,{day}T09:00:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,consumer,9,5,7,{linkable}
                """);
            // Written behind the importer's back (as a repair script would) into the same unit-day, and marked.
            await db.ExecuteAsync($"""
                INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, nps, csat, interaction_external_id)
                SELECT 'direct-1', '{day}T15:00:00Z', id, 'chat', 'service', 'consumer', 2, 1, '{linkable}' FROM org_unit WHERE code = 'TEAM-CARE-CONTACT-NORTH';
                INSERT INTO dirty_day (org_unit_id, day, fact) SELECT id, '{day}', 'response' FROM org_unit WHERE code = 'TEAM-CARE-CONTACT-NORTH'
                """);

            var run = await RefreshAndCheckAsync(db, engine);
            Assert.True(run.RowsRead > 0); // the marked unit-day was read from its rows
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dirty_day"));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_import_committed_during_a_refresh_stays_in_the_log_for_the_next_refresh()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var day = (await db.ScalarAsync<DateTime>("SELECT max(responded_at) FROM survey_response")).AddDays(-1).ToString("yyyy-MM-dd");
            await ImportAsync(db, ImportKind.Responses, $"{ResponseHeader}\nbefore-1,{day}T09:00:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,consumer,9,5,7,\n");
            var during = $"{ResponseHeader}\nduring-1,{day}T10:00:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,consumer,1,1,1,\n";
            const string DayResponses = """
                SELECT responses FROM rollup_cell WHERE subject_kind = 0 AND grain = 'day' AND dim = 'all' AND period_start = $1::date
                  AND subject_id = (SELECT id FROM org_unit WHERE code = 'TEAM-CARE-CONTACT-NORTH')
                """;
            var cell = await db.ScalarAsync<long>(DayResponses, day);

            // The import runs and commits while the refresh is inside its snapshot (called from its progress callback).
            var imported = false;
            var run = await engine.RefreshAsync(step =>
            {
                if (imported || !step.StartsWith("adding", StringComparison.Ordinal)) return;
                ImportAsync(db, ImportKind.Responses, during).GetAwaiter().GetResult();
                imported = true;
            });
            Assert.True(imported);
            Assert.Equal("incremental", run.Mode);
            Assert.Equal(cell + 1, await db.ScalarAsync<long>(DayResponses, day)); // before-1 only
            Assert.Equal(["during-1"], (await db.RowsAsync("SELECT external_id FROM survey_response_change")).Select(r => (string)r[0]!).ToArray());

            await RefreshAndCheckAsync(db, engine);
            Assert.Equal(cell + 2, await db.ScalarAsync<long>(DayResponses, day));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
