using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;

namespace CxDashboard.Api.Hierarchy;

/// <summary>A breadcrumb step: every ancestor shows its name; only ancestors inside the scope carry the unit.</summary>
public sealed record Crumb(string Name, OrgNode? Unit);

/// <summary>
/// The org tree as the caller's scope (<see cref="ScopeGate"/>) shows it: units outside it read as absent, ancestors
/// outside it as names. Every method takes a batch, so a DataLoader calls it once per query level.
/// </summary>
public sealed class VisibleOrg(ScopeGate gate, OrgQueries org)
{
    public async Task<IReadOnlyDictionary<long, OrgNode>> UnitsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var allowed = ids.Where(scope.CanSee).ToArray();
        return allowed.Length == 0 ? new Dictionary<long, OrgNode>() : await org.UnitsAsync(allowed, ct);
    }

    public async Task<IReadOnlyDictionary<string, OrgNode>> UnitsByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var found = await org.UnitsByCodeAsync(codes, ct);
        return found.Where(kv => scope.CanSee(kv.Value.Id)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The visible children of each visible parent (an invisible parent has none).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OrgNode>>> ChildrenAsync(IReadOnlyCollection<long> parentIds, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var allowed = parentIds.Where(scope.CanSee).ToArray();
        var found = allowed.Length == 0 ? new Dictionary<long, IReadOnlyList<OrgNode>>() : await org.ChildrenAsync(allowed, ct);
        return parentIds.Distinct().ToDictionary(
            id => id,
            id => found.TryGetValue(id, out var kids) ? (IReadOnlyList<OrgNode>)kids.Where(k => scope.CanSee(k.Id)).ToArray() : []);
    }

    /// <summary>Each visible unit's path from the root: names only for ancestors outside the scope.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Crumb>>> BreadcrumbsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        var allowed = ids.Where(scope.CanSee).Distinct().ToArray();
        var found = allowed.Length == 0 ? new Dictionary<long, IReadOnlyList<OrgNode>>() : await org.AncestorsAsync(allowed, ct);
        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Crumb>)kv.Value.Select(a => new Crumb(a.Name, scope.CanSee(a.Id) ? a : null)).ToArray());
    }

    /// <summary>The top-most units of the scope (the whole company for an executive, one department for its head, …).</summary>
    public async Task<IReadOnlyList<OrgNode>> RootsAsync(CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        return scope.UnitIds.Count == 0 ? [] : await org.TopmostAsync(scope.ToArray(), ct);
    }
}
