using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>Checks an ordered status rule before it is stored.</summary>
internal static class StatusRuleValidation
{
    public static void Check(IReadOnlyList<StatusCondition> rule, InputErrors errors, string field)
    {
        if (rule.Count == 0) errors.Add(field, KpiProblem.RuleEmpty, "a status rule needs at least one condition");
        if (rule.Count > StatusRule.MaxConditions) errors.Add(field, KpiProblem.RuleTooLong, $"a status rule has at most {StatusRule.MaxConditions} conditions", ("max", StatusRule.MaxConditions));
        for (var i = 0; i < rule.Count; i++)
        {
            var c = rule[i];
            var path = $"{field}[{i}]";
            if (c.Status == KpiStatus.NoData) errors.Add($"{path}.status", KpiProblem.RuleNoDataStatus, "no_data is given automatically when there is no actual; a rule gives on_track, at_risk or off_track");
            if (c.Measure == StatusMeasure.Always && (c.Min is not null || c.Max is not null)) errors.Add(path, KpiProblem.RuleAlwaysWithBounds, "an 'always' condition takes no min or max");
            if (c.Measure != StatusMeasure.Always && c.Min is null && c.Max is null) errors.Add(path, KpiProblem.RuleNoBounds, "give min, max or both (or use measure 'always')");
            if (c.Min is { } min && c.Max is { } max && min > max) errors.Add($"{path}.min", KpiProblem.RuleMinAboveMax, $"min ({min}) is greater than max ({max})", ("min", min), ("max", max));
            if (c.Min is { } a && !double.IsFinite(a)) errors.Add($"{path}.min", KpiProblem.NotFinite, "must be a finite number");
            if (c.Max is { } b && !double.IsFinite(b)) errors.Add($"{path}.max", KpiProblem.NotFinite, "must be a finite number");
            if (c.Measure == StatusMeasure.Always && i < rule.Count - 1) errors.Add($"{field}[{i + 1}]", KpiProblem.RuleUnreachable, "unreachable: an 'always' condition before it matches every value");
        }
    }
}
