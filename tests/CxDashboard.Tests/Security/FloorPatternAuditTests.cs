using CxDashboard.Core.Privacy;

namespace CxDashboard.Tests.Security;

/// <summary>
/// The solver's linear audit (<see cref="LinearAudit"/>) on hand-worked cases: a cell every relation leaves with a
/// second unknown but a combination of relations pins, the one cell the audit adds for it, and the fail-closed path.
/// </summary>
public sealed partial class FloorPatternTests
{
    /// <summary>
    /// A 4 × 4 table x[r, c] with its row totals R, column totals C and grand total G (= Σ R = Σ C), numbered row by row:
    /// x 0–15, R 16–19, C 20–23, G 24. Nine cells are below the floor: x11 2, x12 3, x21 3, x22 2 (a cycle), x33 2, x34 3,
    /// x43 3, x44 2 (another) and x23 1, the only hidden cell joining them; every other cell is 10. Every row and column
    /// then has two or more hidden cells holding at least 5 together, so the local rules add nothing. But rows 1 + 2 minus
    /// columns 1 + 2 leave x13 + x14 + x23 + x24 − x31 − x32 − x41 − x42: x23 = 25 + 16 − 25 − 25 − 30 + 40 = 1.
    /// </summary>
    private static (SuppressionSolver Solver, long[] N) Table()
    {
        long[,] x = { { 2, 3, 10, 10 }, { 3, 2, 1, 10 }, { 10, 10, 2, 3 }, { 10, 10, 3, 2 } };
        var n = new long[25];
        var solver = new SuppressionSolver(25);
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                n[4 * r + c] = x[r, c];
                n[16 + r] += x[r, c];
                n[20 + c] += x[r, c];
                n[24] += x[r, c];
            }
        }
        for (var r = 0; r < 4; r++) solver.AddSum(16 + r, [4 * r, 4 * r + 1, 4 * r + 2, 4 * r + 3]);
        for (var c = 0; c < 4; c++) solver.AddSum(20 + c, [c, 4 + c, 8 + c, 12 + c]);
        solver.AddSum(24, [16, 17, 18, 19]);
        solver.AddSum(24, [20, 21, 22, 23]);
        return (solver, n);
    }

    private static int[] Off(bool[] off) => Enumerable.Range(0, off.Length).Where(i => off[i]).ToArray();

    [Fact]
    public void A_cell_pinned_only_by_several_relations_at_once_gets_exactly_one_more_cell_hidden_next_to_it()
    {
        var (solver, n) = Table();
        Assert.Equal([25, 16, 25, 25, 25, 25, 16, 25, 91], n[16..]); // the totals worked out above
        var (hidden, readable) = (new bool[25], Enumerable.Repeat(true, 25).ToArray());

        // without the audit: the nine cells below the floor and nothing else, x23 (cell 6) among them
        var local = solver.Solve(n, hidden, readable, null, Floor, SuppressionSolver.NoAudit, out _);
        int[] primaries = [0, 1, 4, 5, 6, 10, 11, 14, 15];
        Assert.Equal(primaries, Off(local));
        // the combination above, from published cells only: x23's count exactly
        Assert.Equal(n[6], n[16] + n[17] - n[20] - n[21] - n[2] - n[3] - n[7] + n[8] + n[9] + n[12] + n[13]);

        // with it: x23 given away once; the cheapest published member of its relations (row 2: x24 10, R2 16; column 3:
        // x13 10, C3 16) is x13 (10, the lower number). Then x23 lies on the cycle x13 − x23 + x21 − x11 (each row and
        // column of it sums to 0), so no combination pins it, and no group below the floor is computable: each pair of
        // hidden cells under 5 responses has a cycle through one of them alone.
        var audited = solver.Solve(n, hidden, readable, null, Floor, SuppressionSolver.DefaultAuditBudget, out var report);
        Assert.Equal([0, 1, 2, 4, 5, 6, 10, 11, 14, 15], Off(audited)); // the nine and x13 (cell 2)
        Assert.Equal((1, 1, 1, 0), (report.GivenAwayAtFirst, report.Fixes, report.AddedCells, report.GroupsHiddenWhole));
        // the cycle is a change of the hidden cells that leaves every published total as it is: x23 is not determined
        var moved = (long[])n.Clone();
        (moved[2], moved[6], moved[4], moved[0]) = (n[2] + 1, n[6] - 1, n[4] + 1, n[0] - 1);
        for (var r = 0; r < 4; r++) Assert.Equal(n[16 + r], Enumerable.Range(0, 4).Sum(c => moved[4 * r + c]));
        for (var c = 0; c < 4; c++) Assert.Equal(n[20 + c], Enumerable.Range(0, 4).Sum(r => moved[4 * r + c]));
    }

    [Fact]
    public void A_table_the_audit_cannot_finish_within_its_budget_is_hidden_whole_never_published_unaudited()
    {
        var (solver, n) = Table();
        var off = solver.Solve(n, new bool[25], Enumerable.Repeat(true, 25).ToArray(), null, Floor, auditBudget: 1, out var report);
        // every relation joins every cell: the one relation group is the whole table, totals included
        Assert.Equal(Enumerable.Range(0, 25).ToArray(), Off(off));
        Assert.Equal((1, 25 - 9), (report.GroupsHiddenWhole, report.CellsHiddenWhole));
    }

    [Fact]
    public void Random_data_over_the_audits_budget_publishes_nothing_of_the_relation_group()
    {
        var rng = new Random(1);
        var facts = new List<Fact>();
        for (var day = new DateOnly(2026, 7, 27); day <= new DateOnly(2026, 9, 6); day = day.AddDays(1))
        {
            foreach (var unit in Engagements)
            {
                foreach (var channel in Channels)
                {
                    if (rng.NextDouble() < 0.3) facts.Add(new(unit, day, channel, rng.Next(1, 3)));
                }
            }
        }
        var counts = Cells(facts, Engagements, partner: true, slices: true);
        var units = Engagements.ToDictionary(e => e, _ => (long?)null);
        var cube = FloorCube.Solve(counts, units, [new FloorPartner(Partner, Engagements, true)], Floor, auditBudget: 1);
        // all of it is one year, so one relation group: every cell with data is hidden, segments included
        Assert.All(counts.Where(kv => kv.Value[0] > 0), kv => Assert.True(cube.Hides(0, kv.Key, kv.Value[0], out _), Name(kv.Key)));
        Assert.True(cube.Audits[0].GroupsHiddenWhole >= 1);
        // with the budget it has, the same data keeps most cells published, and the independent audit finds nothing
        var audited = FloorCube.Solve(counts, units, [new FloorPartner(Partner, Engagements, true)], Floor);
        Assert.Equal(0, audited.Audits[0].GroupsHiddenWhole);
        Assert.True(audited.SuppressedCount(0) < counts.Keys.Count(c => c.Grain != FloorCube.Segment));
        var attack = Attack(counts, audited, Engagements, partner: true, slices: true);
        Assert.Equal((0L, 0L, 0L), (attack.Recovered, attack.Linear.Determined, attack.Linear.SmallGroups));
    }
}
