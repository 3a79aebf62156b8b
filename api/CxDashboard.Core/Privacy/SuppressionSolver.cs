namespace CxDashboard.Core.Privacy;

/// <summary>
/// Primary and secondary (complementary) cell suppression over additive relations — standard statistical
/// disclosure control. Cells carry n (the count a value is computed from); a cell with 0 &lt; n &lt; floor is
/// suppressed (primary). Every relation <c>total = Σ parts</c> then gets 0 or at least 2 unpublished members, so
/// no suppressed cell equals a published total minus published parts: where a relation has exactly one, the
/// smallest published part with data is suppressed too (the total when no part is left). Hidden cells (a
/// remainder nobody can read, e.g. a unit's own facts next to its children) count as unpublished from the start.
/// </summary>
/// <remarks>
/// Deterministic: the same cells and relations in the same order give the same pattern, so a caller sees the
/// same suppression whatever it asks and in whichever order. A worklist makes it linear in the relations' size
/// times the (small) number of times a relation is revisited.
/// </remarks>
public sealed class SuppressionSolver
{
    private readonly List<long> n = [];
    private readonly List<bool> hidden = [];
    private readonly List<int[]> relations = [];
    private readonly List<RelationKind> kinds = [];
    private readonly List<List<int>> memberOf = [];

    private enum RelationKind
    {
        Sum,
        Cover,
    }

    public int Count => n.Count;

    /// <summary>A cell with count <paramref name="count"/>; hidden cells are never published.</summary>
    public int AddCell(long count, bool isHidden = false)
    {
        n.Add(count);
        hidden.Add(isHidden);
        memberOf.Add([]);
        return n.Count - 1;
    }

    public long CountOf(int cell) => n[cell];

    /// <summary><paramref name="total"/> = Σ <paramref name="parts"/> exactly (parts with no data may be left out).</summary>
    public void AddSum(int total, IReadOnlyList<int> parts)
    {
        if (parts.Count == 0) return;
        Add(RelationKind.Sum, [total, .. parts]);
    }

    /// <summary>
    /// A coarse cell (<paramref name="coarse"/>: a week) overlapping finer-grained wholes it is not a part of
    /// (<paramref name="wholes"/>: the months it straddles). Periods of two tilings can add up to the same days when
    /// the days between their boundaries hold no data, so: a whole that is unpublished hides the week too, and a week
    /// suppressed for itself (primary or complementary, not because of a whole) hides the wholes it overlaps.
    /// </summary>
    public void AddCover(int coarse, IReadOnlyList<int> wholes)
    {
        if (wholes.Count == 0) return;
        Add(RelationKind.Cover, [coarse, .. wholes]);
    }

    private void Add(RelationKind kind, int[] members)
    {
        relations.Add(members);
        kinds.Add(kind);
        foreach (var m in members.Distinct()) memberOf[m].Add(relations.Count - 1);
    }

    /// <summary>Which cells are unpublished for <paramref name="floor"/>.</summary>
    /// <remarks>
    /// A week hidden only because a month it straddles is (state <see cref="Soft"/>) may still be worked out where the
    /// days between week and month boundaries hold no data, so it never counts as one of the two unknowns a relation
    /// needs: only firm suppressions (primary, hidden, complementary) do.
    /// </remarks>
    public bool[] Solve(int floor)
    {
        var count = n.Count;
        var state = new byte[count];
        var queue = new Queue<int>();
        var queued = new bool[relations.Count];
        void Enqueue(int r)
        {
            if (queued[r]) return;
            queued[r] = true;
            queue.Enqueue(r);
        }
        void Suppress(int cell, byte to)
        {
            if (state[cell] >= to || n[cell] == 0) return;
            state[cell] = to;
            foreach (var r in memberOf[cell]) Enqueue(r);
        }

        for (var i = 0; i < count; i++)
        {
            if (n[i] > 0 && (hidden[i] || n[i] < floor)) state[i] = Firm;
        }
        for (var r = 0; r < relations.Count; r++) Enqueue(r);

        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            queued[r] = false;
            var members = relations[r];
            if (kinds[r] == RelationKind.Cover)
            {
                var week = members[0];
                var wholeOff = false;
                for (var i = 1; i < members.Length; i++) wholeOff |= state[members[i]] != Published;
                if (wholeOff) Suppress(week, Soft);
                if (state[week] == Firm)
                {
                    for (var i = 1; i < members.Length; i++) Suppress(members[i], Firm);
                }
                continue;
            }

            int firm = 0, soft = 0;
            for (var i = 0; i < members.Length; i++)
            {
                if (state[members[i]] == Firm) firm++;
                else if (state[members[i]] == Soft) soft++;
            }
            // One firm unknown: a second firm one. No firm but one soft (a week hidden for its month): a second soft one,
            // so even a precautionary hiding is not undone by subtraction.
            var level = firm == 1 ? Firm : firm == 0 && soft == 1 ? Soft : Published;
            if (level == Published) continue;
            // The smallest part with data not suppressed at that level yet; the total when there is none.
            var pick = -1;
            for (var i = 1; i < members.Length; i++)
            {
                var m = members[i];
                if (state[m] >= level || n[m] == 0) continue;
                if (pick < 0 || n[m] < n[pick] || (n[m] == n[pick] && m < pick)) pick = m;
            }
            Suppress(pick >= 0 ? pick : members[0], level);
        }
        return [.. state.Select(x => x != Published)];
    }

    private const byte Published = 0;
    private const byte Soft = 1;
    private const byte Firm = 2;
}
