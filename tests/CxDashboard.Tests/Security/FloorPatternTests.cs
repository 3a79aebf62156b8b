using CxDashboard.Core.Privacy;
using CxDashboard.Core.Values;
using Xunit.Abstractions;

namespace CxDashboard.Tests.Security;

/// <summary>
/// The floor's suppression pattern (<see cref="FloorCube.Solve"/>) over counts summed here from day-level facts: a
/// hand-worked calendar, and random data attacked by an attacker written here (its own calendar arithmetic, the
/// production relations not reused) that chains differences through the segments of weeks straddling month ends.
/// </summary>
public sealed class FloorPatternTests(ITestOutputHelper output)
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
    public void Random_data_leaves_no_hidden_count_to_differences_chained_through_week_segments()
    {
        long hidden = 0, primary = 0, cells = 0, tried = 0, naiveRecovered = 0;
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

            var readable = counts.Keys.Where(c => c.Grain != FloorCube.Segment).ToArray();
            Assert.All(readable.Where(c => counts[c][0] is > 0 and < Floor), c => Assert.True(cube.Hides(0, c, counts[c][0], out _), Name(c)));
            cells += readable.Length;
            hidden += readable.Count(c => cube.Hides(0, c, counts[c][0], out _));
            primary += readable.Count(c => counts[c][0] is > 0 and < Floor);
            tried += attack.Tried;

            // The same attacker against primary suppression alone recovers hidden counts: it is not blind.
            naiveRecovered += Attack(counts, cube, Engagements, partner: true, slices: true, primaryOnly: true).Recovered;
        }
        output.WriteLine($"floor patterns: 12 data sets, {cells} cells, {primary} below the floor, {hidden} hidden; {tried} differences tried, 0 recovered; against primary suppression alone {naiveRecovered} recovered");
        Assert.True(naiveRecovered > 0, "the attacker found nothing even against primary suppression alone");
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
    private static (long Recovered, long Tried, string Example) Attack(Dictionary<FloorCell, long[]> cells, FloorCube cube, long[] units, bool partner, bool slices, bool primaryOnly = false)
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
        return (recovered, tried, example);
    }
}
