using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>A subject a unit's facts count toward: the unit itself, each unit above it, and each partner it works for.</summary>
internal readonly record struct SubjectTarget(short Kind, long Subject);

/// <summary>
/// For each org unit, every subject whose cells its facts go into (read in the run's snapshot): the units of the closure
/// above it and itself (a unit's cell is its subtree's), and the partners whose engagement roots it lies under (disjoint
/// subtrees, so each fact counts once per partner). A unit outside the closure has none; its facts are in no cell.
/// </summary>
internal sealed class SubjectTargets
{
    private readonly Dictionary<long, SubjectTarget[]> byUnit;

    private SubjectTargets(Dictionary<long, SubjectTarget[]> byUnit) => this.byUnit = byUnit;

    public ReadOnlySpan<SubjectTarget> Of(long unit) => byUnit.TryGetValue(unit, out var targets) ? targets : default;

    public static async Task<SubjectTargets> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var lists = new Dictionary<long, List<SubjectTarget>>();
        await using var cmd = new NpgsqlCommand($"""
            SELECT descendant_id, 0::smallint, ancestor_id FROM org_unit_closure
            UNION ALL
            SELECT c.descendant_id, 1::smallint, r.partner_id FROM ({RollupSql.PartnerRoots}) r JOIN org_unit_closure c ON c.ancestor_id = r.unit_id
            """, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var unit = r.GetInt64(0);
            if (!lists.TryGetValue(unit, out var list)) lists[unit] = list = [];
            list.Add(new SubjectTarget(r.GetInt16(1), r.GetInt64(2)));
        }
        return new SubjectTargets(lists.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
