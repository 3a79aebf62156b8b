using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Scorecards;

namespace CxDashboard.Tests.Cascade;

/// <summary>KPI administration: every bad input is refused with its path and reason, and nothing is written.</summary>
public sealed class KpiAdminTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    private KpiAdminService Admin => new(db.DataSource, new KpiQueries(db.DataSource));

    private async Task<(long C, long A, long B)> OrgAsync(string prefix)
    {
        var f = new FactsBuilder(db, prefix).Unit("C", "company").Unit("A", "department", "C").Unit("B", "department", "C");
        await f.BuildAsync();
        return (await f.IdAsync("C"), await f.IdAsync("A"), await f.IdAsync("B"));
    }

    private Task<long> CountAsync(string table) => db.ScalarAsync<long>($"SELECT count(*) FROM {table}")!;

    [Fact]
    public async Task Invalid_kpi_is_refused_with_every_problem_and_nothing_is_written()
    {
        var (_, a, _) = await OrgAsync("ka1");
        var before = await CountAsync("kpi");

        var ex = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.CreateAsync(new KpiCreateInput(
            a, "nope", SliceDimension: "colour", SliceValue: "red", Weight: 0, Owner: new string('x', 201),
            StatusRule: [new(KpiStatus.OnTrack, StatusMeasure.PercentOfTarget, Min: 100, Max: 90), new(KpiStatus.OffTrack, StatusMeasure.Always),
                         new(KpiStatus.AtRisk, StatusMeasure.Actual, Min: 1)])));

        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("input.metric", paths);
        Assert.Contains("input.sliceDimension", paths);
        Assert.Contains("input.weight", paths);
        Assert.Contains("input.owner", paths);
        Assert.Contains("input.statusRule[0].min", paths);
        Assert.Contains("input.statusRule[2]", paths);   // unreachable after 'always'
        Assert.Contains(ex.Errors, e => e.Message.Contains("unknown metric 'nope'"));
        Assert.Equal(before, await CountAsync("kpi"));
    }

    [Fact]
    public async Task Cascade_edges_point_up_the_tree_or_from_a_process_kpi_to_the_outcome_it_drives()
    {
        var (c, a, b) = await OrgAsync("ka2");
        var cNps = await Admin.CreateAsync(new KpiCreateInput(c, "nps"));
        var aNps = await Admin.CreateAsync(new KpiCreateInput(a, "nps", ParentKpiId: cNps.Id));
        Assert.Equal(cNps.Id, aNps.ParentKpiId);

        // Sibling unit: not above.
        var sibling = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.CreateAsync(new KpiCreateInput(b, "nps", ParentKpiId: aNps.Id)));
        Assert.Equal("input.parent", Assert.Single(sibling.Errors).Path);
        // Ancestor but another metric.
        var metric = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.CreateAsync(new KpiCreateInput(a, "csat", ParentKpiId: cNps.Id)));
        Assert.Contains("same metric", Assert.Single(metric.Errors).Message);
        // Same unit: only a process KPI under an outcome KPI.
        var fcr = await Admin.CreateAsync(new KpiCreateInput(a, "fcr", ParentKpiId: aNps.Id));
        Assert.Equal(aNps.Id, fcr.ParentKpiId);
        await Assert.ThrowsAsync<InputRejectedException>(() => Admin.CreateAsync(new KpiCreateInput(a, "sla", ParentKpiId: fcr.Id)));
        // Duplicate metric and slice at one unit.
        var dup = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.CreateAsync(new KpiCreateInput(a, "nps")));
        Assert.Equal("input.metric", Assert.Single(dup.Errors).Path);
        // A slice is another KPI.
        var phone = await Admin.CreateAsync(new KpiCreateInput(a, "nps", SliceDimension: "channel", SliceValue: "phone", ParentKpiId: cNps.Id));
        Assert.Equal(("channel", "phone"), phone.Cell);
    }

    [Fact]
    public async Task Targets_are_all_or_nothing_with_the_failing_rows_named()
    {
        var (c, _, _) = await OrgAsync("ka3");
        var csat = await Admin.CreateAsync(new KpiCreateInput(c, "csat"));
        var q2 = new DateOnly(2026, 4, 1);

        var ex = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.SetTargetsAsync(new KpiTargetsInput(csat.Id, "quarter",
        [
            new KpiTargetValue(q2, 75),                        // fine on its own
            new KpiTargetValue(new DateOnly(2026, 5, 1), 75),  // not a quarter start
            new KpiTargetValue(new DateOnly(2026, 7, 1), 120), // a share above 100%
            new KpiTargetValue(q2, 70),                        // twice
        ])));
        Assert.Equal(["input.targets[1].periodStart", "input.targets[2].value", "input.targets[3].periodStart"], ex.Errors.Select(e => e.Path));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM kpi_target WHERE kpi_id = $1", csat.Id));

        var set = await Admin.SetTargetsAsync(new KpiTargetsInput(csat.Id, "quarter", [new(q2, 75), new(new DateOnly(2026, 7, 1), 77.5m)]));
        Assert.Equal([75m, 77.5m], set.Select(t => t.Target));
        var after = await Admin.SetTargetsAsync(new KpiTargetsInput(csat.Id, "quarter", [new(q2, 76), new(new DateOnly(2026, 7, 1), null)]));
        Assert.Equal([(q2, 76m)], after.Select(t => (t.PeriodStart, t.Target)));

        var grain = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.SetTargetsAsync(new KpiTargetsInput(csat.Id, "week", [new(q2, 1)])));
        Assert.Equal("input.grain", Assert.Single(grain.Errors).Path);
    }

    [Fact]
    public async Task Nps_targets_may_be_negative_but_not_beyond_the_scale()
    {
        var (c, _, _) = await OrgAsync("ka4");
        var nps = await Admin.CreateAsync(new KpiCreateInput(c, "nps"));
        var may = new DateOnly(2026, 5, 1);
        await Admin.SetTargetsAsync(new KpiTargetsInput(nps.Id, "month", [new(may, -20)]));
        var ex = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.SetTargetsAsync(new KpiTargetsInput(nps.Id, "month", [new(may, -101)])));
        Assert.Contains("from -100 to 100", Assert.Single(ex.Errors).Message);
        Assert.Equal(-20m, await db.ScalarAsync<decimal>("SELECT target FROM kpi_target WHERE kpi_id = $1", nps.Id));
    }

    [Fact]
    public async Task Status_rule_and_update_change_only_what_is_given()
    {
        var (c, a, _) = await OrgAsync("ka5");
        var cCsat = await Admin.CreateAsync(new KpiCreateInput(c, "csat"));
        var aCsat = await Admin.CreateAsync(new KpiCreateInput(a, "csat", ParentKpiId: cCsat.Id, Owner: "Dana"));

        var updated = await Admin.UpdateAsync(new KpiUpdateInput(aCsat.Id, Weight: 3, ClearParent: true));
        Assert.Equal((3m, (long?)null, "Dana"), (updated.Weight, updated.ParentKpiId, updated.Owner));

        var ruled = await Admin.SetStatusRuleAsync(aCsat.Id, [new(KpiStatus.OnTrack, StatusMeasure.Actual, Min: 70), new(KpiStatus.OffTrack, StatusMeasure.Always)]);
        Assert.Equal(KpiStatus.OnTrack, ruled.Rule.Evaluate(71, null, null, null));
        Assert.True(await db.ScalarAsync<bool>(
            """SELECT status_rule = '{"rules":[{"status":"on_track","measure":"actual","min":70},{"status":"off_track","measure":"always"}]}'::jsonb FROM kpi WHERE id = $1""",
            aCsat.Id));

        var bad = await Assert.ThrowsAsync<InputRejectedException>(() => Admin.SetStatusRuleAsync(aCsat.Id, [new(KpiStatus.NoData, StatusMeasure.Always)]));
        Assert.Equal("input.rules[0].status", Assert.Single(bad.Errors).Path);
        var cleared = await Admin.SetStatusRuleAsync(aCsat.Id, null);
        Assert.Equal(StatusRule.Default.Conditions, cleared.Rule.Conditions);
    }

    [Fact]
    public async Task Checkins_are_signed_and_validated()
    {
        var (c, _, _) = await OrgAsync("ka6");
        var fcr = await Admin.CreateAsync(new KpiCreateInput(c, "fcr"));
        var before = await CountAsync("kpi_checkin");

        var ex = await Assert.ThrowsAsync<InputRejectedException>(() =>
            Admin.RecordCheckinAsync(new KpiCheckinInput(fcr.Id, new DateOnly(2026, 5, 3), KpiStatus.AtRisk, 140m, new string('n', 4001)), "Dana"));
        Assert.Equal(["input.periodStart", "input.value", "input.note"], ex.Errors.Select(e => e.Path));
        Assert.Equal(before, await CountAsync("kpi_checkin"));

        var ok = await Admin.RecordCheckinAsync(new KpiCheckinInput(fcr.Id, new DateOnly(2026, 5, 1), KpiStatus.AtRisk, 71.5m, "  Backlog  "), "Dana");
        Assert.Equal(("Dana", "Backlog", 71.5m, KpiStatus.AtRisk), (ok.Author, ok.Note, ok.Value!.Value, ok.Status));
        var unknown = await Assert.ThrowsAsync<InputRejectedException>(() =>
            Admin.RecordCheckinAsync(new KpiCheckinInput(999_999, new DateOnly(2026, 5, 1), KpiStatus.OnTrack), "Dana"));
        Assert.Equal("input.kpi", Assert.Single(unknown.Errors).Path);
    }
}
