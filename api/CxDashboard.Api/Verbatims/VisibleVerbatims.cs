using CxDashboard.Api.Security;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;

namespace CxDashboard.Api.Verbatims;

/// <summary>
/// One verbatim page to read: a unit's comments for a period, band and dimension filter (every dimension, compared by
/// value), <c>first</c> after a cursor.
/// </summary>
public sealed record VerbatimKey(long UnitId, Period Period, VerbatimBand Band, VerbatimSlices Slices, int First, string? After);

/// <summary>
/// Comment pages through the caller's scope (<see cref="ScopeGate"/>): a unit outside it has no page, the subtree
/// under a visible unit is read within the scope, and under the privacy floor groups below it are left out and
/// scores come as bands only.
/// </summary>
public sealed class VisibleVerbatims(ScopeGate gate, VerbatimQuery verbatims)
{
    /// <summary>
    /// Comment pages of visible units (others are absent), one command per distinct (period, band, filter,
    /// page) — a query level asks the same page of every unit, so that is one command for all of them.
    /// </summary>
    public async Task<IReadOnlyDictionary<VerbatimKey, VerbatimPage>> PagesAsync(IReadOnlyCollection<VerbatimKey> keys, CancellationToken ct = default)
    {
        foreach (var k in keys) gate.RequireReadable(k.Period);
        foreach (var k in keys)
        {
            gate.Locks.CheckExact(k.Period);
            gate.Locks.CheckRead(k.Period, k.Slices);
        }
        var scope = await gate.ScopeAsync(ct);
        var pages = new Dictionary<VerbatimKey, VerbatimPage>();
        foreach (var group in keys.Where(k => scope.CanSee(k.UnitId)).Distinct().GroupBy(k => k with { UnitId = 0 }))
        {
            var g = group.Key;
            var floor = gate.AppliesPrivacyFloor ? gate.Confidence.PrivacyFloor : (int?)null;
            var read = await verbatims.PagesAsync(group.Select(k => k.UnitId).ToArray(), scope.ToArray(), g.Period, g.Band, g.Slices, g.First, g.After, floor, ct);
            foreach (var k in group)
            {
                var page = read[k.UnitId];
                // under the floor: scores as bands only
                pages[k] = floor is null ? page : page with { Items = page.Items.Select(v => v.Banded()).ToArray() };
            }
        }
        return pages;
    }

    /// <summary>One visible unit's page; null outside the scope.</summary>
    public async Task<VerbatimPage?> PageAsync(long unitId, Period period, VerbatimBand band, VerbatimSlices slices, int first, string? after, CancellationToken ct = default)
    {
        var key = new VerbatimKey(unitId, period, band, slices, first, after);
        return (await PagesAsync([key], ct)).GetValueOrDefault(key);
    }
}
