using Npgsql;

namespace CxDashboard.Core.Partners;

/// <summary>
/// A partner and its engagement nodes. <see cref="TopEngagementIds"/> are the engagements with no
/// engagement of the same partner above them: their subtrees are disjoint, so summing their cells
/// counts each fact once (what a partner cell holds when all of them are summed).
/// </summary>
public sealed record PartnerInfo(long Id, string Code, string Name, IReadOnlyList<long> EngagementIds, IReadOnlyList<long> TopEngagementIds);

public sealed class PartnerQueries(NpgsqlDataSource db)
{
    /// <summary>Every partner with its engagements, by code (one SQL command).</summary>
    public async Task<IReadOnlyList<PartnerInfo>> AllAsync(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT p.id, p.code, p.name,
                   coalesce(array_agg(e.id ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL), '{}'),
                   coalesce(array_agg(e.id ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM org_unit_closure c JOIN org_unit a ON a.id = c.ancestor_id
                       WHERE c.descendant_id = e.id AND c.depth > 0 AND a.partner_id = p.id)), '{}')
            FROM partner p LEFT JOIN org_unit e ON e.partner_id = p.id
            GROUP BY p.id, p.code, p.name
            ORDER BY p.code
            """);
        var list = new List<PartnerInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new PartnerInfo(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<long[]>(3), r.GetFieldValue<long[]>(4)));
        }
        return list;
    }
}
