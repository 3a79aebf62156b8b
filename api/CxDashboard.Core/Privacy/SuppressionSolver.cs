namespace CxDashboard.Core.Privacy;

/// <summary>
/// Primary and secondary (complementary) cell suppression over additive relations — standard statistical
/// disclosure control. Cells carry n (the count a value is computed from); a cell with 0 &lt; n &lt; floor is
/// suppressed (primary). Every relation <c>total = Σ parts</c> then gets 0 or at least 2 unpublished members, so
/// no unpublished cell is a total minus parts that are known, however such differences are chained: the cells left
/// published are closed under taking differences. And where the total is published, the unpublished parts together
/// hold at least the floor: their sum is the total minus the published parts, a figure for the group they make up,
/// so that group must not be smaller than the floor either (two hidden weeks of n 1 and 2 would publish a figure
/// over 3 responses). Where the total is unpublished, what the relation gives away is the total minus its hidden
/// parts, which is the sum of its published parts: 0 or at least the floor already. Where a relation breaks either
/// rule, one more member is suppressed: a cell nobody reads if there is one (it costs no published figure), else
/// the part with the smallest n, else the total. A published part with data has n ≥ floor, so one more is always
/// enough for the relation itself. Hidden cells (a remainder nobody can read, e.g. a unit's own facts next to its
/// children) count as unpublished from the start.
/// </summary>
/// <remarks>
/// Cells nobody reads (the two parts of a week that straddles a month end, remainders) are modelled as cells so that
/// chains through them are seen: a part of a week is known to an attacker unless it is suppressed here, so suppressing
/// one holds only because its own relations get a second unknown too.
/// Deterministic: the same cells and relations in the same order give the same pattern, so a caller sees the
/// same suppression whatever it asks and in whichever order. A worklist makes it linear in the relations' size
/// times the (small) number of times a relation is revisited.
/// </remarks>
public sealed class SuppressionSolver
{
    private readonly List<long> n = [];
    private readonly List<bool> hidden = [];
    private readonly List<bool> readable = [];
    private readonly List<int[]> relations = [];
    private readonly List<List<int>> memberOf = [];

    public int Count => n.Count;

    /// <summary>
    /// A cell with count <paramref name="count"/>; hidden cells are never published; a cell that is not
    /// <paramref name="isReadable"/> has no value anyone reads, so suppressing it costs nothing.
    /// </summary>
    public int AddCell(long count, bool isHidden = false, bool isReadable = true)
    {
        n.Add(count);
        hidden.Add(isHidden);
        readable.Add(isReadable && !isHidden);
        memberOf.Add([]);
        return n.Count - 1;
    }

    public long CountOf(int cell) => n[cell];

    /// <summary><paramref name="total"/> = Σ <paramref name="parts"/> exactly (parts with no data may be left out).</summary>
    public void AddSum(int total, IReadOnlyList<int> parts)
    {
        if (parts.Count == 0) return;
        int[] members = [total, .. parts];
        relations.Add(members);
        foreach (var m in members.Distinct()) memberOf[m].Add(relations.Count - 1);
    }

    /// <summary>Which cells are unpublished for <paramref name="floor"/>.</summary>
    public bool[] Solve(int floor)
    {
        var count = n.Count;
        var off = new bool[count];
        var queue = new Queue<int>();
        var queued = new bool[relations.Count];
        void Enqueue(int r)
        {
            if (queued[r]) return;
            queued[r] = true;
            queue.Enqueue(r);
        }

        for (var i = 0; i < count; i++)
        {
            if (n[i] > 0 && (hidden[i] || n[i] < floor)) off[i] = true;
        }
        for (var r = 0; r < relations.Count; r++) Enqueue(r);

        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            queued[r] = false;
            var members = relations[r];
            var unknown = 0;
            long hiddenParts = 0;
            for (var i = 0; i < members.Length; i++)
            {
                if (!off[members[i]]) continue;
                unknown++;
                if (i > 0) hiddenParts += n[members[i]];
            }
            if (unknown == 0 || unknown >= 2 && (off[members[0]] || hiddenParts >= floor)) continue;
            // The cheapest part with data still published: one nobody reads, else the smallest n; the total when none is left.
            var pick = -1;
            for (var i = 1; i < members.Length; i++)
            {
                var m = members[i];
                if (off[m] || n[m] == 0) continue;
                if (pick < 0 || Cheaper(m, pick)) pick = m;
            }
            if (pick < 0) pick = members[0];
            if (off[pick] || n[pick] == 0) continue; // cannot happen for a consistent relation (a total with data has a part with data)
            off[pick] = true;
            foreach (var q in memberOf[pick]) Enqueue(q);
        }
        return off;
    }

    private bool Cheaper(int a, int b) =>
        readable[a] != readable[b] ? !readable[a] : n[a] != n[b] ? n[a] < n[b] : a < b;
}
