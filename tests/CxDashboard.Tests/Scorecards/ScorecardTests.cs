using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// Scorecards over a small hand-built org (company C with departments A and B), every figure worked
/// out by hand from the responses and interactions the test imports.
/// </summary>
public sealed class ScorecardTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    private static readonly DateOnly April = new(2026, 4, 1), May = new(2026, 5, 1);
    private static readonly Period MayPeriod = Period.Of("month", May);

    private sealed record World(long C, long A, long B, long CNps, long ANps, long BNps, long CCsat, long ACsat, long AFcr, long CTransfer);

    /// <summary>
    /// May:  A 20 responses — 12×(NPS 10, CSAT 5), 4×(8, 4), 4×(3, 2): NPS (12−4)/20 = 40, CSAT 16/20 = 80%.
    ///       B 10 responses — 3×(9, 4), 3×(7, 3), 4×(2, 1): NPS (3−4)/10 = −10, CSAT 3/10 = 30%.
    ///       C pooled: 30 responses, 15 promoters, 8 detractors: NPS 7/30 = 23.33, CSAT 19/30 = 63.33%.
    ///       A 10 interactions, 2 transferred (C pooled transfer rate 20%), 8 resolved (FCR 80%).
    /// April: A 30 responses — 15×(10, 5), 15×(5, 2); B 10×(9, 4). C: 25 promoters, 15 detractors of 40: NPS 25.
    /// </summary>
    private async Task<World> BuildAsync(string prefix)
    {
        var f = new FactsBuilder(db, prefix)
            .Unit("C", "company").Unit("A", "department", "C").Unit("B", "department", "C")
            .Responses("A", May.AddDays(3), 12, 10, 5).Responses("A", May.AddDays(4), 4, 8, 4).Responses("A", May.AddDays(5), 4, 3, 2)
            .Responses("B", May.AddDays(3), 3, 9, 4).Responses("B", May.AddDays(4), 3, 7, 3).Responses("B", May.AddDays(5), 4, 2, 1)
            .Contacts("A", May.AddDays(6), 6, resolved: true).Contacts("A", May.AddDays(6), 2, resolved: true, transfers: 1)
            .Contacts("A", May.AddDays(7), 2, resolved: false)
            .Responses("A", April.AddDays(2), 15, 10, 5).Responses("A", April.AddDays(3), 15, 5, 2)
            .Responses("B", April.AddDays(2), 10, 9, 4);
        await f.BuildAsync();
        long c = await f.IdAsync("C"), a = await f.IdAsync("A"), b = await f.IdAsync("B");

        var admin = new KpiAdminService(db.DataSource, new KpiQueries(db.DataSource));
        StatusCondition[] gapRule =
        [
            new(KpiStatus.OnTrack, StatusMeasure.GapToTarget, Min: 0),
            new(KpiStatus.AtRisk, StatusMeasure.GapToTarget, Min: -10),
            new(KpiStatus.OffTrack, StatusMeasure.Always),
        ];
        var cNps = await admin.CreateAsync(new KpiCreateInput(c, "nps", Weight: 2, IsShared: true, StatusRule: gapRule));
        var aNps = await admin.CreateAsync(new KpiCreateInput(a, "nps", ParentKpiId: cNps.Id, Weight: 2, IsShared: true));
        var bNps = await admin.CreateAsync(new KpiCreateInput(b, "nps", ParentKpiId: cNps.Id, Weight: 2, IsShared: true));
        var cCsat = await admin.CreateAsync(new KpiCreateInput(c, "csat", Weight: 2, IsShared: true));
        var aCsat = await admin.CreateAsync(new KpiCreateInput(a, "csat", ParentKpiId: cCsat.Id));
        var aFcr = await admin.CreateAsync(new KpiCreateInput(a, "fcr", ParentKpiId: aCsat.Id));
        var cTransfer = await admin.CreateAsync(new KpiCreateInput(c, "transfer_rate", ParentKpiId: cCsat.Id));
        async Task Target(long kpi, decimal value, DateOnly? month = null) =>
            await admin.SetTargetsAsync(new KpiTargetsInput(kpi, "month", [new KpiTargetValue(month ?? May, value)]));
        await Target(cNps.Id, 30);
        await Target(cNps.Id, 30, April);
        await Target(aNps.Id, 35);
        await Target(bNps.Id, 20);
        await Target(cCsat.Id, 60);
        await Target(aCsat.Id, 75);
        await Target(aFcr.Id, 75);
        await Target(cTransfer.Id, 10);
        return new World(c, a, b, cNps.Id, aNps.Id, bNps.Id, cCsat.Id, aCsat.Id, aFcr.Id, cTransfer.Id);
    }

    private ScorecardService Service => new(db.DataSource);

    [Fact]
    public async Task Company_scorecard_has_hand_worked_actuals_attainment_status_and_weighted_score()
    {
        var w = await BuildAsync("sc1");
        var card = await Service.LoadAsync(w.C, MayPeriod, _ => true);

        var nps = card.Kpis.Single(k => k.Kpi.Id == w.CNps);
        Assert.Equal(23.3333, nps.Current.Actual!.Value, 3);
        Assert.Equal(30, nps.Current.N);
        Assert.Equal(30, nps.Current.Target);
        Assert.Equal(100 * 123.3333 / 130, nps.Current.Attainment!.Value, 3); // NPS shifted onto 0–200: 94.872%
        Assert.Equal(-6.6667, nps.Current.Gap!.Value, 3);
        Assert.Equal(KpiStatus.AtRisk, nps.Current.Status);                 // gap −6.67 ≥ −10: second condition
        Assert.Equal(4, nps.EffectiveWeight);                                 // weight 2, shared ×2

        var csat = card.Kpis.Single(k => k.Kpi.Id == w.CCsat);
        Assert.Equal(63.3333, csat.Current.Actual!.Value, 3);
        Assert.Equal(105.5556, csat.Current.Attainment!.Value, 3);          // 63.33 / 60
        Assert.Equal(KpiStatus.OnTrack, csat.Current.Status);               // default rule: ≥ 100% of target

        var transfer = card.Kpis.Single(k => k.Kpi.Id == w.CTransfer);
        Assert.Equal(20, transfer.Current.Actual!.Value, 6);                  // 2 of 10 contacts
        Assert.Equal(50, transfer.Current.Attainment!.Value, 6);              // lower is better: 10 / 20
        Assert.Equal(KpiStatus.OffTrack, transfer.Current.Status);
        Assert.Equal(1, transfer.EffectiveWeight);

        // Score = (4·94.872 + 4·105.556 + 1·50) / 9
        Assert.Equal((4 * (100 * 123.3333 / 130) + 4 * 105.5556 + 50) / 9, card.Score!.Value, 2);
        Assert.Equal(9, card.TotalWeight);

        // Outcome KPIs first, each followed by the process KPIs that drive it.
        Assert.Equal([w.CNps, w.CCsat, w.CTransfer], card.Kpis.Select(k => k.Kpi.Id));
        Assert.Equal([w.CTransfer], csat.Drivers.Select(d => d.Kpi.Id));
        Assert.Equal([w.ANps, w.BNps], nps.Children.Select(c => c.Kpi.Id));
        var aNps = nps.Children[0];
        Assert.Equal(40, aNps.Current.Actual!.Value, 6);
        Assert.Equal(100 * 140.0 / 135, aNps.Current.Attainment!.Value, 6);
        Assert.Equal(-10, nps.Children[1].Current.Actual!.Value, 6);
    }

    [Fact]
    public async Task Trend_covers_thirteen_periods_ending_with_the_scorecard_period()
    {
        var w = await BuildAsync("sc2");
        var card = await Service.LoadAsync(w.C, MayPeriod, _ => true);
        var trend = card.Kpis.Single(k => k.Kpi.Id == w.CNps).Trend;

        Assert.Equal(13, trend.Count);
        Assert.Equal(new DateOnly(2025, 5, 1), trend[0].Period.First);
        Assert.Equal(May, trend[12].Period.First);
        Assert.Equal(KpiStatus.NoData, trend[0].Status);
        Assert.Null(trend[0].Actual);
        Assert.Equal(25, trend[11].Actual!.Value, 6);      // April: (25 − 15) / 40
        Assert.Equal(40, trend[11].N);
        Assert.Equal(KpiStatus.AtRisk, trend[11].Status);   // gap −5
        Assert.Equal(23.3333, trend[12].Actual!.Value, 3);
    }

    [Fact]
    public async Task Reconciliation_weights_child_targets_by_last_periods_volumes()
    {
        var w = await BuildAsync("sc3");
        var card = await Service.LoadAsync(w.C, MayPeriod, _ => true);

        // NPS: A 30 responses in April at target 35, B 10 at target 20: (30·35 + 10·20) / 40 = 31.25 ≥ 30.
        var nps = card.Kpis.Single(k => k.Kpi.Id == w.CNps).Reconciliation!;
        Assert.Equal(April, nps.VolumeBasis.First);
        Assert.Equal(31.25, nps.ImpliedParentTarget!.Value, 9);
        Assert.Equal(1.25, nps.Gap!.Value, 9);
        Assert.True(nps.AddsUp);
        Assert.Equal(40, nps.ParentVolume);
        Assert.Equal(1.0, nps.Coverage!.Value, 9);
        Assert.Equal([(30L, 35.0), (10L, 20.0)], nps.Children.Select(c => (c.ExpectedVolume, c.Target!.Value)));

        // CSAT: only A has a child KPI (target 75, 30 of the company's 40 April responses).
        var csat = card.Kpis.Single(k => k.Kpi.Id == w.CCsat).Reconciliation!;
        Assert.Equal(75, csat.ImpliedParentTarget!.Value, 9);
        Assert.Equal(15, csat.Gap!.Value, 9);
        Assert.Equal(0.75, csat.Coverage!.Value, 9);
    }

    [Fact]
    public async Task Children_below_target_make_the_reconciliation_fall_short()
    {
        var w = await BuildAsync("sc4");
        var admin = new KpiAdminService(db.DataSource, new KpiQueries(db.DataSource));
        await admin.SetTargetsAsync(new KpiTargetsInput(w.ANps, "month", [new KpiTargetValue(May, 28)]));

        var rec = (await Service.LoadAsync(w.C, MayPeriod, _ => true)).Kpis.Single(k => k.Kpi.Id == w.CNps).Reconciliation!;

        // (30·28 + 10·20) / 40 = 26, four points short of the company's 30.
        Assert.Equal(26, rec.ImpliedParentTarget!.Value, 9);
        Assert.Equal(-4, rec.Gap!.Value, 9);
        Assert.False(rec.AddsUp);
    }

    [Fact]
    public async Task Children_outside_the_callers_scope_are_hidden_but_still_count_in_parent_figures()
    {
        var w = await BuildAsync("sc5");
        var card = await Service.LoadAsync(w.C, MayPeriod, unit => unit != w.B);
        var nps = card.Kpis.Single(k => k.Kpi.Id == w.CNps);

        Assert.Equal([w.ANps], nps.Children.Select(c => c.Kpi.Id));
        Assert.Equal([w.A], nps.Reconciliation!.Children.Select(c => c.UnitId));
        Assert.Equal(31.25, nps.Reconciliation.ImpliedParentTarget!.Value, 9);
    }

    [Fact]
    public async Task Department_scorecard_shows_its_process_kpi_next_to_the_outcome_it_drives_and_the_latest_checkin()
    {
        var w = await BuildAsync("sc6");
        var admin = new KpiAdminService(db.DataSource, new KpiQueries(db.DataSource));
        await admin.RecordCheckinAsync(new KpiCheckinInput(w.ACsat, May, KpiStatus.AtRisk, 78m, "first note"), "Dana");
        await admin.RecordCheckinAsync(new KpiCheckinInput(w.ACsat, May, KpiStatus.OnTrack, 80m, "recovered"), "Dana");

        var card = await Service.LoadAsync(w.A, MayPeriod, _ => true);

        Assert.Equal([w.ANps, w.ACsat, w.AFcr], card.Kpis.Select(k => k.Kpi.Id));
        var csat = card.Kpis.Single(k => k.Kpi.Id == w.ACsat);
        Assert.Equal([w.AFcr], csat.Drivers.Select(d => d.Kpi.Id));
        Assert.Equal(80, csat.Current.Actual!.Value, 6);
        var fcr = card.Kpis.Single(k => k.Kpi.Id == w.AFcr);
        Assert.Equal(80, fcr.Current.Actual!.Value, 6);                       // 8 of 10 resolved
        Assert.Equal(100 * 80.0 / 75, fcr.Current.Attainment!.Value, 6);
        Assert.Equal("recovered", csat.LatestCheckin!.Note);
        Assert.Equal(KpiStatus.OnTrack, csat.LatestCheckin.Status);
        // NPS shared (weight 2 × 2) at 140/135, CSAT and FCR (weight 1 each) at 80/75: (4·103.70 + 2·106.67) / 6
        Assert.Equal((4 * 100 * 140.0 / 135 + 2 * 100 * 80.0 / 75) / 6, card.Score!.Value, 6);
    }

    [Fact]
    public async Task Batch_load_of_several_units_returns_each_units_own_scorecard()
    {
        var w = await BuildAsync("sc7");
        var cards = await Service.LoadAsync([w.C, w.A, w.B], MayPeriod, _ => true);

        Assert.Equal([w.CNps, w.CCsat, w.CTransfer], cards[w.C].Kpis.Select(k => k.Kpi.Id));
        Assert.Equal([w.ANps, w.ACsat, w.AFcr], cards[w.A].Kpis.Select(k => k.Kpi.Id));
        Assert.Equal([w.BNps], cards[w.B].Kpis.Select(k => k.Kpi.Id));
        Assert.Equal(100 * 90.0 / 120, cards[w.B].Score!.Value, 6);           // NPS −10 vs 20: 90 / 120
    }

    [Fact]
    public async Task Values_below_the_privacy_floor_are_hidden_from_partner_callers_but_keep_their_n()
    {
        var w = await BuildAsync("sc8");
        var strict = new ConfidenceOptions { MinN = 30, PrivacyFloor = 15 };
        var cards = await Service.LoadAsync([w.A, w.B], MayPeriod, _ => true, strict, applyPrivacyFloor: true);

        var b = cards[w.B].Kpis.Single().Current;                 // 10 responses, under the floor of 15
        Assert.True(b.Suppressed);
        Assert.Null(b.Actual);
        Assert.Null(b.Attainment);
        Assert.Equal(10, b.N);
        Assert.Equal(KpiStatus.NoData, b.Status);
        Assert.Null(cards[w.B].Score);

        var a = cards[w.A].Kpis.Single(k => k.Kpi.Id == w.ANps).Current; // 20 responses: shown, but under the minimum n of 30
        Assert.False(a.Suppressed);
        Assert.True(a.LowConfidence);
        Assert.Equal(40, a.Actual!.Value, 9);

        var internalView = await Service.LoadAsync([w.B], MayPeriod, _ => true, strict, applyPrivacyFloor: false);
        Assert.Equal(-10, internalView[w.B].Kpis.Single().Current.Actual!.Value, 9);
    }

    [Fact]
    public async Task Scorecards_of_many_units_cost_the_same_two_sql_batches_as_one()
    {
        var w = await BuildAsync("sc9");
        var counter = new CommandCounter();
        await using var ds = counter.DataSource(db.ConnectionString);
        var service = new ScorecardService(ds);

        await service.LoadAsync([w.A], MayPeriod, _ => true);
        var one = counter.Count;
        counter.Reset();
        var cards = await service.LoadAsync([w.C, w.A, w.B], MayPeriod, _ => true);

        // Two batches (the KPI side with targets and check-ins, and the cells), sent at the same time on two
        // connections; Npgsql logs a batch once. The count does not grow with the number of units.
        Assert.Equal(2, one);
        Assert.Equal(2, counter.Count);
        Assert.Equal(3, cards.Count);
    }

    [Fact]
    public async Task The_generic_plan_setting_of_a_scorecard_batch_does_not_outlive_the_batch()
    {
        // The batch turns plan_cache_mode to force_generic_plan for itself. Pooled connections are handed on without a
        // reset (No Reset On Close, as the host configures them), so a setting that stuck to the session would change
        // the plans of every later query on that connection.
        var w = await BuildAsync("sc10");
        var single = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxPoolSize = 1, NoResetOnClose = true }.ConnectionString;
        await using var ds = Npgsql.NpgsqlDataSource.Create(single);
        var card = await new ScorecardService(ds).LoadAsync(w.C, MayPeriod, _ => true);
        Assert.NotEmpty(card.Kpis);

        await using var cmd = ds.CreateCommand("SELECT current_setting('plan_cache_mode'), pg_backend_pid()");
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal("auto", r.GetString(0));
    }
}
