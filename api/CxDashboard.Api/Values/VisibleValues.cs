using CxDashboard.Api.Security;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Values;

/// <summary>One value to read: a unit's or a partner's metric for a period and slice.</summary>
public sealed record ValueKey(SubjectKind Kind, long SubjectId, string Metric, Period Period, Slice Slice);

/// <summary>
/// Metric values and breakdowns through the caller's scope (<see cref="ScopeGate"/>): subjects outside it are absent,
/// locked filters and readable periods are checked, and every value comes out of <see cref="ScopeGate.Shown"/> (the
/// privacy floor). Batched: a DataLoader calls it once per query level, one SQL command for all the keys.
/// </summary>
public sealed class VisibleValues(ScopeGate gate, CellStore cells)
{
    /// <summary>
    /// Values of visible subjects (others are absent). A partner whose engagements are all visible
    /// reads its own cell; otherwise the sum of its visible engagements' cells (disjoint subtrees,
    /// so still exact), which keeps other departments' share of a partner out of a department head's view.
    /// </summary>
    public async Task<IReadOnlyDictionary<ValueKey, MetricValue>> ValuesAsync(IReadOnlyCollection<ValueKey> keys, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var plans = new Dictionary<ValueKey, CellKey[]>();
        Dictionary<long, (PartnerInfo All, PartnerInfo Visible)>? partnerMap = null;
        foreach (var key in keys.Distinct())
        {
            if (!MetricReading.IsKnown(key.Metric)) throw new ArgumentException($"unknown metric '{key.Metric}'");
            gate.RequireReadable(key.Period);
            gate.Locks.CheckRead(key.Period, key.Slice);
            if (key.Kind == SubjectKind.Unit)
            {
                if (scope.CanSee(key.SubjectId)) plans[key] = [new CellKey(SubjectKind.Unit, key.SubjectId, key.Period, key.Slice)];
                continue;
            }
            partnerMap ??= await gate.PartnerMapAsync(ct);
            if (!partnerMap.TryGetValue(key.SubjectId, out var p)) continue;
            plans[key] = p.Visible.EngagementIds.Count == p.All.EngagementIds.Count
                ? [new CellKey(SubjectKind.Partner, key.SubjectId, key.Period, key.Slice)]
                : p.Visible.TopEngagementIds.Select(e => new CellKey(SubjectKind.Unit, e, key.Period, key.Slice)).ToArray();
        }
        var read = await cells.LoadAsync(plans.Values.SelectMany(x => x).ToArray(), ct);
        await gate.FloorAsync(ct);
        return plans.ToDictionary(kv => kv.Key, kv => Shown(kv.Key, kv.Value.Aggregate(CellStats.Empty, (acc, k) => acc.Plus(read[k]))));
    }

    /// <summary>A breakdown of a visible unit by one dimension (channel, journey stage, segment); absent outside the scope.</summary>
    public async Task<IReadOnlyDictionary<BreakdownKey, IReadOnlyList<(string Value, CellStats Stats)>>> BreakdownsAsync(
        IReadOnlyCollection<BreakdownKey> keys, CancellationToken ct = default)
    {
        foreach (var k in keys) gate.RequireReadable(k.Period);
        if (keys.Count > 0) gate.Locks.CheckUnsliced("a breakdown");
        foreach (var k in keys) gate.Locks.CheckExact(k.Period);
        var scope = await gate.ScopeAsync(ct);
        var allowed = keys.Where(k => k.Kind == SubjectKind.Unit && scope.CanSee(k.SubjectId)).ToArray();
        var read = await cells.LoadBreakdownsAsync(allowed, ct);
        await gate.FloorAsync(ct); // the rows' values go through Shown(key, …), which needs the pattern
        return read;
    }

    /// <summary>A value as this caller may see it (see <see cref="ScopeGate.Shown"/>).</summary>
    public MetricValue Shown(ValueKey key, CellStats stats) => gate.Shown(key.Kind, key.SubjectId, key.Metric, key.Period, key.Slice, stats);
}
