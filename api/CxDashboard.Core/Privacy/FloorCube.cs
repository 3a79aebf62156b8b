using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Privacy;

/// <summary>One readable cell of a caller's scope: subject, aligned period and slice.</summary>
public readonly record struct FloorCell(SubjectKind Kind, long SubjectId, string Grain, DateOnly Start, string Dim, string DimValue);

/// <summary>A visible partner: its id, its visible top engagements, and whether all of its engagements are visible.</summary>
public sealed record FloorPartner(long Id, IReadOnlyList<long> TopEngagements, bool WhollyVisible);

/// <summary>Where a pattern's build time went: reading the counts, solving (zero when an identical earlier pattern was kept).</summary>
public sealed record FloorBuildTimes(TimeSpan Read, TimeSpan Solve, bool Reused);

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

    private FloorCube(Dictionary<FloorCell, int> index, long[][] counts, bool[][] off, AuditReport[] audits)
    {
        this.index = index;
        this.counts = counts;
        this.off = off;
        Audits = audits;
    }

    /// <summary>What the linear audit added to each basis's pattern (<see cref="SuppressionSolver"/>), in basis order.</summary>
    public IReadOnlyList<AuditReport> Audits { get; }

    public int Cells => index.Count;

    /// <summary>How many readable cells (not segments) are suppressed for the basis, primary and complementary together.</summary>
    public int SuppressedCount(int basis) => index.Count(kv => kv.Key.Grain != Segment && off[basis][kv.Value]);

    /// <summary>Every cell (segments included) the pattern hides for the basis.</summary>
    public IEnumerable<FloorCell> HiddenCells(int basis) => index.Where(kv => off[basis][kv.Value]).Select(kv => kv.Key);

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
    /// Reads the counts of every aligned cell of <paramref name="units"/> and <paramref name="partners"/> and the rollup
    /// version (<c>rollup_state.refreshed_at</c>) in one REPEATABLE READ snapshot, so the counts are exactly those of
    /// that version, and solves the pattern of every basis for <paramref name="floor"/>. When <paramref name="previous"/>
    /// was solved from the same counts, scope and floor, its pattern is kept (the solver is deterministic: it would
    /// give the same) and only the read is paid for.
    /// </summary>
    /// <param name="units">Visible unit ids with their parent (null when the parent is not visible).</param>
    /// <param name="auditBudget">The linear audit's budget per basis and round (<see cref="SuppressionSolver.NoAudit"/>: none).</param>
    public static async Task<FloorCube> BuildAsync(NpgsqlDataSource db, IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners,
        int floor, FloorCube? previous = null, CancellationToken ct = default, long auditBudget = SuppressionSolver.NoAudit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (version, rows) = await ReadAsync(db, units, partners, ct);
        var read = clock.Elapsed;
        var shape = ShapeOf(units, partners, floor) + "|" + auditBudget;
        if (previous is not null && previous.shape == shape && previous.SameCounts(rows))
        {
            return previous.AsVersion(version, new FloorBuildTimes(read, TimeSpan.Zero, Reused: true));
        }
        var cube = Solve(rows, units, partners, floor, auditBudget);
        cube.Version = version;
        cube.shape = shape;
        cube.Times = new FloorBuildTimes(read, clock.Elapsed - read, Reused: false);
        return cube;
    }

    /// <summary>The rollup version (<c>rollup_state.refreshed_at</c>) whose cells this pattern was solved from; null when built from counts given directly.</summary>
    public DateTime? Version { get; private set; }

    /// <summary>How long reading the counts and solving took (zero solve when the previous pattern was kept).</summary>
    public FloorBuildTimes Times { get; private set; } = new(TimeSpan.Zero, TimeSpan.Zero, false);

    private string shape = "";

    private static string ShapeOf(IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners, int floor) =>
        string.Join(';', units.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}:{kv.Value}")) + "|" +
        string.Join(';', partners.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.WhollyVisible}:{string.Join(',', p.TopEngagements.Order())}")) + "|" + floor;

    private bool SameCounts(Dictionary<FloorCell, long[]> rows)
    {
        if (rows.Count != index.Count) return false;
        foreach (var (cell, n) in rows)
        {
            if (!index.TryGetValue(cell, out var i)) return false;
            for (var b = 0; b < n.Length; b++)
            {
                if (counts[b][i] != n[b]) return false;
            }
        }
        return true;
    }

    private FloorCube AsVersion(DateTime? version, FloorBuildTimes times) =>
        new(index, counts, off, [.. Audits]) { Version = version, shape = shape, Times = times };

    private static async Task<(DateTime? Version, Dictionary<FloorCell, long[]> Rows)> ReadAsync(NpgsqlDataSource db, IReadOnlyDictionary<long, long?> units,
        IReadOnlyList<FloorPartner> partners, CancellationToken ct)
    {
        var wholePartners = partners.Where(p => p.WhollyVisible).Select(p => p.Id).ToArray();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        DateTime? version;
        await using (var v = new NpgsqlCommand("SELECT refreshed_at FROM rollup_state WHERE id = 1", conn, tx))
        {
            version = await v.ExecuteScalarAsync(ct) is DateTime t ? t : null;
        }
        // One statement: the aligned cells, then the segments of the weeks straddling a month end, summed from the day
        // cells (the first day of a segment is the later of its week's and its month's first day). Only the days of such
        // weeks are read, by list (about one day in five): filtering every day cell of the scope by its week cost 3-4 s of
        // the ~6 s read at CO (demo data, 1M day cells).
        await using var cmd = new NpgsqlCommand($"""
            WITH span AS (SELECT min(period_start) AS lo, max(period_start) AS hi FROM rollup_cell WHERE grain = 'day'),
            straddling AS (
                SELECT d::date AS day FROM span, generate_series(span.lo, span.hi, interval '1 day') d
                WHERE date_trunc('month', date_trunc('week', d)) <> date_trunc('month', date_trunc('week', d) + interval '6 days'))
            SELECT subject_kind, subject_id, grain, period_start, dim, dim_value, {string.Join(", ", FloorBasis.Columns.Select(c => $"coalesce({c}, 0)::bigint"))}
            FROM rollup_cell
            WHERE grain = ANY(@grains) AND {InScope}
            UNION ALL
            SELECT subject_kind, subject_id, '{Segment}', greatest(date_trunc('week', period_start::timestamp), date_trunc('month', period_start::timestamp))::date,
                   dim, dim_value, {string.Join(", ", FloorBasis.Columns.Select(c => $"coalesce(sum({c}), 0)::bigint"))}
            FROM rollup_cell
            WHERE grain = 'day' AND period_start = ANY(ARRAY(SELECT day FROM straddling)) AND {InScope}
            GROUP BY subject_kind, subject_id, 4, dim, dim_value
            ORDER BY 1, 2, 3, 4, 5, 6
            """, conn, tx) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter("grains", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = AlignedGrains });
        cmd.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = units.Keys.Order().ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("partners", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = wholePartners });
        var rows = new List<(FloorCell Cell, long[] N)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var dim = r.GetString(4);
                var cell = new FloorCell((SubjectKind)r.GetInt16(0), r.GetInt64(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), dim, dim == Slice.All.Dimension ? "" : r.GetString(5));
                var n = new long[FloorBasis.Columns.Length];
                for (var b = 0; b < n.Length; b++) n[b] = r.GetInt64(6 + b);
                rows.Add((cell, n));
            }
        }
        await tx.CommitAsync(ct);
        // The solver numbers cells in the order read (ORDER BY above), and its choices follow that order.
        var byCell = new Dictionary<FloorCell, long[]>(rows.Count);
        foreach (var (cell, n) in rows) byCell[cell] = n;
        // A partner seen only in part reads as the sum of its visible top engagements (as the value path reads it).
        foreach (var p in partners.Where(p => !p.WhollyVisible))
        {
            var tops = p.TopEngagements.ToHashSet();
            foreach (var (cell, n) in rows.Where(x => x.Cell.Kind == SubjectKind.Unit && tops.Contains(x.Cell.SubjectId)))
            {
                var key = cell with { Kind = SubjectKind.Partner, SubjectId = p.Id };
                var sum = byCell.TryGetValue(key, out var acc) ? acc : byCell[key] = new long[n.Length];
                for (var b = 0; b < n.Length; b++) sum[b] += n[b];
            }
        }
        return (version, byCell);
    }

    private const string InScope = "((subject_kind = 0 AND subject_id = ANY(@units)) OR (subject_kind = 1 AND subject_id = ANY(@partners)))";

    /// <summary>
    /// The pattern for counts already read (tests give them directly; segment cells included); each basis audited within
    /// <paramref name="auditBudget"/> row operations per round (<see cref="LinearAudit"/>).
    /// </summary>
    public static FloorCube Solve(IReadOnlyDictionary<FloorCell, long[]> rows, IReadOnlyDictionary<long, long?> units, IReadOnlyList<FloorPartner> partners, int floor,
        long auditBudget = SuppressionSolver.DefaultAuditBudget)
    {
        var index = new Dictionary<FloorCell, int>(rows.Count);
        var bases = FloorBasis.Columns.Length;
        var cells = rows.Count;
        var relations = new List<(int Total, int[] Parts)>();
        foreach (var cell in rows.Keys) index[cell] = index.Count;
        foreach (var r in Relations(index, units, partners))
        {
            // No readable part: the total is all there is, nothing to subtract.
            if (r.Parts.Length > 0) relations.Add(r);
        }
        var weekSpans = WeekSpans(index);

        // The relations and their members are the same for every basis; only the counts differ. Each relation gets a
        // remainder cell: what its parts do not account for (a unit's own facts next to its children), which nobody can
        // read; where the parts add up exactly its count is 0, and a cell with no data never counts as unpublished.
        var size = cells + relations.Count;
        var solver = new SuppressionSolver(size);
        var readable = new bool[size];
        var hidden = new bool[size];
        foreach (var (cell, i) in index) readable[i] = cell.Grain != Segment;
        for (var r = 0; r < relations.Count; r++)
        {
            hidden[cells + r] = true;
            solver.AddSum(relations[r].Total, [.. relations[r].Parts, cells + r]);
        }
        // Where the n say a month, quarter or year is exactly the weeks overlapping it (the days of those weeks outside it
        // hold nothing for this basis), or the weeks inside it, that is a relation a caller can use like any other: made
        // here for every basis, switched on per basis below.
        var spanSums = new List<(int Relation, int Whole, int[] Weeks, bool InsideOnly)>();
        foreach (var (whole, overlapping, inside) in weekSpans)
        {
            spanSums.Add((solver.AddSum(whole, overlapping), whole, overlapping, false));
            if (inside.Length < overlapping.Length && inside.Length > 0) spanSums.Add((solver.AddSum(whole, inside), whole, inside, true));
        }

        var counts = new long[bases][];
        var off = new bool[bases][];
        var audits = new AuditReport[bases];
        var ordered = new long[]?[cells];
        foreach (var (cell, i) in index) ordered[i] = rows[cell];
        for (var b = 0; b < bases; b++)
        {
            var n = new long[size];
            for (var i = 0; i < cells; i++) n[i] = ordered[i]![b];
            for (var r = 0; r < relations.Count; r++)
            {
                var rest = n[relations[r].Total];
                foreach (var p in relations[r].Parts) rest -= n[p];
                n[cells + r] = Math.Abs(rest);
            }
            var holds = new bool[solver.Relations];
            Array.Fill(holds, true, 0, relations.Count);
            foreach (var (relation, whole, weeks, _) in spanSums)
            {
                long sum = 0;
                foreach (var w in weeks) sum += n[w];
                holds[relation] = n[whole] != 0 && sum == n[whole];
            }
            counts[b] = n[..cells];
            // bases with the same counts (the contact ratios' n often equals another's) get the same pattern: solved once
            var same = Enumerable.Range(0, b).FirstOrDefault(e => counts[e].AsSpan().SequenceEqual(counts[b]), -1);
            if (same >= 0)
            {
                (off[b], audits[b]) = (off[same], audits[same]);
                continue;
            }
            off[b] = solver.Solve(n, hidden, readable, holds, floor, auditBudget, out audits[b])[..cells];
        }
        return new FloorCube(index, counts, off, audits);
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
