using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Privacy;

/// <summary>One readable cell of a caller's scope: subject, aligned period and slice.</summary>
public readonly record struct FloorCell(SubjectKind Kind, long SubjectId, string Grain, DateOnly Start, string Dim, string DimValue);

/// <summary>A visible partner: its id, its visible top engagements, and whether all of its engagements are visible.</summary>
public sealed record FloorPartner(long Id, IReadOnlyList<long> TopEngagements, bool WhollyVisible);

/// <summary>
/// The suppression pattern of one scope: for every cell it can read at an aligned grain (week, month, quarter,
/// year) and every metric basis, whether the value is published. Built from the cells' counts alone, with the
/// additive relations a caller can see: time, organisation (a unit → its visible children, a partner → its visible
/// engagements) and slice (all → the values of each dimension). See <see cref="SuppressionSolver"/>.
/// </summary>
/// <remarks>
/// Time: a year is its quarters and its months, a quarter its months. ISO weeks are a tiling of their own: a week that
/// straddles a month end is two <see cref="Segment"/> cells (its days in each month), read from the day cells and
/// published nowhere, so a month is the weeks lying inside it plus the segments at its ends, and a straddling week is
/// its two segments. Chains through them (month − its inside weeks = its end segments; week − one segment = the other)
/// are then relations like any other, so a week needs no more than its own relations, and a month hides nothing just
/// because a week it overlaps is hidden. Where the n say a month, quarter or year is exactly the sum of the weeks
/// overlapping it (or of the weeks inside it), that sum is a relation too.
/// </remarks>
public sealed class FloorCube
{
    private static readonly string[] AlignedGrains = ["week", "month", "quarter", "year"];

    /// <summary>The grain of a week's days in one month, for a week straddling a month end; <see cref="FloorCell.Start"/> is its first day.</summary>
    public const string Segment = "segment";

    private readonly Dictionary<FloorCell, int> index = [];
    private readonly long[][] counts; // [basis][cell]
    private readonly bool[][] off;    // [basis][cell]

    private FloorCube(Dictionary<FloorCell, int> index, long[][] counts, bool[][] off)
    {
        this.index = index;
        this.counts = counts;
        this.off = off;
    }

    public int Cells => index.Count;

    /// <summary>How many readable cells (not segments) are suppressed for the basis, primary and complementary together.</summary>
    public int SuppressedCount(int basis) => index.Count(kv => kv.Key.Grain != Segment && off[basis][kv.Value]);

    /// <summary>
    /// Whether a value read with count <paramref name="n"/> is hidden. A count that differs from the one the pattern
    /// was built from (the data changed since) is hidden too, until the pattern is rebuilt.
    /// </summary>
    public bool Hides(int basis, FloorCell cell, long n, out bool stale)
    {
        stale = false;
        if (!index.TryGetValue(cell, out var i))
        {
            if (n == 0) return false;
            stale = true;
            return true;
        }
        if (counts[basis][i] != n)
        {
            stale = true;
            return true;
        }
        return off[basis][i];
    }

    /// <summary>
    /// Reads the counts of every aligned cell of <paramref name="units"/> and <paramref name="partners"/> (one
    /// statement) and solves the pattern of every basis for <paramref name="floor"/>.
    /// </summary>
    /// <param name="units">Visible unit ids with their parent (null when the parent is not visible).</param>
    public static async Task<FloorCube> BuildAsync(NpgsqlDataSource db, IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners,
        int floor, CancellationToken ct = default)
    {
        var wholePartners = partners.Where(p => p.WhollyVisible).Select(p => p.Id).ToArray();
        // One statement (one snapshot): the aligned cells, then the segments of the weeks straddling a month end, summed
        // from the day cells (the first day of a segment is the later of its week's and its month's first day).
        await using var cmd = db.CreateCommand($"""
            SELECT subject_kind, subject_id, grain, period_start, dim, dim_value, {string.Join(", ", FloorBasis.Columns.Select(c => $"coalesce({c}, 0)::bigint"))}
            FROM rollup_cell
            WHERE grain = ANY(@grains) AND {InScope}
            UNION ALL
            SELECT subject_kind, subject_id, '{Segment}', greatest(date_trunc('week', period_start::timestamp), date_trunc('month', period_start::timestamp))::date,
                   dim, dim_value, {string.Join(", ", FloorBasis.Columns.Select(c => $"coalesce(sum({c}), 0)::bigint"))}
            FROM rollup_cell
            WHERE grain = 'day' AND {InScope}
              AND date_trunc('month', date_trunc('week', period_start::timestamp)) <> date_trunc('month', date_trunc('week', period_start::timestamp) + interval '6 days')
            GROUP BY subject_kind, subject_id, 4, dim, dim_value
            ORDER BY 1, 2, 3, 4, 5, 6
            """);
        cmd.Parameters.Add(new NpgsqlParameter("grains", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = AlignedGrains });
        cmd.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = units.Keys.Order().ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("partners", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = wholePartners });
        var rows = new Dictionary<FloorCell, long[]>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var dim = r.GetString(4);
                var cell = new FloorCell((SubjectKind)r.GetInt16(0), r.GetInt64(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), dim, dim == Slice.All.Dimension ? "" : r.GetString(5));
                var n = new long[FloorBasis.Columns.Length];
                for (var b = 0; b < n.Length; b++) n[b] = r.GetInt64(6 + b);
                rows[cell] = n;
            }
        }
        // A partner seen only in part reads as the sum of its visible top engagements (as the value path reads it).
        foreach (var p in partners.Where(p => !p.WhollyVisible))
        {
            foreach (var (cell, n) in rows.Where(kv => kv.Key.Kind == SubjectKind.Unit && p.TopEngagements.Contains(kv.Key.SubjectId)).ToArray())
            {
                var key = cell with { Kind = SubjectKind.Partner, SubjectId = p.Id };
                var sum = rows.TryGetValue(key, out var acc) ? acc : rows[key] = new long[n.Length];
                for (var b = 0; b < n.Length; b++) sum[b] += n[b];
            }
        }
        return Solve(rows, units, partners, floor);
    }

    private const string InScope = "((subject_kind = 0 AND subject_id = ANY(@units)) OR (subject_kind = 1 AND subject_id = ANY(@partners)))";

    /// <summary>The pattern for counts already read (tests give them directly; segment cells included).</summary>
    public static FloorCube Solve(IReadOnlyDictionary<FloorCell, long[]> rows, IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners, int floor)
    {
        var index = new Dictionary<FloorCell, int>();
        foreach (var cell in rows.Keys) index[cell] = index.Count;
        var bases = FloorBasis.Columns.Length;
        var counts = new long[bases][];
        var off = new bool[bases][];
        var relations = Relations(index, units, partners);
        var weekSpans = WeekSpans(index);
        for (var b = 0; b < bases; b++)
        {
            var solver = new SuppressionSolver();
            counts[b] = new long[index.Count];
            foreach (var (cell, i) in index)
            {
                counts[b][i] = rows[cell][b];
                solver.AddCell(counts[b][i], isReadable: cell.Grain != Segment);
            }
            foreach (var (total, parts) in relations)
            {
                // No readable part: the total is all there is, nothing to subtract.
                if (parts.Length == 0) continue;
                // What the parts do not account for is a remainder nobody can read (a unit's own facts next to its children).
                var rest = solver.CountOf(total) - parts.Sum(solver.CountOf);
                solver.AddSum(total, rest == 0 ? parts : [.. parts, solver.AddCell(Math.Abs(rest), isHidden: true)]);
            }
            // Where the n say a month, quarter or year is exactly the weeks overlapping it (the days of those weeks outside it
            // hold nothing for this basis), or the weeks inside it, that is a relation a caller can use like any other.
            foreach (var (whole, overlapping, inside) in weekSpans)
            {
                var n = solver.CountOf(whole);
                if (n == 0) continue;
                if (overlapping.Sum(solver.CountOf) == n) solver.AddSum(whole, overlapping);
                if (inside.Length < overlapping.Length && inside.Length > 0 && inside.Sum(solver.CountOf) == n) solver.AddSum(whole, inside);
            }
            off[b] = solver.Solve(floor)[..index.Count];
        }
        return new FloorCube(index, counts, off);
    }

    private static DateOnly LastDay(FloorCell cell) => (cell.Grain switch
    {
        "week" => cell.Start.AddDays(7),
        "month" => cell.Start.AddMonths(1),
        "quarter" => cell.Start.AddMonths(3),
        _ => cell.Start.AddYears(1),
    }).AddDays(-1);

    /// <summary>The Monday starting the ISO week of <paramref name="day"/>.</summary>
    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// For every month, quarter and year cell: the week cells of the same subject and slice overlapping it, and those
    /// lying wholly inside it (weeks with no cell hold no data and are left out). Whether either set adds up to the whole
    /// depends on each basis's counts, so the relations are made per basis.
    /// </summary>
    private static List<(int Whole, int[] Overlapping, int[] Inside)> WeekSpans(Dictionary<FloorCell, int> index)
    {
        var list = new List<(int, int[], int[])>();
        foreach (var (cell, at) in index)
        {
            if (cell.Grain is not ("month" or "quarter" or "year")) continue;
            var last = LastDay(cell);
            var overlapping = new List<int>();
            var inside = new List<int>();
            for (var w = Monday(cell.Start); w <= last; w = w.AddDays(7))
            {
                if (!index.TryGetValue(cell with { Grain = "week", Start = w }, out var week)) continue;
                overlapping.Add(week);
                if (w >= cell.Start && w.AddDays(6) <= last) inside.Add(week);
            }
            if (overlapping.Count > 0) list.Add((at, [.. overlapping], [.. inside]));
        }
        return list;
    }

    private static List<(int Total, int[] Parts)> Relations(Dictionary<FloorCell, int> index, IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners)
    {
        var list = new List<(int, int[])>();
        int[] Existing(IEnumerable<FloorCell> cells) => cells.Where(index.ContainsKey).Select(c => index[c]).ToArray();

        var children = units.Where(kv => kv.Value is { } p && units.ContainsKey(p)).GroupBy(kv => kv.Value!.Value)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order().ToArray());
        var topsOf = partners.ToDictionary(p => p.Id, p => p.TopEngagements.Where(units.ContainsKey).Order().ToArray());
        var byDim = index.Keys.Where(c => c.Dim != Slice.All.Dimension)
            .GroupBy(c => (c.Kind, c.SubjectId, c.Grain, c.Start, c.Dim)).ToDictionary(g => g.Key, g => g.ToArray());

        foreach (var cell in index.Keys)
        {
            var at = index[cell];
            // slice: all = Σ values of each dimension
            if (cell.Dim == Slice.All.Dimension)
            {
                foreach (var dim in Slice.Dimensions)
                {
                    if (byDim.TryGetValue((cell.Kind, cell.SubjectId, cell.Grain, cell.Start, dim), out var values)) list.Add((at, Existing(values)));
                }
            }
            // time: year = Σ quarters = Σ months, quarter = Σ months, month = Σ weeks inside it + the segments at its ends,
            // a straddling week = its two segments
            switch (cell.Grain)
            {
                case "year":
                    list.Add((at, Existing(Enumerable.Range(0, 4).Select(q => cell with { Grain = "quarter", Start = cell.Start.AddMonths(3 * q) }))));
                    list.Add((at, Existing(Enumerable.Range(0, 12).Select(m => cell with { Grain = "month", Start = cell.Start.AddMonths(m) }))));
                    break;
                case "quarter":
                    list.Add((at, Existing(Enumerable.Range(0, 3).Select(m => cell with { Grain = "month", Start = cell.Start.AddMonths(m) }))));
                    break;
                case "month":
                    var last = LastDay(cell);
                    var days = new List<FloorCell>();
                    for (var w = Monday(cell.Start); w <= last; w = w.AddDays(7))
                    {
                        days.Add(w >= cell.Start && w.AddDays(6) <= last
                            ? cell with { Grain = "week", Start = w }
                            : cell with { Grain = Segment, Start = w < cell.Start ? cell.Start : w });
                    }
                    list.Add((at, Existing(days)));
                    break;
                case "week":
                    var next = FirstOfMonth(cell.Start.AddDays(6));
                    if (next > cell.Start) list.Add((at, Existing([cell with { Grain = Segment }, cell with { Grain = Segment, Start = next }])));
                    break;
            }
            // organisation: a unit = Σ its visible children; a partner = Σ its visible top engagements
            var parts = cell.Kind == SubjectKind.Unit
                ? children.GetValueOrDefault(cell.SubjectId)
                : topsOf.GetValueOrDefault(cell.SubjectId);
            if (parts is { Length: > 0 })
            {
                list.Add((at, Existing(parts.Select(u => cell with { Kind = SubjectKind.Unit, SubjectId = u }))));
            }
        }
        return list;
    }
}
