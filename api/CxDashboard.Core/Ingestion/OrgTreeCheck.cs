using CxDashboard.Core.Hierarchy;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Checks an org-unit file against the stored tree before anything is written: one root (the company, without
/// a parent; every other unit has one), no cycle, and every parent known. Rows that fail are rejected with their
/// reason, and so are their descendants in the file ("parent … rejected at line N"), so that quarantine mode
/// imports exactly the units that hang from the company.
/// </summary>
internal static class OrgTreeCheck
{
    /// <summary>A file row as the check sees it.</summary>
    public sealed record Unit(int Line, string Code, string Kind, string? ParentCode, int ParentColumn, int KindColumn);

    /// <summary>A stored unit: its parent's code and its kind.</summary>
    public sealed record StoredUnit(string? ParentCode, string Kind);

    /// <summary>
    /// The rows that fail, with one error each, in line order. <paramref name="rejectedEarlier"/> holds the codes
    /// of rows already rejected while reading (bad values), by line: their children are rejected too.
    /// </summary>
    public static List<(Unit Row, ImportError Error)> Check(string file, IReadOnlyList<Unit> rows, IReadOnlyDictionary<string, StoredUnit> stored,
        IReadOnlyDictionary<string, int> rejectedEarlier)
    {
        var failed = new Dictionary<string, (Unit Row, ImportError Error)>(StringComparer.Ordinal);
        void Fail(Unit row, int? column, string field, string code, string reason, params (string, object?)[] values) =>
            failed.TryAdd(row.Code, (row, new ImportError(file, row.Line, column is > 0 ? column : null, field, code, reason, values)));

        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);

        // One root. The company is whichever company unit is stored (unless this file makes it another kind),
        // else the file's first company row.
        var storedRoot = stored.Where(s => s.Value.Kind == OrgUnitKind.Company && s.Value.ParentCode is null
                                          && (!byCode.TryGetValue(s.Key, out var r) || r.Kind == OrgUnitKind.Company))
            .Select(s => s.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        var root = storedRoot;
        foreach (var row in rows.OrderBy(r => r.Line))
        {
            if (row.Kind == OrgUnitKind.Company)
            {
                if (row.ParentCode is not null)
                    Fail(row, row.ParentColumn, "parent_code", ImportProblem.RootHasParent, "the company is the root of the tree and has no parent");
                else if (root is null) root = row.Code;
                else if (root != row.Code)
                    Fail(row, row.KindColumn, "kind", ImportProblem.SecondRoot, $"a second root: the company is already '{root}'" +
                        (byCode.TryGetValue(root, out var first) ? $" (line {first.Line})" : " (stored)") + "; every other unit hangs below it", ("root", root));
            }
            else if (row.ParentCode is null)
            {
                Fail(row, row.ParentColumn, "parent_code", ImportProblem.ParentRequired,
                    $"a {row.Kind} needs a parent_code: every unit must reach the company{(root is null ? "" : $" '{root}'")}", ("kind", row.Kind), ("root", root));
            }
        }

        // Cycles, over the tree as it would be: the file's parents where it has the unit, the stored ones elsewhere.
        string? ParentOf(string code) => byCode.TryGetValue(code, out var r) ? r.ParentCode : stored.GetValueOrDefault(code)?.ParentCode;
        foreach (var row in rows)
        {
            if (failed.ContainsKey(row.Code)) continue;
            var path = new List<string> { row.Code };
            var seen = new HashSet<string>(StringComparer.Ordinal) { row.Code };
            for (var p = ParentOf(row.Code); p is not null; p = ParentOf(p))
            {
                if (!seen.Add(p))
                {
                    var cycle = path[path.IndexOf(p)..];
                    if (cycle.Contains(row.Code))
                    {
                        var shown = string.Join(" → ", cycle.Append(p));
                        Fail(row, row.ParentColumn, "parent_code", ImportProblem.ParentCycle, $"parent '{row.ParentCode}' would make a cycle: {shown}",
                            ("parent", row.ParentCode), ("cycle", cycle.Append(p).ToArray()));
                    }
                    break;
                }
                path.Add(p);
            }
        }

        // Unknown parents, and children of rejected rows, until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var row in rows)
            {
                if (failed.ContainsKey(row.Code) || row.ParentCode is not { } p) continue;
                int? rejectedAt = failed.TryGetValue(p, out var parent) ? parent.Row.Line
                    : rejectedEarlier.TryGetValue(p, out var line) && !byCode.ContainsKey(p) ? line : null;
                if (rejectedAt is { } at)
                    Fail(row, row.ParentColumn, "parent_code", ImportProblem.ParentRejected, $"parent '{p}' rejected at line {at}", ("parent", p), ("line", at));
                else if (!byCode.ContainsKey(p) && !stored.ContainsKey(p))
                    Fail(row, row.ParentColumn, "parent_code", ImportProblem.UnknownParent, $"unknown parent code '{p}' (not in this file nor stored)", ("parent", p));
                else continue;
                changed = true;
            }
        }
        return failed.Values.OrderBy(f => f.Row.Line).ToList();
    }
}
