using CxDashboard.Core.Drivers;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Scorecards;

namespace CxDashboard.Tests.Drivers;

/// <summary>Driver analysis over a hand-built unit: every split worked out by hand from the imported rows.</summary>
public sealed class DriverTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    private static readonly DateOnly May = new(2026, 5, 1);

    /// <summary>
    /// Department D (with team T below it), May, every contact answered by one linked response:
    ///   10 resolved, within SLA, CSAT 5, NPS 10                     (at D)
    ///    4 not resolved, within SLA, transferred, CSAT 4, NPS 9     (at T)
    ///    6 not resolved, SLA missed (90 s of 60), CSAT 2, NPS 3     (at T)
    /// Not counted: 5 unlinked responses at D, a linked contact at sibling S, and one at D in April.
    /// </summary>
    private async Task<(long D, long DFcr)> BuildAsync(string prefix)
    {
        var f = new FactsBuilder(db, prefix)
            .Unit("X", "company").Unit("D", "department", "X").Unit("T", "team", "D").Unit("S", "department", "X")
            .Contacts("D", May.AddDays(2), 10, resolved: true, nps: 10, csat: 5, ces: 6)
            .Contacts("T", May.AddDays(3), 4, resolved: false, transfers: 1, nps: 9, csat: 4, ces: 4)
            .Contacts("T", May.AddDays(4), 6, resolved: false, responseSeconds: 90, nps: 3, csat: 2, ces: 2)
            .Responses("D", May.AddDays(5), 5, 0, 1)
            .Contacts("S", May.AddDays(2), 3, resolved: false, nps: 0, csat: 1)
            .Contacts("D", May.AddDays(-20), 3, resolved: false, nps: 0, csat: 1);
        await f.BuildAsync();
        var d = await f.IdAsync("D");
        var admin = new KpiAdminService(db.DataSource, new KpiQueries(db.DataSource));
        var fcr = await admin.CreateAsync(new KpiCreateInput(d, "fcr"));
        await admin.SetTargetsAsync(new KpiTargetsInput(fcr.Id, "month", [new KpiTargetValue(May, 75)]));
        return (d, fcr.Id);
    }

    [Fact]
    public async Task First_contact_resolution_split_matches_hand_worked_gaps_intervals_and_what_if()
    {
        var (d, fcrKpi) = await BuildAsync("dr1");
        var analysis = await new DriverService(db.DataSource).AnalyseAsync(d, Period.Of("month", May));

        Assert.Equal(20, analysis.LinkedResponses);
        var fcr = analysis.Drivers.Single(x => x.Condition == DriverCondition.ResolvedFirstContact);
        Assert.Equal(fcrKpi, fcr.ProcessKpiId);
        Assert.Equal(75, fcr.ProcessTarget);

        // CSAT: 10/10 with, 4/10 without: gap 60 pp. Agresti–Caffo interval: 11/12 and 5/12, centre 50,
        // SE = 100·√((11/12)(1/12)/12 + (5/12)(7/12)/12) = 16.3157, half-width 31.978.
        Assert.Equal((10L, 10L), (fcr.Csat.NWith, fcr.Csat.NWithout));
        Assert.Equal(100, fcr.Csat.ValueWith!.Value, 9);
        Assert.Equal(40, fcr.Csat.ValueWithout!.Value, 9);
        Assert.Equal(60, fcr.Csat.Gap!.Value, 9);
        Assert.Equal(18.022, fcr.Csat.GapLow!.Value, 2);
        Assert.Equal(81.978, fcr.Csat.GapHigh!.Value, 2);
        Assert.True(fcr.Csat.Significant);
        Assert.Equal(0.5, fcr.Csat.ShareWith!.Value, 9);
        // Raising FCR from 50% to the 75% target: 60 × 0.25 = +15 CSAT points.
        Assert.Equal(15, fcr.Csat.EstimatedChange!.Value, 9);

        // NPS: 100 with; without 4 promoters, 6 detractors of 10 → −20; gap 120. Adjusted Wald per group
        // (N + 3, P + ¾, D + ¾): with 10.75/13 and 0.75/13 → centre 76.923, V/N′ = 0.022531;
        // without 4.75/13 and 6.75/13 → centre −15.385, V/N′ = 0.066227; half-width 1.96·100·√0.088758 = 58.393.
        Assert.Equal(100, fcr.Nps.ValueWith!.Value, 9);
        Assert.Equal(-20, fcr.Nps.ValueWithout!.Value, 9);
        Assert.Equal(120, fcr.Nps.Gap!.Value, 9);
        Assert.Equal(92.308 - 58.393, fcr.Nps.GapLow!.Value, 2);
        Assert.Equal(92.308 + 58.393, fcr.Nps.GapHigh!.Value, 2);
        Assert.Equal(30, fcr.Nps.EstimatedChange!.Value, 9);
    }

    [Fact]
    public async Task Sla_transfer_and_effort_splits_count_the_right_responses()
    {
        var (d, _) = await BuildAsync("dr2");
        var analysis = await new DriverService(db.DataSource).AnalyseAsync(d, Period.Of("month", May));

        var sla = analysis.Drivers.Single(x => x.Condition == DriverCondition.WithinSla);
        Assert.Equal((14L, 6L), (sla.Csat.NWith, sla.Csat.NWithout));
        Assert.Equal(100, sla.Csat.ValueWith!.Value, 9);       // 14 of 14 score 4–5
        Assert.Equal(0, sla.Csat.ValueWithout!.Value, 9);
        Assert.Null(sla.ProcessKpiId);                          // D has no SLA KPI: no what-if
        Assert.Null(sla.Csat.EstimatedChange);

        var transferred = analysis.Drivers.Single(x => x.Condition == DriverCondition.Transferred);
        Assert.Equal((4L, 16L), (transferred.Nps.NWith, transferred.Nps.NWithout));
        Assert.Equal(100, transferred.Nps.ValueWith!.Value, 9);             // 4 promoters
        Assert.Equal(100.0 * (10 - 6) / 16, transferred.Nps.ValueWithout!.Value, 9);

        var effort = analysis.Drivers.Single(x => x.Condition == DriverCondition.LowEffort);
        Assert.Equal((10L, 10L), (effort.Csat.NWith, effort.Csat.NWithout)); // CES 6 vs 4 and 2

        var switched = analysis.Drivers.Single(x => x.Condition == DriverCondition.SwitchedChannel);
        Assert.Equal((0L, 20L), (switched.Csat.NWith, switched.Csat.NWithout));
        Assert.Null(switched.Csat.Gap);                         // nobody switched: no comparison
    }

    [Fact]
    public async Task A_unit_without_linked_responses_has_empty_splits()
    {
        var (_, _) = await BuildAsync("dr3");
        var s = await new FactsBuilder(db, "dr3").IdAsync("S");
        var analysis = await new DriverService(db.DataSource).AnalyseAsync(s, Period.Of("month", new DateOnly(2026, 6, 1)));
        Assert.Equal(0, analysis.LinkedResponses);
        Assert.All(analysis.Drivers, x => Assert.Null(x.Csat.Gap));
    }
}
