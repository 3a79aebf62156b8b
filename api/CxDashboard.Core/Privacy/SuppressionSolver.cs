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
/// times the (small) number of times a relation is revisited. The relations are made once per scope and solved
/// for each basis's counts (relations that hold for some bases only are switched off for the others).
/// </remarks>
public sealed class SuppressionSolver(int cells)
{
    private readonly List<int[]> relations = [];
    private int[]? memberOfStart;
    private int[]? memberOf;

    /// <summary>Cells are numbered 0 … <see cref="Cells"/> − 1; the counts come with each <see cref="Solve"/>.</summary>
    public int Cells => cells;

    public int Relations => relations.Count;

    /// <summary>
    /// <paramref name="total"/> = Σ <paramref name="parts"/> exactly (parts with no data may be left out); returns the
    /// relation's number, by which <see cref="Solve"/> may leave it out for one set of counts.
    /// </summary>
    public int AddSum(int total, IReadOnlyList<int> parts)
    {
        int[] members = [total, .. parts];
        relations.Add(members);
        memberOf = null;
        return relations.Count - 1;
    }

    /// <summary>
    /// Which cells are unpublished for <paramref name="floor"/>, given each cell's count <paramref name="n"/>, whether it is
    /// <paramref name="hidden"/> (never published: a remainder nobody can read) and whether it is <paramref name="readable"/>
    /// (a cell nobody reads, e.g. a week's days in one month, costs nothing to suppress), with only the relations that
    /// <paramref name="holds"/> (all when null). The relations are made once and solved for each basis's counts.
    /// </summary>
    public bool[] Solve(long[] n, bool[] hidden, bool[] readable, bool[]? holds, int floor) =>
        Solve(n, hidden, readable, holds, floor, DefaultAuditBudget, out _);

    /// <summary>Row operations one audit round may spend on a basis (see <see cref="LinearAudit"/>); deterministic, unlike time.</summary>
    public const long DefaultAuditBudget = 60_000_000;

    /// <summary>Leaves the audit out: only for tests measuring what it adds (the api never passes it).</summary>
    public const long NoAudit = -1;

    /// <summary>Audit rounds that suppress one cell per given-away cell or group; later rounds suppress every published cell around it.</summary>
    public const int NarrowAuditRounds = 12;

    /// <summary>Audit rounds before whatever is still given away is settled by hiding its whole relation group.</summary>
    public const int MaxAuditRounds = 30;

    /// <summary>
    /// As <see cref="Solve(long[], bool[], bool[], bool[], int)"/>, then the linear audit of every relation at once
    /// (<see cref="LinearAudit"/>): while some hidden cell or group below the floor is given away, one more cell is
    /// suppressed for it (the cheapest published member of a relation around it, as above; farther out when there is
    /// none), the rules above are applied again, and the audit runs again. A component the audit cannot finish within
    /// <paramref name="auditBudget"/> has its whole relation group hidden (fail closed), as does whatever is still given
    /// away after <see cref="MaxAuditRounds"/> rounds.
    /// </summary>
    public bool[] Solve(long[] n, bool[] hidden, bool[] readable, bool[]? holds, int floor, long auditBudget, out AuditReport report)
    {
        var (start, of) = MemberIndex();
        var off = new bool[cells];
        var queue = new Queue<int>();
        var queued = new bool[relations.Count];
        // what an attacker could read if it is not suppressed (the audit's known cells)
        var publishable = new bool[cells];
        for (var i = 0; i < cells; i++) publishable[i] = readable[i] && !hidden[i];
        bool Holds(int r) => holds is null || holds[r];
        void Enqueue(int r)
        {
            if (queued[r] || !Holds(r)) return;
            queued[r] = true;
            queue.Enqueue(r);
        }
        void Suppress(int cell)
        {
            off[cell] = true;
            for (var q = start[cell]; q < start[cell + 1]; q++) Enqueue(of[q]);
        }
        bool Cheaper(int a, int b)
        {
            var ra = readable[a] && !hidden[a];
            var rb = readable[b] && !hidden[b];
            return ra != rb ? !ra : n[a] != n[b] ? n[a] < n[b] : a < b;
        }

        for (var i = 0; i < cells; i++)
        {
            if (n[i] > 0 && (hidden[i] || n[i] < floor)) off[i] = true;
        }
        for (var r = 0; r < relations.Count; r++) Enqueue(r);

        void Propagate()
        {
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
                Suppress(pick);
            }
        }

        // The cheapest published cell with data in the relations around the given-away cells, going farther out while
        // there is none (or, with all: every published cell of that ring); none when the cells' whole relation group is
        // unpublished (then nothing can be given away).
        List<int> Breakers(int[] group, bool all)
        {
            var seen = new HashSet<int>(group);
            var ring = group.ToList();
            var picks = new List<int>();
            while (ring.Count > 0)
            {
                var next = new List<int>();
                foreach (var c in ring)
                {
                    for (var q = start[c]; q < start[c + 1]; q++)
                    {
                        if (!Holds(of[q])) continue;
                        foreach (var m in relations[of[q]])
                        {
                            if (!seen.Add(m)) continue;
                            next.Add(m);
                            if (off[m] || n[m] == 0 || !publishable[m]) continue;
                            if (all) picks.Add(m);
                            else if (picks.Count == 0) picks.Add(m);
                            else if (Cheaper(m, picks[0])) picks[0] = m;
                        }
                    }
                }
                if (picks.Count > 0) return picks;
                ring = next;
            }
            return picks;
        }

        // Fail closed: every cell with data connected to these through relations that hold is hidden.
        int HideGroup(int[] group)
        {
            var hid = 0;
            var seen = new HashSet<int>(group);
            var stack = new Stack<int>(group);
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                if (!off[c] && n[c] > 0)
                {
                    off[c] = true;
                    hid++;
                }
                for (var q = start[c]; q < start[c + 1]; q++)
                {
                    if (!Holds(of[q])) continue;
                    foreach (var m in relations[of[q]])
                    {
                        if (seen.Add(m)) stack.Push(m);
                    }
                }
            }
            return hid;
        }

        Propagate();
        if (auditBudget == NoAudit)
        {
            report = new AuditReport(0, 0, 0, 0, 0, 0, 0, 0);
            return off;
        }
        var offBeforeAudit = off.Count(x => x);
        var (rounds, fixes, groupsHidden, hiddenByGroups, givenAwayFirst) = (0, 0, 0, 0, -1);
        long work = 0;
        var components = 0;
        while (true)
        {
            var audit = LinearAudit.Run(relations, holds, off, publishable, n, floor, auditBudget);
            rounds++;
            work += audit.Work;
            if (givenAwayFirst < 0) (givenAwayFirst, components) = (audit.GivenAway.Count, audit.Components);
            foreach (var group in audit.OverBudget)
            {
                groupsHidden++;
                hiddenByGroups += HideGroup(group);
            }
            if (audit.GivenAway.Count == 0) break;
            if (rounds >= MaxAuditRounds)
            {
                foreach (var group in audit.GivenAway)
                {
                    if (Breakers(group, all: false).Count == 0) continue;
                    groupsHidden++;
                    hiddenByGroups += HideGroup(group);
                }
                break;
            }
            // One more cell per given-away cell or group, all in one round (a breaker chosen for one may already break
            // another). Where that has not settled it within a few rounds, every published cell around what is still given
            // away: fewer rounds, at the price of more hidden cells there.
            var wide = rounds > NarrowAuditRounds;
            foreach (var group in audit.GivenAway)
            {
                foreach (var pick in Breakers(group, wide))
                {
                    if (off[pick]) continue;
                    Suppress(pick);
                    fixes++;
                }
            }
            Propagate();
        }
        Propagate();
        report = new AuditReport(rounds, givenAwayFirst, fixes, off.Count(x => x) - offBeforeAudit, groupsHidden, hiddenByGroups, work, components);
        return off;
    }

    /// <summary>For each cell, the relations it is a member of (in relation order), as one flat array: built once.</summary>
    private (int[] Start, int[] Of) MemberIndex()
    {
        if (memberOf is not null) return (memberOfStart!, memberOf);
        var start = new int[cells + 1];
        foreach (var members in relations)
        {
            for (var i = 0; i < members.Length; i++)
            {
                if (Array.IndexOf(members, members[i]) == i) start[members[i] + 1]++;
            }
        }
        for (var c = 0; c < cells; c++) start[c + 1] += start[c];
        var of = new int[start[cells]];
        var fill = (int[])start.Clone();
        for (var r = 0; r < relations.Count; r++)
        {
            var members = relations[r];
            for (var i = 0; i < members.Length; i++)
            {
                if (Array.IndexOf(members, members[i]) == i) of[fill[members[i]]++] = r;
            }
        }
        (memberOfStart, memberOf) = (start, of);
        return (start, of);
    }
}

/// <summary>
/// What the linear audit did for one basis: rounds run, cells and groups given away by the pattern before it, cells
/// suppressed one by one to break them, all cells it suppressed (with what the rules then added), relation groups hidden
/// whole (fail closed: over budget, or still given away after the last round) and their cells, row operations spent.
/// </summary>
public sealed record AuditReport(int Rounds, int GivenAwayAtFirst, int Fixes, int AddedCells, int GroupsHiddenWhole, int CellsHiddenWhole, long Work, int Components);
