using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;
using Npgsql;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// A scorecard service keeps the KPI side it read (definitions, targets, check-ins) while the database's KPI revision
/// stays the same, and reads only cells again. Every change here is made in plain SQL on another connection, as another
/// API node or an operator would: the service learns of it only from the revision.
/// </summary>
public sealed class KpiSideCacheTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    private static readonly DateOnly May = new(2026, 5, 1);
    private static readonly Period MayPeriod = Period.Of("month", May);

    private sealed record World(long C, long A, long CNps, long ANps);

    /// <summary>Company C and its department A, an NPS KPI each (A's cascading from C's) with May targets 30 and 35.</summary>
    private async Task<World> BuildAsync(string prefix)
    {
        var f = new FactsBuilder(db, prefix).Unit("C", "company").Unit("A", "department", "C")
            .Responses("A", May.AddDays(3), 12, 10, 5).Responses("A", May.AddDays(4), 8, 3, 2);
        await f.BuildAsync();
        long c = await f.IdAsync("C"), a = await f.IdAsync("A");
        var admin = new KpiAdminService(db.DataSource, new KpiQueries(db.DataSource));
        var cNps = await admin.CreateAsync(new KpiCreateInput(c, "nps"));
        var aNps = await admin.CreateAsync(new KpiCreateInput(a, "nps", ParentKpiId: cNps.Id));
        await admin.SetTargetsAsync(new KpiTargetsInput(cNps.Id, "month", [new KpiTargetValue(May, 30)]));
        await admin.SetTargetsAsync(new KpiTargetsInput(aNps.Id, "month", [new KpiTargetValue(May, 35)]));
        return new World(c, a, cNps.Id, aNps.Id);
    }

    private static ScorecardKpi Line(IReadOnlyDictionary<long, Scorecard> cards, long unit, long kpi) =>
        cards[unit].Kpis.Single(k => k.Kpi.Id == kpi);

    private static async Task<IReadOnlyDictionary<long, Scorecard>> LoadAsync(ScorecardService service, World w) =>
        await service.LoadAsync([w.C, w.A], MayPeriod, _ => true);

    [Fact]
    public async Task While_nothing_changes_a_repeated_scorecard_reads_its_cells_only()
    {
        var w = await BuildAsync("kc1");
        var counter = new CommandCounter();
        await using var ds = counter.DataSource(db.ConnectionString);
        var service = new ScorecardService(ds);

        var first = await LoadAsync(service, w);
        Assert.Equal(2, counter.Count); // the KPI side and the cells, at once
        counter.Reset();
        var second = await LoadAsync(service, w);
        Assert.Equal(1, counter.Count); // the cells, with the revision

        // Same figures: NPS of A = (12 − 8) / 20 = 20 against target 35, both times.
        foreach (var cards in new[] { first, second })
        {
            var a = Line(cards, w.A, w.ANps).Current;
            Assert.Equal(20, a.Actual!.Value, 9);
            Assert.Equal(35, a.Target);
            Assert.Equal(20, a.N);
        }
    }

    [Fact]
    public async Task A_target_changed_in_sql_by_someone_else_shows_in_the_next_scorecard()
    {
        var w = await BuildAsync("kc2");
        var counter = new CommandCounter();
        await using var ds = counter.DataSource(db.ConnectionString);
        var service = new ScorecardService(ds);
        Assert.Equal(35, Line(await LoadAsync(service, w), w.A, w.ANps).Current.Target);

        await db.ExecuteAsync("UPDATE kpi_target SET target = 41 WHERE kpi_id = $1", w.ANps);
        counter.Reset();
        var after = await LoadAsync(service, w);

        Assert.Equal(41, Line(after, w.A, w.ANps).Current.Target);
        Assert.Equal(3, counter.Count); // cells with a newer revision, then both sides afresh
        counter.Reset();
        Assert.Equal(41, Line(await LoadAsync(service, w), w.A, w.ANps).Current.Target);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task A_change_read_before_its_commit_is_not_served_once_it_commits()
    {
        // The revision moves in the writing transaction: a read while it is open sees the old revision and the old
        // target together, and the commit makes both new at once (no read can keep the old target under the new revision).
        var w = await BuildAsync("kc3");
        var service = new ScorecardService(db.DataSource);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand($"UPDATE kpi_target SET target = 44 WHERE kpi_id = {w.ANps}", conn, tx))
            await update.ExecuteNonQueryAsync();

        Assert.Equal(35, Line(await LoadAsync(service, w), w.A, w.ANps).Current.Target);
        Assert.Equal(35, Line(await LoadAsync(service, w), w.A, w.ANps).Current.Target);
        await tx.CommitAsync();
        Assert.Equal(44, Line(await LoadAsync(service, w), w.A, w.ANps).Current.Target);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_the_kept_kpi_side_in_use()
    {
        var w = await BuildAsync("kc4");
        var counter = new CommandCounter();
        await using var ds = counter.DataSource(db.ConnectionString);
        var service = new ScorecardService(ds);
        await LoadAsync(service, w);

        await using (var conn = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using var update = new NpgsqlCommand($"UPDATE kpi_target SET target = 50 WHERE kpi_id = {w.ANps}", conn, tx);
            await update.ExecuteNonQueryAsync();
            await tx.RollbackAsync();
        }
        counter.Reset();
        Assert.Equal(35, Line(await LoadAsync(service, w), w.A, w.ANps).Current.Target);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Check_ins_unit_names_metric_names_and_new_kpis_made_in_sql_each_show_in_the_next_scorecard()
    {
        var w = await BuildAsync("kc5");
        var service = new ScorecardService(db.DataSource);
        await LoadAsync(service, w);

        await db.ExecuteAsync("INSERT INTO kpi_checkin (kpi_id, period_start, value, status, note, author) VALUES ($1, $2, 21, 'at_risk', 'from SQL', 'ops')",
            w.ANps, May);
        var checkin = Line(await LoadAsync(service, w), w.A, w.ANps).LatestCheckin;
        Assert.Equal(("from SQL", KpiStatus.AtRisk), (checkin?.Note, checkin?.Status));

        await db.ExecuteAsync("UPDATE org_unit SET name = 'Renamed in SQL' WHERE id = $1", w.A);
        Assert.Equal("Renamed in SQL", Line(await LoadAsync(service, w), w.A, w.ANps).Kpi.UnitName);

        var metricName = await db.ScalarAsync<string>("SELECT name FROM metric WHERE code = 'nps'");
        try
        {
            await db.ExecuteAsync("UPDATE metric SET name = 'Net Promoter (renamed)' WHERE code = 'nps'");
            Assert.Equal("Net Promoter (renamed)", Line(await LoadAsync(service, w), w.A, w.ANps).Kpi.MetricName);
        }
        finally
        {
            await db.ExecuteAsync("UPDATE metric SET name = $1 WHERE code = 'nps'", metricName);
        }

        var csat = await db.ScalarAsync<long>("INSERT INTO kpi (org_unit_id, metric_code, weight, is_shared) VALUES ($1, 'csat', 1, false) RETURNING id", w.A);
        var aCsat = Line(await LoadAsync(service, w), w.A, csat).Current; // CSAT of A: 12 of 20 answered 4–5
        Assert.Equal(60, aCsat.Actual!.Value, 9);
        Assert.Equal(20, aCsat.N);
    }
}
