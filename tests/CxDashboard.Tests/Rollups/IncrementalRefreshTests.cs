using CxDashboard.Core.DemoData;
using CxDashboard.Core.Ingestion;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using System.Text;

namespace CxDashboard.Tests.Rollups;

/// <summary>Incremental refreshes must leave exactly the cells a full rebuild would.</summary>
public sealed class IncrementalRefreshTests
{
    private const string CellsFingerprint = """
        SELECT (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM rollup_cell t)
            || (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM driver_cell t)
        """;

    private const string DriverCellsFingerprint = "SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM driver_cell t";

    private static async Task<(CxDatabase Db, RollupEngine Engine)> SeededAsync()
    {
        var db = new CxDatabase();
        await db.InitializeAsync();
        await new DemoSeeder(db.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 4_000, Interactions = 6_000, Seed = 11 });
        var engine = new RollupEngine(db.DataSource);
        await engine.RebuildAsync();
        return (db, engine);
    }

    private static Task<ImportReport> ImportAsync(CxDatabase db, ImportKind kind, string csv) =>
        new Importer(db.DataSource).ImportAsync(new ImportRequest
        {
            Kind = kind, FileName = "t.csv", Content = new MemoryStream(Encoding.UTF8.GetBytes(csv)),
        });

    private static async Task AssertIncrementalEqualsFullAsync(CxDatabase db, RollupEngine engine, string expectedMode)
    {
        var run = await engine.RefreshAsync();
        Assert.StartsWith(expectedMode, run.Mode);
        var incremental = await db.ScalarAsync<string>(CellsFingerprint);
        await engine.RebuildAsync();
        Assert.Equal(await db.ScalarAsync<string>(CellsFingerprint), incremental);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dirty_day"));
    }

    [Fact]
    public async Task New_late_and_updated_rows_refresh_incrementally_to_the_same_cells_as_a_full_rebuild()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            const string header = "external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat";
            // New rows this month, late rows in the first month, and an update moving a row to another day and unit.
            var existing = await db.RowsAsync("SELECT external_id FROM survey_response ORDER BY external_id LIMIT 1");
            var csv = $"""
                {header}
                inc-new-1,2026-10-30T10:00:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,consumer,10,5
                inc-new-2,2026-10-30T11:00:00Z,ENG-PRT-ACME-CARE-CONTACT,chat,service,premium,2,1
                inc-late-1,2025-10-03T09:00:00Z,TEAM-RETAIL-STORES-NORTH,store,purchase,consumer,9,4
                {existing[0][0]},2026-03-15T12:00:00Z,TEAM-DIGITAL-APP-EAST,app,usage,enterprise,0,2
                """;
            var report = await ImportAsync(db, ImportKind.Responses, csv);
            Assert.True(report.Succeeded, string.Join("; ", report.Errors));
            Assert.Equal(1, report.Updated);

            await AssertIncrementalEqualsFullAsync(db, engine, "incremental");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task New_interactions_refresh_incrementally_to_the_same_cells_as_a_full_rebuild()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var csv = """
                external_id,customer_key,opened_at,first_response_at,unit_code,channel,journey_stage,segment,resolved_first_contact,sla_target_seconds,handle_seconds
                inc-i-1,c-1,2026-06-01T08:00:00Z,2026-06-01T08:03:00Z,TEAM-CARE-CONTACT-NORTH,phone,service,consumer,true,60,300
                inc-i-2,c-2,2026-06-02T08:00:00Z,,TEAM-CARE-CONTACT-NORTH,phone,service,consumer,false,60,
                """;
            Assert.True((await ImportAsync(db, ImportKind.Interactions, csv)).Succeeded);

            await AssertIncrementalEqualsFullAsync(db, engine, "incremental");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Changed_linked_interactions_and_new_linked_responses_refresh_driver_cells_like_a_full_rebuild()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            // A linked interaction of the last month changes: not resolved any more, transferred, opened a day earlier;
            // a new response in the next days links to another existing interaction.
            var linked = await db.RowsAsync("""
                SELECT i.external_id, i.customer_key, to_char(i.opened_at - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), u.code, i.channel, i.journey_stage, i.segment,
                       coalesce(i.resolved_first_contact, false)
                FROM interaction i JOIN survey_response r ON r.interaction_external_id = i.external_id JOIN org_unit u ON u.id = i.org_unit_id
                WHERE i.opened_at >= '2026-10-05' AND i.transfers = 0
                ORDER BY i.external_id LIMIT 2
                """);
            var (a, b) = (linked[0], linked[1]);
            var before = await db.ScalarAsync<string>(DriverCellsFingerprint);
            var interactions = $"""
                external_id,customer_key,opened_at,unit_code,channel,journey_stage,segment,resolved_first_contact,transfers
                {a[0]},{a[1]},{a[2]},{a[3]},{a[4]},{a[5]},{a[6]},{(!(bool)a[7]!).ToString().ToLowerInvariant()},2
                """;
            Assert.True((await ImportAsync(db, ImportKind.Interactions, interactions)).Succeeded);
            var responses = $"""
                external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,ces,interaction_external_id
                inc-linked-1,2026-10-30T10:00:00Z,{b[3]},{b[4]},{b[5]},{b[6]},3,1,2,{b[0]}
                """;
            Assert.True((await ImportAsync(db, ImportKind.Responses, responses)).Succeeded);

            await AssertIncrementalEqualsFullAsync(db, engine, "incremental");
            Assert.NotEqual(before, await db.ScalarAsync<string>(DriverCellsFingerprint));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Moving_a_unit_makes_the_next_refresh_rebuild_and_parents_follow_the_move()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            var before = await db.ScalarAsync<long>("""
                SELECT responses FROM rollup_cell c JOIN org_unit u ON u.id = c.subject_id
                WHERE c.subject_kind = 0 AND u.code = 'DEP-RETAIL-STORES' AND grain = 'year' AND period_start = '2026-01-01' AND dim = 'all'
                """);
            var moved = await db.ScalarAsync<long>("""
                SELECT responses FROM rollup_cell c JOIN org_unit u ON u.id = c.subject_id
                WHERE c.subject_kind = 0 AND u.code = 'TEAM-RETAIL-STORES-NORTH' AND grain = 'year' AND period_start = '2026-01-01' AND dim = 'all'
                """);
            var report = await ImportAsync(db, ImportKind.OrgUnits, "code,name,kind,parent_code\nTEAM-RETAIL-STORES-NORTH,Stores North,team,DEP-RETAIL-ONLINE\n");
            Assert.Equal(1, report.Moved);

            await AssertIncrementalEqualsFullAsync(db, engine, "full");
            var after = await db.ScalarAsync<long>("""
                SELECT responses FROM rollup_cell c JOIN org_unit u ON u.id = c.subject_id
                WHERE c.subject_kind = 0 AND u.code = 'DEP-RETAIL-STORES' AND grain = 'year' AND period_start = '2026-01-01' AND dim = 'all'
                """);
            Assert.True(moved > 0);
            Assert.Equal(before - moved, after);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Refreshes_running_while_imports_touch_the_same_days_all_succeed_and_miss_nothing()
    {
        var (db, engine) = await SeededAsync();
        try
        {
            // The same 200 responses on 4 already-dirty days, re-imported with new scores again and again: each import
            // updates the rows and re-marks their days (marked_at) while refreshes consume those very marks.
            var units = (await db.RowsAsync("SELECT code FROM org_unit WHERE kind = 'team' ORDER BY code LIMIT 4")).Select(r => (string)r[0]!).ToArray();
            string File(int round)
            {
                var csv = new StringBuilder("external_id,responded_at,unit_code,channel,journey_stage,segment,nps\n");
                for (var i = 0; i < 200; i++)
                    csv.Append($"race-{i},2026-06-{10 + i % 4:00}T{8 + i % 10:00}:00:00Z,{units[i % 4]},chat,service,consumer,{(i + round) % 11}\n");
                return csv.ToString();
            }
            Assert.True((await ImportAsync(db, ImportKind.Responses, File(0))).Succeeded);

            using var stop = new CancellationTokenSource();
            var imports = 0;
            var importer = Task.Run(async () =>
            {
                for (var round = 1; !stop.IsCancellationRequested; round++)
                {
                    var report = await ImportAsync(db, ImportKind.Responses, File(round));
                    Assert.True(report.Succeeded, string.Join("; ", report.Errors));
                    imports++;
                }
            });
            var refreshes = 0;
            var deadline = DateTime.UtcNow.AddSeconds(25);
            while (refreshes < 40 && DateTime.UtcNow < deadline)
            {
                await engine.RefreshAsync(); // throws (40001 before the fix) if a concurrent import fails it
                refreshes++;
            }
            stop.Cancel();
            await importer;
            Assert.True(imports >= 5 && refreshes >= 10, $"{imports} imports, {refreshes} refreshes: too few to overlap");
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM job_run WHERE outcome = 'failed'"));

            // The days the imports marked after a refresh's snapshot are picked up by the next run: equal to a full rebuild.
            await AssertIncrementalEqualsFullAsync(db, engine, "incremental");
            // And against plain SQL over the raw rows: promoters of those teams on those days (teams are leaves).
            var raw = await db.ScalarAsync<long>("""
                SELECT count(*) FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id
                WHERE u.code = ANY($1) AND r.nps >= 9 AND r.responded_at >= '2026-06-10T00:00:00Z' AND r.responded_at < '2026-06-14T00:00:00Z'
                """, (object)units);
            var cells = await db.ScalarAsync<long>("""
                SELECT sum(promoters) FROM rollup_cell c JOIN org_unit u ON u.id = c.subject_id
                WHERE c.subject_kind = 0 AND u.code = ANY($1) AND grain = 'day' AND dim = 'all' AND period_start BETWEEN '2026-06-10' AND '2026-06-13'
                """, (object)units);
            Assert.Equal(raw, cells);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Parent_nps_is_recomputed_from_pooled_counts_not_averaged()
    {
        var db = new CxDatabase();
        await db.InitializeAsync();
        try
        {
            // DESIGN §6: 100 responses at NPS 40, 50 at 60 and 150 at 50 pool to 48.33, not 50.
            var org = "code,name,kind,parent_code\nP,Parent,company,\nA,A,team,P\nB,B,team,P\nC,C,team,P\n";
            Assert.True((await ImportAsync(db, ImportKind.OrgUnits, org)).Succeeded);
            var csv = new StringBuilder("external_id,responded_at,unit_code,channel,journey_stage,segment,nps\n");
            void Add(string unit, int promoters, int passives, int detractors)
            {
                var scores = Enumerable.Repeat(10, promoters).Concat(Enumerable.Repeat(8, passives)).Concat(Enumerable.Repeat(3, detractors));
                foreach (var (score, i) in scores.Select((s, i) => (s, i)))
                    csv.Append($"{unit}-{i},2026-05-10T10:00:00Z,{unit},chat,service,consumer,{score}\n");
            }
            Add("A", 60, 20, 20);  // (60 − 20) / 100 = 40
            Add("B", 35, 10, 5);   // (35 − 5) / 50 = 60
            Add("C", 90, 45, 15);  // (90 − 15) / 150 = 50
            Assert.True((await ImportAsync(db, ImportKind.Responses, csv.ToString())).Succeeded);

            await new RollupEngine(db.DataSource).RebuildAsync();

            var cell = Assert.Single(await db.RowsAsync("""
                SELECT coalesce(promoters, 0), coalesce(detractors, 0), coalesce(nps_n, 0) FROM rollup_cell c JOIN org_unit u ON u.id = c.subject_id
                WHERE u.code = 'P' AND c.subject_kind = 0 AND grain = 'month' AND dim = 'all'
                """));
            var nps = MetricMath.Nps(Convert.ToInt64(cell[0]), Convert.ToInt64(cell[1]), Convert.ToInt64(cell[2]))!.Value;
            Assert.Equal(48.33, Math.Round(nps, 2));
            Assert.NotEqual(50.0, Math.Round(nps, 2));
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
