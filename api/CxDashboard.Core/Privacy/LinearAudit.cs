namespace CxDashboard.Core.Privacy;

/// <summary>
/// What every relation of a pattern gives away at once. Each relation <c>total = Σ parts</c> that holds is an equation
/// over the unpublished cells (published cells and cells without data moved to the constant side). An unpublished cell
/// is given away when its unit vector lies in the row space of those equations (some combination of relations pins it),
/// and a group of unpublished cells with 0 &lt; Σ n &lt; floor is given away when the sum of their unit vectors does (a
/// figure over fewer responses than the floor).
/// </summary>
/// <remarks>
/// <para><b>How.</b> The unpublished cells fall into connected components (cells sharing a relation); a combination of
/// relations of one component says nothing about another, and a group below the floor spread over components has a piece
/// below the floor in one of them, so each component is audited alone. A component whose relations have no published
/// member with data is skipped: every equation's constant side is then 0 for every data set, so no combination tells
/// anything (a sum of cells with n &gt; 0 is never 0). Otherwise: sparse Gaussian elimination modulo p = 2^61 − 1 into
/// row echelon form, then two null vectors z, z′ drawn at random (fixed seed: the pattern stays deterministic) by back
/// substitution. A sum Σ e_i over a group lies in the row space exactly when it is orthogonal to the whole null space;
/// the audit calls it given away when Σ z_i = Σ z′_i = 0.</para>
/// <para><b>Why a false "not given away" is the only failure that matters, and how unlikely it is.</b> Two things can
/// err. (1) The random null vectors: if Σ e_i is not in the row space, a random null vector is orthogonal to it with
/// probability 1/p; that error says "given away" wrongly and only hides one cell more. It never misses a disclosure: a sum
/// in the row space is orthogonal to every null vector. (2) The field: ranks modulo p are never above the rational ones.
/// Let r be the rank of the relation matrix A over ℚ. If A has rank r modulo p too, then for any vector v,
/// rank_p([A; v]) ≥ rank_p(A) = r and ≤ rank_ℚ([A; v]), so v in the rational row space (rank r) is in the row space
/// modulo p: no disclosure is missed. (The other way, a rank that drops only with v added, again errs towards hiding.)
/// So a disclosure is missed only if A loses rank modulo p, i.e. p divides every r × r minor of A, hence their gcd (the
/// product of A's Smith invariant factors). Those minors are integers bounded by Hadamard's Π √(row length); the
/// matrices here are calendar, organisation and slice sums with ±1 entries whose invariant factors are small, and a
/// fixed 61-bit prime dividing such a gcd is, for data not built to hit it, a chance of the order of 2^−61 per
/// component and audit.</para>
/// <para><b>Bounded work, fail closed.</b> Work is counted in row operations (entries touched), not time, so every node
/// builds the same pattern whatever its load. A component over the budget (unknowns × relations above
/// <see cref="MaxUnknownsTimesRelations"/>, or elimination and group search past the work budget) is reported as
/// <see cref="Result.OverBudget"/>: the solver then hides its whole relation group instead of publishing it unaudited.</para>
/// </remarks>
public static class LinearAudit
{
    /// <summary>A component whose unknowns × relations exceed this is not even tried.</summary>
    public const long MaxUnknownsTimesRelations = 2_000_000_000;

    /// <summary>Given away: single cells (determined) and groups below the floor (computable sums); components not audited.</summary>
    public sealed record Result(IReadOnlyList<int[]> GivenAway, IReadOnlyList<int[]> OverBudget, long Work, int Components, int Unknowns);

    /// <summary>
    /// Audits <paramref name="relations"/> (members: total first, then parts) that <paramref name="holds"/> (all when null)
    /// over the cells that are <paramref name="off"/> with <paramref name="n"/> &gt; 0, within <paramref name="budget"/>
    /// row operations in all.
    /// </summary>
    public static Result Run(IReadOnlyList<int[]> relations, bool[]? holds, bool[] off, bool[] publishable, long[] n, int floor, long budget)
    {
        var cells = off.Length;
        // what an attacker does not read: unpublished cells and cells never published (segments, remainders), with data
        bool Unknown(int c) => n[c] > 0 && (off[c] || !publishable[c]);

        // components of the unknown cells through the relations that hold
        var parent = new int[cells];
        for (var i = 0; i < cells; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        for (var r = 0; r < relations.Count; r++)
        {
            if (holds is not null && !holds[r]) continue;
            var first = -1;
            foreach (var c in relations[r])
            {
                if (!Unknown(c)) continue;
                if (first < 0) first = c;
                else
                {
                    var (a, b) = (Find(first), Find(c));
                    if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }
        var members = new Dictionary<int, List<int>>();
        for (var c = 0; c < cells; c++)
        {
            if (!Unknown(c)) continue;
            var root = Find(c);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(c);
        }
        var relationsOf = new Dictionary<int, List<int>>();
        var published = new HashSet<int>();
        for (var r = 0; r < relations.Count; r++)
        {
            if (holds is not null && !holds[r]) continue;
            var root = -1;
            var anyPublished = false;
            foreach (var c in relations[r])
            {
                if (Unknown(c)) root = Find(c);
                else if (n[c] > 0) anyPublished = true;
            }
            if (root < 0) continue;
            if (!relationsOf.TryGetValue(root, out var list)) relationsOf[root] = list = [];
            list.Add(r);
            if (anyPublished) published.Add(root);
        }

        var givenAway = new List<int[]>();
        var overBudget = new List<int[]>();
        long work = 0;
        var unknowns = 0;
        foreach (var (root, unknownCells) in members.OrderBy(kv => kv.Key))
        {
            unknowns += unknownCells.Count;
            // nothing published around it: every constant is 0, nothing is told
            if (!published.Contains(root) || !relationsOf.TryGetValue(root, out var rels)) continue;
            if ((long)unknownCells.Count * rels.Count > MaxUnknownsTimesRelations || work > budget)
            {
                overBudget.Add([.. unknownCells]);
                continue;
            }
            var component = new Component(unknownCells, rels, relations, off, n, budget - work, root);
            var audited = component.Audit(floor, givenAway);
            work += component.Work;
            if (!audited) overBudget.Add([.. unknownCells]);
        }
        return new Result(givenAway, overBudget, work, members.Count, unknowns);
    }

    /// <summary>One connected component: its elimination, null vectors and the search of its groups below the floor.</summary>
    private sealed class Component
    {
        private readonly int[] cells;              // local column → cell, ascending
        private readonly Dictionary<int, int> column = [];
        private readonly List<int> relationIds;
        private readonly IReadOnlyList<int[]> relations;
        private readonly long[] n;
        private readonly bool[] off;
        private readonly long budget;
        private readonly ulong seed;
        private readonly int[] pivotRow;           // column → basis row, −1 when free
        private readonly List<(int[] Cols, ulong[] Vals)> basis = [];

        public long Work { get; private set; }

        public Component(List<int> unknownCells, List<int> relationIds, IReadOnlyList<int[]> relations, bool[] off, long[] n, long budget, int root)
        {
            cells = [.. unknownCells];
            for (var i = 0; i < cells.Length; i++) column[cells[i]] = i;
            this.relationIds = relationIds;
            this.relations = relations;
            this.off = off;
            this.n = n;
            this.budget = budget;
            seed = 0x9E3779B97F4A7C15UL ^ (ulong)root;
            pivotRow = new int[cells.Length];
            Array.Fill(pivotRow, -1);
        }

        /// <summary>Adds what the component gives away to <paramref name="givenAway"/>; false when the budget ran out.</summary>
        public bool Audit(int floor, List<int[]> givenAway)
        {
            if (!Eliminate()) return false;
            var (z1, z2) = (NullVector(1), NullVector(2));
            var found = new List<int[]>();
            var open = new List<int>(); // local columns not given away alone, below the floor
            for (var i = 0; i < cells.Length; i++)
            {
                // a cell never published but not suppressed either (a segment over at least the floor) may be known
                if (!off[cells[i]]) continue;
                if (z1[i] == 0 && z2[i] == 0) found.Add([cells[i]]);
                else if (n[cells[i]] < floor) open.Add(i);
            }
            if (!Groups(open, z1, z2, floor, found)) return false;
            givenAway.AddRange(found);
            return true;
        }

        private bool Eliminate()
        {
            var m = cells.Length;
            var acc = new ulong[m];
            var queued = new bool[m];
            var heap = new PriorityQueue<int, int>();
            void Touch(int j)
            {
                if (acc[j] != 0 && !queued[j])
                {
                    queued[j] = true;
                    heap.Enqueue(j, j);
                }
            }
            foreach (var r in relationIds)
            {
                var members = relations[r];
                for (var k = 0; k < members.Length; k++)
                {
                    if (!column.TryGetValue(members[k], out var j)) continue;
                    acc[j] = k == 0 ? PrimeField.Add(acc[j], 1) : PrimeField.Sub(acc[j], 1);
                    Touch(j);
                }
                while (heap.Count > 0)
                {
                    var c = heap.Dequeue();
                    queued[c] = false;
                    if (acc[c] == 0) continue;
                    if (pivotRow[c] >= 0)
                    {
                        var (cols, vals) = basis[pivotRow[c]];
                        var f = acc[c];
                        for (var t = 0; t < cols.Length; t++)
                        {
                            acc[cols[t]] = PrimeField.Sub(acc[cols[t]], PrimeField.Mul(f, vals[t]));
                            Touch(cols[t]);
                        }
                        Work += cols.Length;
                        if (Work > budget) return false;
                        continue;
                    }
                    // c is the new row's pivot: the smallest column left; the rest are in the heap
                    var rest = new List<int> { c };
                    while (heap.Count > 0)
                    {
                        var j = heap.Dequeue();
                        queued[j] = false;
                        if (acc[j] != 0) rest.Add(j);
                    }
                    rest.Sort();
                    var inverse = PrimeField.Inverse(acc[c]);
                    var row = (Cols: rest.ToArray(), Vals: new ulong[rest.Count]);
                    for (var t = 0; t < rest.Count; t++)
                    {
                        row.Vals[t] = PrimeField.Mul(acc[rest[t]], inverse);
                        acc[rest[t]] = 0;
                    }
                    pivotRow[c] = basis.Count;
                    basis.Add(row);
                    Work += rest.Count;
                }
            }
            return true;
        }

        /// <summary>A random vector of the null space: random free columns, the pivots solved from the last row up.</summary>
        private ulong[] NullVector(ulong draw)
        {
            var state = seed + draw * 0xD1B54A32D192ED03UL;
            ulong Next()
            {
                // SplitMix64, reduced into the field
                var z = state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return (z ^ (z >> 31)) % PrimeField.P;
            }
            var x = new ulong[cells.Length];
            for (var j = 0; j < cells.Length; j++)
            {
                if (pivotRow[j] < 0) x[j] = Next();
            }
            for (var j = cells.Length - 1; j >= 0; j--)
            {
                if (pivotRow[j] < 0) continue;
                var (cols, vals) = basis[pivotRow[j]];
                ulong sum = 0;
                for (var t = 1; t < cols.Length; t++) sum = PrimeField.Add(sum, PrimeField.Mul(vals[t], x[cols[t]]));
                x[j] = PrimeField.Neg(sum);
            }
            return x;
        }

        /// <summary>
        /// Groups of 2 to floor − 1 open cells with Σ n &lt; floor whose null-vector entries add up to zero: pairs and
        /// triples by looking up the missing last cell, fours by meeting two pairs, larger groups (floors above 5) by a
        /// search that counts against the budget.
        /// </summary>
        private bool Groups(List<int> open, ulong[] z1, ulong[] z2, int floor, List<int[]> found)
        {
            if (open.Count < 2) return true;
            open.Sort((a, b) => n[cells[a]] != n[cells[b]] ? n[cells[a]].CompareTo(n[cells[b]]) : a.CompareTo(b));
            // keyed by the first null vector's entry only (a dictionary of ulong is several times faster than of a pair);
            // the second is checked on each match
            var bySignature = new Dictionary<ulong, List<int>>();
            for (var t = 0; t < open.Count; t++)
            {
                if (!bySignature.TryGetValue(z1[open[t]], out var list)) bySignature[z1[open[t]]] = list = [];
                list.Add(t);
            }
            var seen = new HashSet<string>();
            void Report(IEnumerable<int> positions)
            {
                var group = positions.Select(p => cells[open[p]]).Order().ToArray();
                if (seen.Add(string.Join(',', group))) found.Add(group);
            }
            long N(int position) => n[cells[open[position]]];

            // the prefix (positions ascending) plus one more position after it with n ≤ room and the missing signature
            bool Complete(List<int> prefix, ulong s1, ulong s2, long room)
            {
                if (!bySignature.TryGetValue(PrimeField.Neg(s1), out var candidates)) return true;
                foreach (var t in candidates)
                {
                    Work++;
                    if (t <= prefix[^1] || N(t) > room || PrimeField.Add(s2, z2[open[t]]) != 0) continue;
                    Report([.. prefix, t]);
                }
                return Work <= budget;
            }

            bool Extend(List<int> prefix, ulong s1, ulong s2, long total, int size)
            {
                if (prefix.Count == size - 1) return Complete(prefix, s1, s2, floor - 1 - total);
                for (var t = prefix.Count == 0 ? 0 : prefix[^1] + 1; t < open.Count; t++)
                {
                    // every further cell holds at least 1 response
                    if (total + N(t) + (size - 1 - prefix.Count) > floor - 1) break;
                    Work++;
                    if (Work > budget) return false;
                    prefix.Add(t);
                    var ok = Extend(prefix, PrimeField.Add(s1, z1[open[t]]), PrimeField.Add(s2, z2[open[t]]), total + N(t), size);
                    prefix.RemoveAt(prefix.Count - 1);
                    if (!ok) return false;
                }
                return true;
            }

            // triples as flat loops over pairs with a set of first entries in front of the dictionary: this is most of the
            // search's time on a partner's cube (a million pairs of cells with n 1 per round)
            var firsts = new HashSet<ulong>(bySignature.Keys);
            bool Triples()
            {
                for (var a = 0; a < open.Count; a++)
                {
                    for (var b = a + 1; b < open.Count && N(a) + N(b) <= floor - 2; b++)
                    {
                        if (++Work > budget) return false;
                        var want = PrimeField.Neg(PrimeField.Add(z1[open[a]], z1[open[b]]));
                        if (!firsts.Contains(want)) continue;
                        if (!Complete([a, b], PrimeField.Add(z1[open[a]], z1[open[b]]), PrimeField.Add(z2[open[a]], z2[open[b]]), floor - 1 - N(a) - N(b))) return false;
                    }
                }
                return true;
            }

            for (var size = 2; size <= floor - 1; size++)
            {
                if (size == 3)
                {
                    if (!Triples()) return false;
                    continue;
                }
                if (size == 4)
                {
                    if (!Fours(open, z1, z2, floor, Report)) return false;
                    continue;
                }
                if (!Extend([], 0, 0, 0, size)) return false;
            }
            return true;
        }

        /// <summary>
        /// Groups of four by meeting two pairs: every pair with room for two more cells, sorted by its first null-vector
        /// sum (flat arrays: a dictionary of lists cost most of a partner's build), each looked up by the missing sum.
        /// </summary>
        private bool Fours(List<int> open, ulong[] z1, ulong[] z2, int floor, Action<IEnumerable<int>> report)
        {
            long N(int position) => n[cells[open[position]]];
            var count = 0L;
            for (var a = 0; a < open.Count; a++)
            {
                for (var b = a + 1; b < open.Count && N(a) + N(b) <= floor - 3; b++) count++;
            }
            Work += count;
            if (Work > budget) return false;
            var keys = new ulong[count];
            var pairs = new (int A, int B, ulong S2)[count];
            var k = 0;
            for (var a = 0; a < open.Count; a++)
            {
                for (var b = a + 1; b < open.Count && N(a) + N(b) <= floor - 3; b++, k++)
                {
                    keys[k] = PrimeField.Add(z1[open[a]], z1[open[b]]);
                    pairs[k] = (a, b, PrimeField.Add(z2[open[a]], z2[open[b]]));
                }
            }
            Array.Sort(keys, pairs);
            for (var i = 0; i < keys.Length; i++)
            {
                var want = PrimeField.Neg(keys[i]);
                var j = Array.BinarySearch(keys, want);
                if (j < 0) continue;
                while (j > 0 && keys[j - 1] == want) j--;
                for (; j < keys.Length && keys[j] == want; j++)
                {
                    if (++Work > budget) return false;
                    var (a, b, s2) = pairs[i];
                    var (c, d, t2) = pairs[j];
                    // each four once: split as its two lowest positions and its two highest
                    if (b >= c || PrimeField.Add(s2, t2) != 0 || N(a) + N(b) + N(c) + N(d) >= floor) continue;
                    report([a, b, c, d]);
                }
            }
            return true;
        }
    }
}
