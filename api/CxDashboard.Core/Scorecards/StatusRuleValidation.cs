using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>Checks an ordered status rule before it is stored.</summary>
internal static class StatusRuleValidation
{
    public static void Check(IReadOnlyList<StatusCondition> rule, InputErrors errors, string field)
    {
        if (rule.Count == 0) errors.Add(field, "a status rule needs at least one condition");
        if (rule.Count > StatusRule.MaxConditions) errors.Add(field, $"a status rule has at most {StatusRule.MaxConditions} conditions");
        for (var i = 0; i < rule.Count; i++)
        {
            var c = rule[i];
            var path = $"{field}[{i}]";
            if (c.Status == KpiStatus.NoData) errors.Add($"{path}.status", "no_data is given automatically when there is no actual; a rule gives on_track, at_risk or off_track");
            if (c.Measure == StatusMeasure.Always && (c.Min is not null || c.Max is not null)) errors.Add(path, "an 'always' condition takes no min or max");
            if (c.Measure != StatusMeasure.Always && c.Min is null && c.Max is null) errors.Add(path, "give min, max or both (or use measure 'always')");
            if (c.Min is { } min && c.Max is { } max && min > max) errors.Add($"{path}.min", $"min ({min}) is greater than max ({max})");
            if (c.Min is { } a && !double.IsFinite(a)) errors.Add($"{path}.min", "must be a finite number");
            if (c.Max is { } b && !double.IsFinite(b)) errors.Add($"{path}.max", "must be a finite number");
            if (c.Measure == StatusMeasure.Always && i < rule.Count - 1) errors.Add($"{field}[{i + 1}]", "unreachable: an 'always' condition before it matches every value");
        }
    }
}
