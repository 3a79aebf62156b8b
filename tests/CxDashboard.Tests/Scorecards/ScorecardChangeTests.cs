using System.Text.Json;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// A scorecard line's own previous period and change (issue 14): a KPI sliced to one segment is compared with the same
/// slice a period before, not with the unit's total. Every figure is worked out by hand below from the responses the
/// test imports, with the NPS test of DESIGN §6 (V = p + d − (p − d)², se = 100·√(V₁/n₁ + V₂/n₂), interval ± 1.96·se).
/// </summary>
public sealed class ScorecardChangeTests(CxApp app) : IClassFixture<CxApp>
{
    private static readonly DateOnly April = new(2026, 4, 1), May = new(2026, 5, 1);

    /// <summary>
    /// Unit A, segment premium — April: 6×NPS 10, 2×8, 2×3 (P 6, D 2, n 10: NPS 40); May: 6×10, 4×8, 30×2 (P 6, D 30,
    /// n 40: NPS −60). Consumer — April 20×7 (passives), May 10×10. So A as a whole: April P 6, D 2, n 30 (13.33), May
    /// P 16, D 30, n 50 (−28): a different change from the premium slice's.
    /// </summary>
    private async Task<(long A, long Premium, long Whole)> BuildAsync(string prefix)
    {
        var f = new FactsBuilder(app, prefix).Unit("C", "company").Unit("A", "department", "C")
            .Responses("A", April.AddDays(2), 6, 10, 5, segment: "premium").Responses("A", April.AddDays(3), 2, 8, 4, segment: "premium")
            .Responses("A", April.AddDays(4), 2, 3, 2, segment: "premium").Responses("A", April.AddDays(5), 20, 7, 4)
            .Responses("A", May.AddDays(2), 6, 10, 5, segment: "premium").Responses("A", May.AddDays(3), 4, 8, 4, segment: "premium")
            .Responses("A", May.AddDays(4), 30, 2, 1, segment: "premium").Responses("A", May.AddDays(5), 10, 10, 5);
        await f.BuildAsync();
        var a = await f.IdAsync("A");
        var admin = new KpiAdminService(app.DataSource, new KpiQueries(app.DataSource));
        var whole = await admin.CreateAsync(new KpiCreateInput(a, "nps"));
        var premium = await admin.CreateAsync(new KpiCreateInput(a, "nps", SliceDimension: "segment", SliceValue: "premium"));
        return (a, premium.Id, whole.Id);
    }

    private const string Query = """
        query($unit: ID!) { unit(id: $unit) { scorecard(period: "2026-05") { kpis {
          kpi { id sliceValue } actual n
          previous { period actual n suppressed }
          change { difference z significant low high } } } } }
        """;

    [Fact]
    public async Task A_sliced_kpi_line_carries_its_own_slices_previous_period_and_significance()
    {
        var (a, premium, whole) = await BuildAsync("chg1");
        var body = await app.GraphQLAsync("analyst", Query, new Dictionary<string, object> { ["unit"] = a.ToString() });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var lines = body.GetProperty("data").GetProperty("unit").GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .ToDictionary(l => long.Parse(l.GetProperty("kpi").GetProperty("id").GetString()!));

        // Premium: −60 against 40. V₁ = 0.15 + 0.75 − 0.6² = 0.54, V₂ = 0.6 + 0.2 − 0.4² = 0.64;
        // se = 100·√(0.54/40 + 0.64/10) = 100·√0.0775 = 27.8388; z = −100 / 27.8388 = −3.5921 (significant);
        // interval −100 ± 1.96 · 27.8388 = −154.564 … −45.436.
        var p = lines[premium];
        Assert.Equal(-60, p.GetProperty("actual").GetDouble(), 9);
        Assert.Equal(40, p.GetProperty("n").GetInt32());
        Assert.Equal("2026-04", p.GetProperty("previous").GetProperty("period").GetString());
        Assert.Equal(40, p.GetProperty("previous").GetProperty("actual").GetDouble(), 9);
        Assert.Equal(10, p.GetProperty("previous").GetProperty("n").GetInt32());
        var c = p.GetProperty("change");
        Assert.Equal(-100, c.GetProperty("difference").GetDouble(), 9);
        Assert.Equal(-3.5921, c.GetProperty("z").GetDouble(), 4);
        Assert.True(c.GetProperty("significant").GetBoolean());
        Assert.Equal(-154.564, c.GetProperty("low").GetDouble(), 3);
        Assert.Equal(-45.436, c.GetProperty("high").GetDouble(), 3);

        // The unit's whole NPS: −28 against 13.333. V₁ = 0.32 + 0.6 − 0.28² = 0.8416, V₂ = 0.2 + 0.0667 − 0.1333² = 0.24889;
        // se = 100·√(0.8416/50 + 0.24889/30) = 15.8519; z = −41.333 / 15.8519 = −2.6075; interval −72.403 … −10.264.
        var w = lines[whole].GetProperty("change");
        Assert.Equal(-41.3333, w.GetProperty("difference").GetDouble(), 4);
        Assert.Equal(-2.6075, w.GetProperty("z").GetDouble(), 4);
        Assert.Equal(-72.403, w.GetProperty("low").GetDouble(), 3);
        Assert.Equal(-10.264, w.GetProperty("high").GetDouble(), 3);
    }

    [Fact]
    public async Task The_slices_counts_behind_the_change_equal_plain_sql_over_the_responses()
    {
        var (a, premium, _) = await BuildAsync("chg2");
        var body = await app.GraphQLAsync("analyst", Query, new Dictionary<string, object> { ["unit"] = a.ToString() });
        var line = body.GetProperty("data").GetProperty("unit").GetProperty("scorecard").GetProperty("kpis").EnumerateArray()
            .Single(l => l.GetProperty("kpi").GetProperty("id").GetString() == premium.ToString());

        async Task<(long P, long D, long N)> Raw(DateOnly month)
        {
            var r = (await app.RowsAsync("""
                SELECT count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(nps) FROM survey_response
                WHERE org_unit_id = $1 AND segment = 'premium' AND (responded_at AT TIME ZONE 'UTC')::date BETWEEN $2 AND $3
                """, a, month, month.AddMonths(1).AddDays(-1)))[0];
            return ((long)r[0]!, (long)r[1]!, (long)r[2]!);
        }
        var (now, before) = (await Raw(May), await Raw(April));
        double Nps((long P, long D, long N) x) => 100.0 * (x.P - x.D) / x.N;
        double V((long P, long D, long N) x) { double p = (double)x.P / x.N, d = (double)x.D / x.N; return p + d - (p - d) * (p - d); }
        var se = 100 * Math.Sqrt(V(now) / now.N + V(before) / before.N);

        Assert.Equal(before.N, line.GetProperty("previous").GetProperty("n").GetInt64());
        Assert.Equal(Nps(before), line.GetProperty("previous").GetProperty("actual").GetDouble(), 9);
        var c = line.GetProperty("change");
        Assert.Equal(Nps(now) - Nps(before), c.GetProperty("difference").GetDouble(), 9);
        Assert.Equal((Nps(now) - Nps(before)) / se, c.GetProperty("z").GetDouble(), 9);
        Assert.Equal(Nps(now) - Nps(before) - 1.96 * se, c.GetProperty("low").GetDouble(), 9);
    }

    [Fact]
    public async Task A_line_whose_previous_period_is_hidden_by_the_floor_has_no_change()
    {
        var (a, premium, whole) = await BuildAsync("chg3");
        // Floor 12: the premium slice's April (n 10) is hidden, its May (n 40) shown; the whole unit is shown both months.
        var strict = new ConfidenceOptions { PrivacyFloor = 12 };
        var card = await new ScorecardService(app.DataSource).LoadAsync([a], Period.Of("month", May), _ => true, strict, applyPrivacyFloor: true);
        var p = card[a].Kpis.Single(k => k.Kpi.Id == premium);

        Assert.True(p.Previous.Suppressed);
        Assert.Null(p.Previous.Actual);
        Assert.Equal(10, p.Previous.N);
        Assert.Null(p.Change);                       // −60 minus a hidden value would give the hidden value away
        Assert.Equal(-60, p.Current.Actual!.Value, 9);
        Assert.Equal(-41.3333, card[a].Kpis.Single(k => k.Kpi.Id == whole).Change!.Difference, 4);
    }
}
