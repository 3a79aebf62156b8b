using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Hierarchy;

/// <summary>A unit as the read API shows it: the tree node plus its partner's code and name.</summary>
public sealed record OrgNode(long Id, long? ParentId, string Kind, string Code, string Name, long? PartnerId);

/// <summary>
/// Batched reads of the org tree: each method is one SQL command for any number of ids, so a
/// DataLoader can fetch a whole level of a query at once. Scope is not applied here — callers
/// pass ids that the caller's scope already allows (Api/Security/ScopeGate).
/// </summary>
public sealed class OrgQueries(NpgsqlDataSource db)
{
    private const string Columns = "u.id, u.parent_id, u.kind, u.code, u.name, u.partner_id";
    private const string From = "org_unit u";

    public async Task<IReadOnlyDictionary<long, OrgNode>> UnitsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var rows = await ReadAsync($"SELECT {Columns}, 0 FROM {From} WHERE u.id = ANY(@ids)", ids, ct);
        return rows.ToDictionary(r => r.Node.Id, r => r.Node);
    }

    public async Task<IReadOnlyDictionary<string, OrgNode>> UnitsByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns}, 0 FROM {From} WHERE u.code = ANY(@codes)");
        cmd.Parameters.Add(new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = codes.ToArray() });
        var rows = await ReadAsync(cmd, ct);
        return rows.ToDictionary(r => r.Node.Code, r => r.Node, StringComparer.Ordinal);
    }

    /// <summary>Children of each parent, ordered by kind then name.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OrgNode>>> ChildrenAsync(IReadOnlyCollection<long> parentIds, CancellationToken ct = default)
    {
        var rows = await ReadAsync($"SELECT {Columns}, u.parent_id FROM {From} WHERE u.parent_id = ANY(@ids) ORDER BY u.kind = 'partner', u.name, u.code", parentIds, ct);
        return Group(parentIds, rows);
    }

    /// <summary>Ancestors of each unit, the root first, the unit itself excluded.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OrgNode>>> AncestorsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var rows = await ReadAsync($"""
            SELECT {Columns}, c.descendant_id FROM org_unit_closure c JOIN {From} ON u.id = c.ancestor_id
            WHERE c.descendant_id = ANY(@ids) AND c.depth > 0 ORDER BY c.descendant_id, c.depth DESC
            """, ids, ct);
        return Group(ids, rows);
    }

    /// <summary>The top-most units of a set: those whose parent is outside it (the roots a scope starts from).</summary>
    public async Task<IReadOnlyList<OrgNode>> TopmostAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var rows = await ReadAsync($"SELECT {Columns}, 0 FROM {From} WHERE u.id = ANY(@ids) AND (u.parent_id IS NULL OR NOT u.parent_id = ANY(@ids)) ORDER BY u.name, u.code", ids, ct);
        return rows.Select(r => r.Node).ToArray();
    }

    private static IReadOnlyDictionary<long, IReadOnlyList<OrgNode>> Group(IReadOnlyCollection<long> keys, List<(OrgNode Node, long Key)> rows)
    {
        var lookup = rows.ToLookup(r => r.Key, r => r.Node);
        return keys.Distinct().ToDictionary(k => k, k => (IReadOnlyList<OrgNode>)lookup[k].ToArray());
    }

    private async Task<List<(OrgNode Node, long Key)>> ReadAsync(string sql, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids.Distinct().ToArray() });
        return await ReadAsync(cmd, ct);
    }

    private static async Task<List<(OrgNode Node, long Key)>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<(OrgNode, long)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add((new OrgNode(
                r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetInt64(5)),
                Convert.ToInt64(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return list;
    }
}
