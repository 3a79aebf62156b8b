using System.Text.Json;
using System.Text.Json.Nodes;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>What a status condition compares with its bounds.</summary>
public enum StatusMeasure
{
    /// <summary>Attainment: actual as a percentage of target in the metric's direction (100 = on target).</summary>
    PercentOfTarget,

    /// <summary>Actual − target in the metric's direction (positive = better than target), in the metric's unit.</summary>
    GapToTarget,

    /// <summary>The actual value itself (absolute thresholds).</summary>
    Actual,

    /// <summary>Always matches: the catch-all at the end of a rule.</summary>
    Always,
}

/// <summary>One line of a status rule: the status it gives when <c>Min ≤ measure ≤ Max</c> (missing bound = open).</summary>
public sealed record StatusCondition(KpiStatus Status, StatusMeasure Measure, double? Min = null, double? Max = null)
{
    public bool NeedsTarget => Measure is StatusMeasure.PercentOfTarget or StatusMeasure.GapToTarget;
}

/// <summary>
/// An ordered status rule (DESIGN §7): the first condition that matches gives the status. No actual
/// gives <see cref="KpiStatus.NoData"/>; conditions that need a target are skipped without one; when
/// nothing matches, a KPI without a target has no data to judge and one with a target is off track.
/// </summary>
public sealed record StatusRule(IReadOnlyList<StatusCondition> Conditions)
{
    public const int MaxConditions = 10;

    /// <summary>The rule of a KPI without one: on track at 100% of target, at risk from 95%, else off track.</summary>
    public static readonly StatusRule Default = new([
        new(KpiStatus.OnTrack, StatusMeasure.PercentOfTarget, Min: 100),
        new(KpiStatus.AtRisk, StatusMeasure.PercentOfTarget, Min: 95),
        new(KpiStatus.OffTrack, StatusMeasure.Always),
    ]);

    /// <summary>The KPI has no rule of its own (none stored, or one that could not be read).</summary>
    public bool IsDefault => ReferenceEquals(this, Default);

    public KpiStatus Evaluate(double? actual, double? target, double? attainment, double? gap)
    {
        if (actual is not { } a) return KpiStatus.NoData;
        foreach (var c in Conditions)
        {
            double? x = c.Measure switch
            {
                StatusMeasure.PercentOfTarget => attainment,
                StatusMeasure.GapToTarget => gap,
                StatusMeasure.Actual => a,
                _ => 0,
            };
            if (x is not { } v) continue;
            if (c.Min is { } min && v < min) continue;
            if (c.Max is { } max && v > max) continue;
            return c.Status;
        }
        return target is null ? KpiStatus.NoData : KpiStatus.OffTrack;
    }

    /// <summary>
    /// Reads a stored rule: the canonical <c>{"rules":[{"status":"on_track","measure":"percent_of_target","min":100},…]}</c>,
    /// or the compact forms the demo seeds (<c>{"type":"percentOfTarget","onTrack":1.0,"atRisk":0.95}</c>, fractions of
    /// target; <c>{"type":"absoluteGap","onTrack":0,"atRisk":-5}</c>, gaps in metric units). Null or unreadable gives the default.
    /// </summary>
    public static StatusRule FromJson(JsonDocument? json)
    {
        if (json is null) return Default;
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return Default;
        if (root.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
        {
            var list = new List<StatusCondition>();
            foreach (var r in rules.EnumerateArray())
            {
                var status = KpiStatusNames.FromDb(r.TryGetProperty("status", out var s) ? s.GetString() : null);
                var measure = ParseMeasure(r.TryGetProperty("measure", out var m) ? m.GetString() : null);
                if (status is null || measure is null) return Default;
                list.Add(new(status.Value, measure.Value, Number(r, "min"), Number(r, "max")));
            }
            return list.Count == 0 ? Default : new StatusRule(list);
        }
        if (root.TryGetProperty("type", out var type) && Number(root, "onTrack") is { } onTrack && Number(root, "atRisk") is { } atRisk)
        {
            return type.GetString() switch
            {
                "percentOfTarget" => new([
                    new(KpiStatus.OnTrack, StatusMeasure.PercentOfTarget, Min: onTrack * 100),
                    new(KpiStatus.AtRisk, StatusMeasure.PercentOfTarget, Min: atRisk * 100),
                    new(KpiStatus.OffTrack, StatusMeasure.Always)]),
                "absoluteGap" => new([
                    new(KpiStatus.OnTrack, StatusMeasure.GapToTarget, Min: onTrack),
                    new(KpiStatus.AtRisk, StatusMeasure.GapToTarget, Min: atRisk),
                    new(KpiStatus.OffTrack, StatusMeasure.Always)]),
                _ => Default,
            };
        }
        return Default;
    }

    /// <summary>The canonical stored form.</summary>
    public JsonDocument ToJson()
    {
        var rules = new JsonArray();
        foreach (var c in Conditions)
        {
            var o = new JsonObject { ["status"] = c.Status.ToDb(), ["measure"] = MeasureName(c.Measure) };
            if (c.Min is { } min) o["min"] = min;
            if (c.Max is { } max) o["max"] = max;
            rules.Add(o);
        }
        return JsonDocument.Parse(new JsonObject { ["rules"] = rules }.ToJsonString());
    }

    public static string MeasureName(StatusMeasure m) => m switch
    {
        StatusMeasure.PercentOfTarget => "percent_of_target",
        StatusMeasure.GapToTarget => "gap_to_target",
        StatusMeasure.Actual => "actual",
        _ => "always",
    };

    public static StatusMeasure? ParseMeasure(string? name) => name switch
    {
        "percent_of_target" => StatusMeasure.PercentOfTarget,
        "gap_to_target" => StatusMeasure.GapToTarget,
        "actual" => StatusMeasure.Actual,
        "always" => StatusMeasure.Always,
        _ => null,
    };

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
