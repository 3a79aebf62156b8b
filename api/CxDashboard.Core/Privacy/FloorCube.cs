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
/// additive relations a caller can see: time (month → quarter → year; weeks against the months they straddle),
/// organisation (a unit → its visible children, a partner → its visible engagements) and slice (all → the values
/// of each dimension). See <see cref="SuppressionSolver"/>.
/// </summary>
public sealed class FloorCube
{
    private static readonly string[] AlignedGrains = ["week", "month", "quarter", "year"];

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

    /// <summary>How many cells are suppressed for the basis, primary and complementary together.</summary>
    public int SuppressedCount(int basis) => off[basis].Count(x => x);

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
        await using var cmd = db.CreateCommand($"""
            SELECT subject_kind, subject_id, grain, period_start, dim, dim_value, {string.Join(", ", FloorBasis.Columns)}
            FROM rollup_cell
            WHERE grain = ANY(@grains)
              AND ((subject_kind = 0 AND subject_id = ANY(@units)) OR (subject_kind = 1 AND subject_id = ANY(@partners)))
            ORDER BY subject_kind, subject_id, grain, period_start, dim, dim_value
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
                for (var b = 0; b < n.Length; b++) n[b] = r.GetInt32(6 + b);
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

    /// <summary>The pattern for counts already read (tests give them directly).</summary>
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
                solver.AddCell(counts[b][i]);
            }
            foreach (var (kind, total, parts) in relations)
            {
                // No readable part: the total is all there is, nothing to subtract.
                if (parts.Length == 0) continue;
                if (kind == RelationKind.Cover)
                {
                    solver.AddCover(total, parts);
                    continue;
                }
                // What the parts do not account for is a remainder nobody can read (a unit's own facts next to its children).
                var rest = solver.CountOf(total) - parts.Sum(solver.CountOf);
                solver.AddSum(total, rest == 0 ? parts : [.. parts, solver.AddCell(Math.Abs(rest), isHidden: true)]);
            }
            // Weeks are their own tiling of time: a month, quarter or year is a sum of weeks only when the n say the days
            // of those weeks outside it hold nothing for this basis. Then it is an exact relation like any other
            // (a caller reads both grains): so a week hidden even as a precaution is not the whole minus its other weeks.
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

    private enum RelationKind
    {
        Sum,
        Cover,
    }

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
            var last = (cell.Grain switch { "month" => cell.Start.AddMonths(1), "quarter" => cell.Start.AddMonths(3), _ => cell.Start.AddYears(1) }).AddDays(-1);
            var overlapping = new List<int>();
            var inside = new List<int>();
            // ISO weeks start on Monday: the first week overlapping the whole starts on or before its first day.
            var monday = cell.Start.AddDays(-(((int)cell.Start.DayOfWeek + 6) % 7));
            for (var w = monday; w <= last; w = w.AddDays(7))
            {
                if (!index.TryGetValue(cell with { Grain = "week", Start = w }, out var week)) continue;
                overlapping.Add(week);
                if (w >= cell.Start && w.AddDays(6) <= last) inside.Add(week);
            }
            if (overlapping.Count > 0) list.Add((at, [.. overlapping], [.. inside]));
        }
        return list;
    }

    private static List<(RelationKind Kind, int Total, int[] Parts)> Relations(Dictionary<FloorCell, int> index, IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners)
    {
        var list = new List<(RelationKind, int, int[])>();
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
                    if (byDim.TryGetValue((cell.Kind, cell.SubjectId, cell.Grain, cell.Start, dim), out var values)) list.Add((RelationKind.Sum, at, Existing(values)));
                }
            }
            // time: year = Σ quarters, quarter = Σ months; a week against the months it straddles
            switch (cell.Grain)
            {
                case "year":
                    list.Add((RelationKind.Sum, at, Existing(Enumerable.Range(0, 4).Select(q => cell with { Grain = "quarter", Start = cell.Start.AddMonths(3 * q) }))));
                    break;
                case "quarter":
                    list.Add((RelationKind.Sum, at, Existing(Enumerable.Range(0, 3).Select(m => cell with { Grain = "month", Start = cell.Start.AddMonths(m) }))));
                    break;
                case "week":
                    var months = new[] { cell.Start, cell.Start.AddDays(6) }.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct();
                    list.Add((RelationKind.Cover, at, Existing(months.Select(m => cell with { Grain = "month", Start = m }))));
                    break;
            }
            // organisation: a unit = Σ its visible children; a partner = Σ its visible top engagements
            var parts = cell.Kind == SubjectKind.Unit
                ? children.GetValueOrDefault(cell.SubjectId)
                : topsOf.GetValueOrDefault(cell.SubjectId);
            if (parts is { Length: > 0 })
            {
                list.Add((RelationKind.Sum, at, Existing(parts.Select(u => cell with { Kind = SubjectKind.Unit, SubjectId = u }))));
            }
        }
        return list;
    }
}
