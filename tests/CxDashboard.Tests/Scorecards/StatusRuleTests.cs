using System.Text.Json;
using CxDashboard.Core.Scorecards;

namespace CxDashboard.Tests.Scorecards;

public sealed class StatusRuleTests
{
    [Fact]
    public void First_matching_condition_wins()
    {
        var rule = new StatusRule([
            new(KpiStatus.OffTrack, StatusMeasure.Actual, Max: 20),
            new(KpiStatus.OnTrack, StatusMeasure.PercentOfTarget, Min: 90),
            new(KpiStatus.AtRisk, StatusMeasure.Always),
        ]);
        // Actual 15 is below the absolute floor even though it is 150% of a target of 10.
        Assert.Equal(KpiStatus.OffTrack, rule.Evaluate(15, 10, 150, 5));
        Assert.Equal(KpiStatus.OnTrack, rule.Evaluate(45, 50, 90, -5));
        Assert.Equal(KpiStatus.AtRisk, rule.Evaluate(44, 50, 88, -6));
    }

    [Fact]
    public void No_actual_is_no_data_and_target_conditions_are_skipped_without_a_target()
    {
        Assert.Equal(KpiStatus.NoData, StatusRule.Default.Evaluate(null, 75, null, null));
        var targetOnly = new StatusRule([new(KpiStatus.OnTrack, StatusMeasure.PercentOfTarget, Min: 100)]);
        Assert.Equal(KpiStatus.NoData, targetOnly.Evaluate(80, null, null, null));
        Assert.Equal(KpiStatus.OffTrack, targetOnly.Evaluate(70, 75, 93.3, -5));
        var absolute = new StatusRule([new(KpiStatus.OnTrack, StatusMeasure.Actual, Min: 40), new(KpiStatus.OffTrack, StatusMeasure.Always)]);
        Assert.Equal(KpiStatus.OnTrack, absolute.Evaluate(41, null, null, null));
    }

    [Fact]
    public void Demo_compact_rules_read_as_ordered_conditions()
    {
        using var pct = JsonDocument.Parse("""{"type":"percentOfTarget","onTrack":1.0,"atRisk":0.95}""");
        var rule = StatusRule.FromJson(pct);
        Assert.Equal(KpiStatus.OnTrack, rule.Evaluate(75, 75, 100, 0));
        Assert.Equal(KpiStatus.AtRisk, rule.Evaluate(72, 75, 96, -3));
        Assert.Equal(KpiStatus.OffTrack, rule.Evaluate(70, 75, 93.3, -5));

        using var gap = JsonDocument.Parse("""{"type":"absoluteGap","onTrack":0,"atRisk":-5}""");
        var g = StatusRule.FromJson(gap);
        Assert.Equal(KpiStatus.AtRisk, g.Evaluate(25, 30, null, -5));
        Assert.Equal(KpiStatus.OffTrack, g.Evaluate(24, 30, null, -6));
    }

    [Fact]
    public void Canonical_json_round_trips()
    {
        var rule = new StatusRule([new(KpiStatus.OnTrack, StatusMeasure.GapToTarget, Min: -1.5, Max: 99), new(KpiStatus.OffTrack, StatusMeasure.Always)]);
        using var json = rule.ToJson();
        Assert.Equal("""{"rules":[{"status":"on_track","measure":"gap_to_target","min":-1.5,"max":99},{"status":"off_track","measure":"always"}]}""",
            json.RootElement.GetRawText());
        Assert.Equal(rule.Conditions, StatusRule.FromJson(json).Conditions);
    }

    [Theory]
    [InlineData(27, 30, "higher", "score", 100 * 127.0 / 130)]   // NPS shifted onto 0–200
    [InlineData(-20, -10, "higher", "score", 100 * 80.0 / 90)]
    [InlineData(72, 80, "higher", "percent", 90)]
    [InlineData(150, 120, "lower", "seconds", 80)]               // slower than target: 120 / 150
    [InlineData(0, 15, "lower", "percent", 200)]                 // zero repeats against a target of 15: capped at 200%, not ∞
    public void Attainment_follows_the_metrics_direction(double actual, double target, string direction, string unit, double expected)
    {
        Assert.Equal(expected, Attainment.Percent(actual, target, direction, unit)!.Value, 9);
    }
}
