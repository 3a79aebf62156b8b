using CxDashboard.Core.Drivers;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.DemoData;
using static CxDashboard.Core.DemoData.PlantedEffects;

namespace CxDashboard.Tests.Drivers;

/// <summary>
/// On the demo generator's data, the driver gaps recover the effects it planted (PlantedEffects).
/// The generator promises its effects exactly in expectation within one unit and month, so the
/// check runs per department and summer month (no seasonal dip): the planted effect must lie
/// inside the measured gap's 95% interval in at least 85% of those analyses (nominal: 95%).
/// </summary>
public sealed class PlantedEffectsTests(DriverDatabase db) : IClassFixture<DriverDatabase>
{
    private static readonly Period Summer = Period.Of("quarter", new DateOnly(2026, 7, 1));
    private static readonly DateOnly[] SummerMonths = [new(2026, 7, 1), new(2026, 8, 1), new(2026, 9, 1)];

    private async Task<DriverAnalysis> CompanyAsync()
    {
        var company = await db.ScalarAsync<long>("SELECT id FROM org_unit WHERE parent_id IS NULL");
        return await new DriverService(db.DataSource).AnalyseAsync(company, Summer);
    }

    private async Task<List<DriverAnalysis>> DepartmentMonthsAsync()
    {
        var departments = (await db.RowsAsync("SELECT id FROM org_unit WHERE kind = 'department' ORDER BY id")).Select(r => (long)r[0]!).ToList();
        var service = new DriverService(db.DataSource);
        var list = new List<DriverAnalysis>();
        foreach (var d in departments)
        {
            foreach (var m in SummerMonths) list.Add(await service.AnalyseAsync(d, Period.Of("month", m)));
        }
        return list;
    }

    private static void Covers(IEnumerable<DriverAnalysis> analyses, DriverCondition condition, Func<DriverResult, OutcomeSplit> outcome, double planted)
    {
        var splits = analyses.Select(a => outcome(a.Drivers.Single(d => d.Condition == condition))).Where(s => s.Gap is not null).ToList();
        Assert.True(splits.Count >= 30, $"only {splits.Count} department-months with both groups");
        var covered = splits.Count(s => s.GapLow <= planted && planted <= s.GapHigh);
        var meanGap = splits.Average(s => s.Gap!.Value);
        Assert.True(covered >= 0.85 * splits.Count,
            $"{condition}: planted {planted:0.0} inside {covered} of {splits.Count} intervals; mean gap {meanGap:0.0}");
        // The intervals are informative: the mean gap lies on the planted effect's side of zero, or near zero when nothing was planted.
        if (planted != 0) Assert.True(Math.Sign(meanGap) == Math.Sign(planted), $"{condition}: mean gap {meanGap:0.0} vs planted {planted:0.0}");
        else Assert.InRange(meanGap, -5, 5);
    }

    [Fact]
    public async Task Csat_gap_intervals_cover_the_planted_fcr_sla_and_transfer_effects()
    {
        var all = await DepartmentMonthsAsync();
        Covers(all, DriverCondition.ResolvedFirstContact, d => d.Csat, 100 * CsatTop2Fcr);
        Covers(all, DriverCondition.WithinSla, d => d.Csat, 100 * CsatTop2SlaBreach);
        Covers(all, DriverCondition.Transferred, d => d.Csat, -100 * CsatTop2Transfer);
    }

    [Fact]
    public async Task Nps_gap_intervals_cover_the_planted_fcr_and_sla_effects_and_no_transfer_effect()
    {
        var all = await DepartmentMonthsAsync();
        Covers(all, DriverCondition.ResolvedFirstContact, d => d.Nps, NpsFcrEffect);
        Covers(all, DriverCondition.WithinSla, d => d.Nps, -NpsSlaBreachEffect);
        Covers(all, DriverCondition.Transferred, d => d.Nps, 0);
    }

    [Fact]
    public async Task Company_summer_gaps_lie_near_the_planted_effects()
    {
        // Pooled over the company and a quarter the intervals are tight (about ±3 points), so this
        // shows the size of the effects; the generator's not-resolved baseline runs about 3 points
        // under its planted 58% (see README), which the tolerance of 5 points allows for.
        var a = await CompanyAsync();
        OutcomeSplit Of(DriverCondition c, bool nps) => nps ? a.Drivers.Single(d => d.Condition == c).Nps : a.Drivers.Single(d => d.Condition == c).Csat;
        Assert.InRange(Of(DriverCondition.ResolvedFirstContact, false).Gap!.Value, 100 * CsatTop2Fcr - 5, 100 * CsatTop2Fcr + 5);
        Assert.InRange(Of(DriverCondition.WithinSla, false).Gap!.Value, 100 * CsatTop2SlaBreach - 5, 100 * CsatTop2SlaBreach + 5);
        Assert.InRange(Of(DriverCondition.Transferred, false).Gap!.Value, -100 * CsatTop2Transfer - 5, -100 * CsatTop2Transfer + 5);
        Assert.InRange(Of(DriverCondition.ResolvedFirstContact, true).Gap!.Value, NpsFcrEffect - 5, NpsFcrEffect + 5);
        Assert.InRange(Of(DriverCondition.WithinSla, true).Gap!.Value, -NpsSlaBreachEffect - 5, -NpsSlaBreachEffect + 5);
    }

    [Fact]
    public async Task Linked_response_counts_equal_plain_sql_over_raw_rows()
    {
        var a = await CompanyAsync();
        var rows = await db.RowsAsync("""
            SELECT count(*), count(*) FILTER (WHERE i.resolved_first_contact AND r.csat IS NOT NULL),
                   count(*) FILTER (WHERE i.resolved_first_contact AND r.csat >= 4)
            FROM survey_response r JOIN interaction i ON i.external_id = r.interaction_external_id
            WHERE r.responded_at >= '2026-07-01' AND r.responded_at < '2026-10-01'
            """);
        Assert.Equal((long)rows[0][0]!, a.LinkedResponses);
        var fcr = a.Drivers.Single(d => d.Condition == DriverCondition.ResolvedFirstContact).Csat;
        Assert.Equal((long)rows[0][1]!, fcr.NWith);
        Assert.Equal(100.0 * (long)rows[0][2]! / (long)rows[0][1]!, fcr.ValueWith!.Value, 9);
    }
}
