using CxDashboard.Core.Privacy;
using CxDashboard.Core.Values;
using Xunit.Abstractions;

namespace CxDashboard.Tests.Security;

/// <summary>
/// The floor's suppression pattern (<see cref="FloorCube.Solve"/>) over counts summed here from day-level facts: a
/// hand-worked calendar, and random data attacked by an attacker written here (its own calendar arithmetic, the
/// production relations not reused) that chains differences through the segments of weeks straddling month ends.
/// </summary>
public sealed partial class FloorPatternTests(ITestOutputHelper output)
{
    private const int Floor = 5;
    private const long Partner = 1;
    private static readonly long[] Engagements = [10, 11];
    private static readonly string[] Channels = ["phone", "chat"];

    /// <summary>A fact count per (engagement, day, channel); cells and segments are summed from it.</summary>
    private sealed record Fact(long Unit, DateOnly Day, string Channel, int Count);

    [Fact]
    public void A_week_below_the_floor_hides_no_month_it_straddles_and_its_segments_chain_to_no_disclosure()
    {
        // One unit, Sep–Oct 2026 (Sep 1 is a Tuesday, Oct 1 a Thursday). Week of Aug 31: 9 answers, all in September;
        // weeks of Sep 7, 14, 21 and Oct 5, 12, 19: 10 each; week of Sep 28: 3 (1 in September, 2 in October), below the
        // floor; week of Oct 26: 8, all in October. So September = 40 = 9 + 30 + 1, October = 40 = 2 + 30 + 8.
        var facts = new List<Fact> { new(10, new(2026, 9, 2), "phone", 9), new(10, new(2026, 9, 29), "phone", 1), new(10, new(2026, 10, 2), "phone", 2), new(10, new(2026, 10, 27), "phone", 8) };
        foreach (var monday in new DateOnly[] { new(2026, 9, 7), new(2026, 9, 14), new(2026, 9, 21), new(2026, 10, 5), new(2026, 10, 12), new(2026, 10, 19) })
        {
            facts.Add(new(10, monday.AddDays(2), "phone", 10));
        }
        var cells = Cells(facts, [10], partner: false, slices: false);
        var cube = FloorCube.Solve(cells, new Dictionary<long, long?> { [10] = null }, [], Floor);

        var hidden = cells.Keys.Where(c => c.Grain != FloorCube.Segment && cube.Hides(0, c, cells[c][0], out _)).Select(Name).Order().ToArray();
        // The week of Sep 28 (primary). Its September days (1) and October days (2) are below the floor too, so September
        // minus its inside weeks is those 1 plus its first days (9): the week of Aug 31, which is exactly those days, is
        // hidden with them; in October, its last days (8) are the week of Oct 26. Months, quarters and the year stay.
        Assert.Equal(["week 2026-08-31", "week 2026-09-28", "week 2026-10-26"], hidden);
        Assert.Equal(3, cube.SuppressedCount(0));
        Assert.Equal(0, Attack(cells, cube, [10], partner: false, slices: false).Recovered);
    }

    [Fact]
    public void Two_tiny_hidden_weeks_are_not_left_as_the_only_hidden_part_of_their_month()
    {
        // February 2027 is exactly four ISO weeks (Mon Feb 1 to Sun Feb 28): no segments. Weeks of n 1, 2, 10 and 20, so
        // February = Q1 = 2027 = 33. The weeks of n 1 and 2 are below the floor; hidden alone, February − 10 − 20 would
        // publish their sum, 3 responses. The cheapest third part is the week of n 10: hidden with them, the hidden group is
        // 13 ≥ 5, and February, the quarter and the year stay published.
        var facts = new List<Fact>
        {
            new(10, new(2027, 2, 3), "phone", 1), new(10, new(2027, 2, 10), "phone", 2),
            new(10, new(2027, 2, 17), "phone", 10), new(10, new(2027, 2, 24), "phone", 20),
        };
        var cells = Cells(facts, [10], partner: false, slices: false);
        var cube = FloorCube.Solve(cells, new Dictionary<long, long?> { [10] = null }, [], Floor);

        var hidden = cells.Keys.Where(c => cube.Hides(0, c, cells[c][0], out _)).Select(Name).Order().ToArray();
        Assert.Equal(["week 2027-02-01", "week 2027-02-08", "week 2027-02-15"], hidden);
        // the month minus its published week is now the hidden weeks' sum over 13 responses
        var month = cells[new FloorCell(SubjectKind.Unit, 10, "month", new(2027, 2, 1), "all", "")][0];
        Assert.Equal(13, month - 20);
        var attack = Attack(cells, cube, [10], partner: false, slices: false);
        Assert.Equal((0, 1, 0), (attack.Recovered, attack.Sums, attack.SmallSums));
        Assert.Equal((0, 0), (attack.Linear.Determined, attack.Linear.SmallGroups));
    }

    [Fact]
    public void Random_data_leaves_no_hidden_count_to_differences_chained_through_week_segments()
    {
        long hidden = 0, primary = 0, cells = 0, tried = 0, naiveRecovered = 0, sums = 0, smallSums = 0, naiveSmallSums = 0;
        long unknowns = 0, determined = 0, determinedSegments = 0, smallGroups = 0, groupsChecked = 0, naiveDetermined = 0;
        var smallExample = "";
        for (var seed = 1; seed <= 12; seed++)
        {
            var rng = new Random(seed);
            var facts = new List<Fact>();
            // Jul 27 (a Monday) to Dec 6 2026 (a Sunday): whole weeks, so no week is cut by the ends of the data
            for (var day = new DateOnly(2026, 7, 27); day <= new DateOnly(2026, 12, 6); day = day.AddDays(1))
            {
                foreach (var unit in Engagements)
                {
                    foreach (var channel in Channels)
                    {
                        // sparse enough that weeks and channels fall below the floor, months mostly not
                        if (rng.NextDouble() < 0.22 + 0.1 * seed / 12) facts.Add(new(unit, day, channel, rng.Next(1, 3)));
                    }
                }
            }
            var counts = Cells(facts, Engagements, partner: true, slices: true);
            var units = Engagements.ToDictionary(e => e, _ => (long?)null);
            var cube = FloorCube.Solve(counts, units, [new FloorPartner(Partner, Engagements, true)], Floor);
            var attack = Attack(counts, cube, Engagements, partner: true, slices: true);
            Assert.True(attack.Recovered == 0, $"seed {seed}: {attack.Recovered} hidden counts recovered, e.g. {attack.Example}");
            sums += attack.Sums;
            smallSums += attack.SmallSums;
            if (smallExample == "" && attack.SmallExample != "") smallExample = $"seed {seed}: {attack.SmallExample}";
            unknowns += attack.Linear.Unknowns;
            determined += attack.Linear.Determined;
            determinedSegments += attack.Linear.DeterminedSegments;
            if (attack.Linear.Example != "") output.WriteLine($"seed {seed}: linear audit: {attack.Linear.Example}");
            smallGroups += attack.Linear.SmallGroups;
            groupsChecked += attack.Linear.GroupsChecked;

            var readable = counts.Keys.Where(c => c.Grain != FloorCube.Segment).ToArray();
            Assert.All(readable.Where(c => counts[c][0] is > 0 and < Floor), c => Assert.True(cube.Hides(0, c, counts[c][0], out _), Name(c)));
            cells += readable.Length;
            hidden += readable.Count(c => cube.Hides(0, c, counts[c][0], out _));
            primary += readable.Count(c => counts[c][0] is > 0 and < Floor);
            tried += attack.Tried;

            // The same attacker against primary suppression alone recovers hidden counts: it is not blind.
            var naive = Attack(counts, cube, Engagements, partner: true, slices: true, primaryOnly: true);
            naiveRecovered += naive.Recovered;
            naiveSmallSums += naive.SmallSums;
            // the audit sees at least what chaining sees: every chained difference is a linear combination
            Assert.True(naive.LinearAtStart.Determined - naive.LinearAtStart.DeterminedSegments >= naive.Recovered,
                $"seed {seed}: the linear audit determines {naive.LinearAtStart.Determined - naive.LinearAtStart.DeterminedSegments} readable cells, chaining recovers {naive.Recovered}");
            naiveDetermined += naive.LinearAtStart.Determined;
        }
        output.WriteLine($"floor patterns: 12 data sets, {cells} cells, {primary} below the floor, {hidden} hidden; {tried} differences tried, 0 recovered; " +
                         $"{sums} sums of hidden groups computable, {smallSums} of them below the floor; " +
                         $"linear audit: {unknowns} unknowns, {determined} determined ({determinedSegments} of them segments), {groupsChecked} groups below the floor checked, {smallGroups} computable; " +
                         $"against primary suppression alone {naiveRecovered} recovered, {naiveSmallSums} group sums below the floor, {naiveDetermined} determined by the audit" +
                         (smallExample == "" ? "" : $"; e.g. {smallExample}"));
        Assert.True(naiveRecovered > 0, "the attacker found nothing even against primary suppression alone");
        Assert.True(naiveSmallSums > 0, "the group sums found nothing even against primary suppression alone");
        Assert.True(sums > 100, $"too few sums of hidden groups to prove anything: {sums}");
        Assert.True(smallSums == 0, $"{smallSums} sums of hidden groups below the floor are computable, e.g. {smallExample}");
        // The solver's own linear audit (SuppressionSolver, LinearAudit) leaves nothing to combinations of several
        // relations at once either: this independent audit finds no cell or segment determined and no group below the
        // floor computable. (Before it: 8 cells and 6 segments determined, 117 groups; see docs/security.md.)
        Assert.True(determined == 0, $"{determined} hidden cells determined by the independent linear audit ({determinedSegments} segments)");
        Assert.True(determinedSegments == 0, $"{determinedSegments} segments determined by the independent linear audit");
        Assert.True(smallGroups == 0, $"{smallGroups} groups below the floor computable by the independent linear audit");
        Assert.True(groupsChecked > 100_000, $"too few groups below the floor checked to prove anything: {groupsChecked}");
        // and the same independent audit does find what primary suppression alone gives away: it is not blind either
        Assert.True(naiveDetermined > 0, "the linear audit determined nothing even against primary suppression alone");
        Assert.True(primary > 100, $"the data must fall below the floor often: {primary} cells below it");
    }

    private static string Name(FloorCell c) =>
        $"{c.Grain} {c.Start:yyyy-MM-dd}{(c.Kind == SubjectKind.Partner ? " partner" : "")}{(c.Dim == "all" ? "" : $" {c.Dim}={c.DimValue}")}";

    // ---- the calendar, written here: ISO weeks (Monday), months, quarters, years; a straddling week's two segments ----

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static IEnumerable<(string Grain, DateOnly Start, DateOnly Last)> PeriodsOf(DateOnly day)
    {
        var week = Monday(day);
        yield return ("week", week, week.AddDays(6));
        var month = new DateOnly(day.Year, day.Month, 1);
        yield return ("month", month, month.AddMonths(1).AddDays(-1));
        var quarter = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        yield return ("quarter", quarter, quarter.AddMonths(3).AddDays(-1));
        yield return ("year", new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
        // the days of a straddling week in one month: from the later of the week's and the month's first day
        if (week.Month != week.AddDays(6).Month) yield return (FloorCube.Segment, week < month ? month : week, default);
    }

    /// <summary>Every cell with data (n in basis 0, the other bases empty): units, the partner, all and each channel.</summary>
    private static Dictionary<FloorCell, long[]> Cells(List<Fact> facts, long[] units, bool partner, bool slices)
    {
        var cells = new Dictionary<FloorCell, long[]>();
        void Add(SubjectKind kind, long id, string grain, DateOnly start, string dim, string value, int count)
        {
            var key = new FloorCell(kind, id, grain, start, dim, value);
            if (!cells.TryGetValue(key, out var n)) cells[key] = n = new long[FloorBasis.Columns.Length];
            n[0] += count;
        }
        foreach (var f in facts.Where(f => units.Contains(f.Unit)))
        {
            foreach (var (grain, start, _) in PeriodsOf(f.Day))
            {
                foreach (var (kind, id) in partner ? new[] { (SubjectKind.Unit, f.Unit), (SubjectKind.Partner, Partner) } : [(SubjectKind.Unit, f.Unit)])
                {
                    Add(kind, id, grain, start, "all", "", f.Count);
                    if (slices) Add(kind, id, grain, start, "channel", f.Channel, f.Count);
                }
            }
        }
        return cells;
    }

    /// <summary>
    /// Knows every published cell and every cell without data (0), not the hidden ones nor any segment; takes every
    /// "total − Σ other parts" with one unknown, learns it, and goes round until nothing new comes out. A hidden
    /// readable cell learnt is recovered. Relations: year = Σ quarters = Σ months, quarter = Σ months, month = weeks inside
    /// + its segments, straddling week = its segments, month / quarter / year = the weeks overlapping (inside) it where
    /// their n add up to it, all = Σ channels, partner = Σ engagements.
    /// </summary>
    /// <param name="Linear">The linear audit of what is still unknown after chaining.</param>
    /// <param name="LinearAtStart">The linear audit of what the attacker does not know before chaining (all hidden cells and segments).</param>
    private sealed record AttackResult(long Recovered, long Tried, string Example, long Sums, long SmallSums, string SmallExample, Audit Linear, Audit LinearAtStart);

    private static AttackResult Attack(Dictionary<FloorCell, long[]> cells, FloorCube cube, long[] units, bool partner, bool slices, bool primaryOnly = false)
    {
        long N(FloorCell c) => cells.TryGetValue(c, out var n) ? n[0] : 0;
        bool Hidden(FloorCell c) => primaryOnly ? N(c) is > 0 and < Floor : cube.Hides(0, c, N(c), out _);
        var known = new HashSet<FloorCell>(cells.Keys.Where(c => c.Grain != FloorCube.Segment && !Hidden(c)));
        bool Known(FloorCell c) => N(c) == 0 || known.Contains(c);

        var relations = new List<FloorCell[]>(); // [total, parts…]
        var subjects = units.Select(u => (SubjectKind.Unit, u)).Concat(partner ? [(SubjectKind.Partner, Partner)] : []).ToArray();
        var sliceList = new[] { ("all", "") }.Concat(slices ? Channels.Select(c => ("channel", c)) : []).ToArray();
        var first = cells.Keys.Min(c => c.Start);
        var last = cells.Keys.Max(c => c.Start).AddDays(31);
        foreach (var (kind, id) in subjects)
        {
            foreach (var (dim, value) in sliceList)
            {
                FloorCell C(string grain, DateOnly start) => new(kind, id, grain, start, dim, value);
                for (var y = first.Year; y <= last.Year; y++)
                {
                    var year = new DateOnly(y, 1, 1);
                    relations.Add([C("year", year), .. Enumerable.Range(0, 4).Select(q => C("quarter", year.AddMonths(3 * q)))]);
                    relations.Add([C("year", year), .. Enumerable.Range(0, 12).Select(m => C("month", year.AddMonths(m)))]);
                    for (var q = 0; q < 4; q++) relations.Add([C("quarter", year.AddMonths(3 * q)), .. Enumerable.Range(0, 3).Select(m => C("month", year.AddMonths(3 * q + m)))]);
                    foreach (var (grain, span) in new[] { ("year", 12), ("quarter", 3), ("month", 1) })
                    {
                        for (var start = year; start.Year == y; start = start.AddMonths(span))
                        {
                            var end = start.AddMonths(span).AddDays(-1);
                            var overlapping = new List<FloorCell>();
                            var inside = new List<FloorCell>();
                            var parts = new List<FloorCell>();
                            for (var w = Monday(start); w <= end; w = w.AddDays(7))
                            {
                                overlapping.Add(C("week", w));
                                var within = w >= start && w.AddDays(6) <= end;
                                if (within) inside.Add(C("week", w));
                                if (grain == "month") parts.Add(within ? C("week", w) : C(FloorCube.Segment, w < start ? start : w));
                            }
                            var total = C(grain, start);
                            if (grain == "month") relations.Add([total, .. parts]);
                            if (N(total) > 0 && overlapping.Sum(N) == N(total)) relations.Add([total, .. overlapping]);
                            if (N(total) > 0 && inside.Count < overlapping.Count && inside.Sum(N) == N(total)) relations.Add([total, .. inside]);
                        }
                    }
                }
                for (var w = Monday(first); w <= last; w = w.AddDays(7))
                {
                    var next = new DateOnly(w.AddDays(6).Year, w.AddDays(6).Month, 1);
                    if (next > w) relations.Add([C("week", w), C(FloorCube.Segment, w), C(FloorCube.Segment, next)]);
                }
            }
        }
        // slice and organisation, for every period that has a cell (segments included)
        foreach (var c in cells.Keys.Where(c => slices && c.Dim == "all"))
        {
            relations.Add([c, .. Channels.Select(v => c with { Dim = "channel", DimValue = v })]);
        }
        if (partner)
        {
            foreach (var c in cells.Keys.Where(c => c.Kind == SubjectKind.Partner))
            {
                relations.Add([c, .. units.Select(u => c with { Kind = SubjectKind.Unit, SubjectId = u })]);
            }
        }

        var knownAtStart = known.ToHashSet();
        long recovered = 0, tried = 0;
        var example = "";
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var r in relations)
            {
                tried++;
                var unknown = r.Where(c => !Known(c)).Distinct().ToArray();
                if (unknown.Length != 1) continue;
                known.Add(unknown[0]);
                changed = true;
                if (unknown[0].Grain == FloorCube.Segment) continue;
                recovered++;
                if (example == "") example = $"{Name(unknown[0])} (n {N(unknown[0])}) from {Name(r[0])}";
            }
        }
        // What is left: a relation whose total is known and whose parts have two or more unknowns gives their sum (total −
        // the known parts); that sum is a group of responses like any cell, so it must not be below the floor either.
        long sums = 0, small = 0;
        var smallExample = "";
        var groups = new HashSet<string>();
        foreach (var r in relations)
        {
            if (!Known(r[0])) continue;
            var unknown = r.Skip(1).Where(c => !Known(c)).Distinct().OrderBy(Name, StringComparer.Ordinal).ToArray();
            if (unknown.Length < 2 || !groups.Add(string.Join(" + ", unknown.Select(Key)))) continue;
            sums++;
            var n = unknown.Sum(N);
            if (n >= Floor) continue;
            small++;
            if (smallExample == "") smallExample = $"{string.Join(" + ", unknown.Select(c => $"{Name(c)} (n {N(c)})"))} = {Name(r[0])} − the rest";
        }
        return new AttackResult(recovered, tried, example, sums, small, smallExample, LinearAudit(cells, relations, Known),
            LinearAudit(cells, relations, c => N(c) == 0 || knownAtStart.Contains(c)));
    }

    private static string Key(FloorCell c) => $"{c.Kind}:{c.SubjectId} {Name(c)}";

    /// <summary>What every relation together gives away, not just chains of single differences.</summary>
    /// <param name="Unknowns">Cells the attacker does not know after chaining (hidden readable cells and segments).</param>
    /// <param name="Determined">Unknown cells whose value some linear combination of the relations gives exactly (segments included).</param>
    /// <param name="SmallGroups">Groups of 1 to 4 disjoint unknown cells with 0 &lt; Σ n &lt; floor whose sum some combination gives.</param>
    private sealed record Audit(int Unknowns, int Rank, long Determined, long DeterminedSegments, long SmallGroups, long GroupsChecked, string Example);

    /// <summary>
    /// A linear audit, written here: every relation is an equation over the unknown cells (known cells moved to the other
    /// side). A sum of unknowns is computable exactly when its coefficient vector lies in the equations' row space, i.e.
    /// when it is orthogonal to every vector of their null space. The null space comes from a reduced row echelon form
    /// modulo a large prime (the relations' coefficients are ±1, so the rank over the rationals is the rank here but for
    /// a vanishing chance). Each unknown cell gets its column of the null-space basis; a group's sum is computable when
    /// its cells' columns add up to zero. With floor 5 a group below the floor holds at most 4 cells with data, so every
    /// group of disjoint cells below the floor is checked.
    /// </summary>
    private static Audit LinearAudit(Dictionary<FloorCell, long[]> cells, List<FloorCell[]> relations, Func<FloorCell, bool> known)
    {
        const long P = 2_147_483_629; // a prime below 2^31: products fit a long
        long N(FloorCell c) => cells.TryGetValue(c, out var n) ? n[0] : 0;
        var unknowns = cells.Keys.Where(c => !known(c)).OrderBy(Key, StringComparer.Ordinal).ToArray();
        var at = unknowns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var m = unknowns.Length;
        if (m == 0) return new Audit(0, 0, 0, 0, 0, 0, "");

        static long Inverse(long a)
        {
            // a^(P−2) mod P
            long result = 1, b = a % P;
            for (var e = P - 2; e > 0; e >>= 1, b = b * b % P) if ((e & 1) == 1) result = result * b % P;
            return result;
        }

        var basis = new List<long[]>(); // reduced rows, each with its pivot column
        var pivots = new List<int>();
        foreach (var r in relations)
        {
            var row = new long[m];
            var any = false;
            foreach (var (c, sign) in r.Select((c, i) => (c, i == 0 ? 1L : P - 1)))
            {
                if (known(c)) continue;
                row[at[c]] = (row[at[c]] + sign) % P;
                any = true;
            }
            if (!any) continue;
            for (var k = 0; k < basis.Count; k++)
            {
                var f = row[pivots[k]];
                if (f == 0) continue;
                var b = basis[k];
                for (var j = 0; j < m; j++) if (b[j] != 0) row[j] = (row[j] + (P - f) * b[j]) % P;
            }
            var pivot = Array.FindIndex(row, x => x != 0);
            if (pivot < 0) continue;
            var inv = Inverse(row[pivot]);
            for (var j = 0; j < m; j++) row[j] = row[j] * inv % P;
            // keep the form reduced: clear the new pivot column from the rows before
            for (var k = 0; k < basis.Count; k++)
            {
                var f = basis[k][pivot];
                if (f == 0) continue;
                for (var j = 0; j < m; j++) if (row[j] != 0) basis[k][j] = (basis[k][j] + (P - f) * row[j]) % P;
            }
            basis.Add(row);
            pivots.Add(pivot);
        }
        var pivotRow = new Dictionary<int, int>();
        for (var k = 0; k < pivots.Count; k++) pivotRow[pivots[k]] = k;
        var free = Enumerable.Range(0, m).Where(j => !pivotRow.ContainsKey(j)).ToArray();
        // each unknown's coefficients in the null-space basis (one vector per free column)
        var column = new long[m][];
        for (var i = 0; i < m; i++)
        {
            column[i] = new long[free.Length];
            if (pivotRow.TryGetValue(i, out var k))
            {
                for (var f = 0; f < free.Length; f++) column[i][f] = (P - basis[k][free[f]]) % P;
            }
            else column[i][Array.IndexOf(free, i)] = 1;
        }
        bool Zero(IEnumerable<int> group)
        {
            for (var f = 0; f < free.Length; f++)
            {
                long sum = 0;
                foreach (var i in group) sum = (sum + column[i][f]) % P;
                if (sum != 0) return false;
            }
            return true;
        }

        long determined = 0, segments = 0, small = 0, checkedGroups = 0;
        var example = "";
        for (var i = 0; i < m; i++)
        {
            if (!Zero([i])) continue;
            determined++;
            if (unknowns[i].Grain == FloorCube.Segment) segments++;
            if (N(unknowns[i]) < Floor) small++;
            if (example == "") example = $"{Key(unknowns[i])} (n {N(unknowns[i])}) determined";
        }
        // groups of 2 to 4 disjoint unknown cells below the floor
        var tiny = Enumerable.Range(0, m).Where(i => N(unknowns[i]) is > 0 and < Floor).ToArray();
        void Grow(List<int> group, int from, long n)
        {
            for (var t = from; t < tiny.Length; t++)
            {
                var i = tiny[t];
                if (n + N(unknowns[i]) >= Floor || group.Any(g => Overlap(unknowns[g], unknowns[i]))) continue;
                group.Add(i);
                checkedGroups++;
                if (group.Count >= 2 && Zero(group))
                {
                    small++;
                    if (example == "") example = string.Join(" + ", group.Select(g => $"{Key(unknowns[g])} (n {N(unknowns[g])})")) + " computable";
                }
                Grow(group, t + 1, n + N(unknowns[i]));
                group.RemoveAt(group.Count - 1);
            }
        }
        Grow([], 0, 0);
        return new Audit(m, basis.Count, determined, segments, small, checkedGroups, example);
    }

    private static (DateOnly First, DateOnly Last) Span(FloorCell c) => c.Grain switch
    {
        "week" => (c.Start, c.Start.AddDays(6)),
        "month" => (c.Start, c.Start.AddMonths(1).AddDays(-1)),
        "quarter" => (c.Start, c.Start.AddMonths(3).AddDays(-1)),
        "year" => (c.Start, c.Start.AddYears(1).AddDays(-1)),
        // a segment: from its first day to the end of its week or of its month, whichever comes first
        _ => (c.Start, new[] { Monday(c.Start).AddDays(6), new DateOnly(c.Start.Year, c.Start.Month, 1).AddMonths(1).AddDays(-1) }.Min()),
    };

    /// <summary>Whether two cells can share a response: overlapping subjects (the partner holds its engagements), slices and days.</summary>
    private static bool Overlap(FloorCell a, FloorCell b)
    {
        var subjects = a.Kind != b.Kind || a.SubjectId == b.SubjectId;
        var slices = a.Dim == "all" || b.Dim == "all" || a.Dim != b.Dim || a.DimValue == b.DimValue;
        var (a1, a2) = Span(a);
        var (b1, b2) = Span(b);
        return subjects && slices && a1 <= b2 && b1 <= a2;
    }
}
