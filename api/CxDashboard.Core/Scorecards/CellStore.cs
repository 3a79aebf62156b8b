using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// Reads rollup cells — the only source of displayed values (reads never touch raw facts). Every
/// call is ONE SQL command however many keys it gets, so a DataLoader batching a whole level of a
/// GraphQL query costs one round trip. A day range is the sum of its day cells; a key with no cell
/// reads as <see cref="CellStats.Empty"/>.
/// </summary>
public sealed class CellStore(NpgsqlDataSource db)
{
    private static readonly string Sql = $"""
        SELECT k.ord, c.dim_value, {string.Join(", ", CellColumns.All.Select(col => $"sum(c.{col.Name})::float8"))}
        FROM unnest(@kind, @subject, @grain, @first, @last, @dim, @dv) WITH ORDINALITY AS k(kind, subject, grain, first, last, dim, dv, ord)
        JOIN rollup_cell c
          ON c.subject_kind = k.kind AND c.subject_id = k.subject AND c.dim = k.dim
         AND (k.dv IS NULL OR c.dim_value = k.dv)
         AND c.grain = CASE WHEN k.grain = 'range' THEN 'day' ELSE k.grain END
         AND c.period_start BETWEEN k.first AND CASE WHEN k.grain = 'range' THEN k.last ELSE k.first END
        GROUP BY k.ord, c.dim_value
        """;

    /// <summary>
    /// A statement reading, for every (unit, dim, dim_value) row of <paramref name="subjectsSql"/> (a query with
    /// columns <c>unit, dim, dv, groups</c>), the unit cells of grain $2 whose period starts between $3 and $4: a range
    /// scan of the primary key (subject_kind, subject_id, grain, period_start, …) per unit instead of one index
    /// lookup per period. <c>groups</c> holds the <see cref="CellColumnGroup"/> flags the row's metrics read: the
    /// response and interaction columns come for every row, the two duration histograms (two thirds of a cell's
    /// columns) as one integer array and only for rows whose metrics read them (one test per row, not one per column).
    /// Meant for a batch (see <see cref="ScorecardReader"/>); read its rows with <see cref="ReadSeriesAsync"/>.
    /// </summary>
    public static string SeriesSql(string subjectsSql) => $"""
        WITH s AS ({subjectsSql})
        SELECT c.subject_id, c.dim, c.dim_value, c.period_start, {string.Join(", ", CountColumns.Select(i => $"c.{CellColumns.All[i].Name}::float8"))},
               CASE WHEN s.groups & {(int)HistogramGroups} <> 0 THEN ARRAY[{string.Join(", ", HistogramColumns.Select(i => $"c.{CellColumns.All[i].Name}"))}] END
        FROM s JOIN rollup_cell c
          ON c.subject_kind = 0 AND c.subject_id = s.unit AND c.grain = $2 AND c.period_start BETWEEN $3 AND $4
         AND c.dim = s.dim AND c.dim_value = s.dv
        """;

    private const CellColumnGroup HistogramGroups = CellColumnGroup.ResponseTimeHistogram | CellColumnGroup.HandleTimeHistogram;

    /// <summary>Indices into <see cref="CellColumns.All"/>: the counts and sums, and the histogram buckets (integers).</summary>
    private static readonly int[] CountColumns = [.. Enumerable.Range(0, CellStats.Width).Where(i => (CellColumns.Groups[i] & HistogramGroups) == 0)];

    private static readonly int[] HistogramColumns = [.. Enumerable.Range(0, CellStats.Width).Where(i => (CellColumns.Groups[i] & HistogramGroups) != 0)];

    /// <summary>
    /// A SQL expression giving the <see cref="CellColumnGroup"/> flags <see cref="MetricReading.Read"/> needs for the
    /// metric code in <paramref name="metricColumn"/> (the mapping of <see cref="MetricReading.GroupsOf"/>, spelled out).
    /// </summary>
    public static string GroupsSql(string metricColumn) =>
        $"CASE {metricColumn} {string.Join(" ", MetricCatalogue.All.Select(m => $"WHEN '{m.Code}' THEN {(int)MetricReading.GroupsOf(m.Code)}"))} " +
        $"ELSE {(int)MetricReading.GroupsOf("")} END";

    /// <summary>
    /// The rows of <see cref="SeriesSql"/>, by (unit, slice, period start). Absent cells are absent (read them as
    /// empty); histograms not read are 0.
    /// </summary>
    public static async Task<Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats>> ReadSeriesAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var cells = new Dictionary<(long, Slice, DateOnly), CellStats>();
        var histograms = 4 + CountColumns.Length;
        while (await reader.ReadAsync(ct))
        {
            var values = new double[CellStats.Width];
            for (var i = 0; i < CountColumns.Length; i++) values[CountColumns[i]] = reader.GetDouble(4 + i);
            if (!reader.IsDBNull(histograms))
            {
                var buckets = reader.GetFieldValue<int[]>(histograms);
                for (var i = 0; i < HistogramColumns.Length; i++) values[HistogramColumns[i]] = buckets[i];
            }
            var slice = reader.GetString(1) == Slice.All.Dimension ? Slice.All : new Slice(reader.GetString(1), reader.GetString(2));
            cells[(reader.GetInt64(0), slice, reader.GetFieldValue<DateOnly>(3))] = new CellStats(values);
        }
        return cells;
    }

    /// <summary>The cells of <paramref name="keys"/> (missing ones empty).</summary>
    public async Task<IReadOnlyDictionary<CellKey, CellStats>> LoadAsync(IReadOnlyCollection<CellKey> keys, CancellationToken ct = default)
    {
        var distinct = keys.Distinct().ToArray();
        var result = distinct.ToDictionary(k => k, _ => CellStats.Empty);
        if (distinct.Length == 0) return result;
        var rows = await QueryAsync(distinct.Select(k => (k.Kind, k.SubjectId, k.Period, k.Slice.Dimension, (string?)k.Slice.Value)).ToArray(), ct);
        foreach (var (ord, _, stats) in rows) result[distinct[ord]] = stats;
        return result;
    }

    /// <summary>Every value of a dimension per key, largest volume first (values without data are absent).</summary>
    public async Task<IReadOnlyDictionary<BreakdownKey, IReadOnlyList<(string Value, CellStats Stats)>>> LoadBreakdownsAsync(
        IReadOnlyCollection<BreakdownKey> keys, CancellationToken ct = default)
    {
        var distinct = keys.Distinct().ToArray();
        foreach (var k in distinct) _ = Slice.Of(k.Dimension, "x"); // validates the dimension
        var lists = distinct.Select(_ => new List<(string, CellStats)>()).ToArray();
        if (distinct.Length > 0)
        {
            var rows = await QueryAsync(distinct.Select(k => (k.Kind, k.SubjectId, k.Period, k.Dimension, (string?)null)).ToArray(), ct);
            foreach (var (ord, value, stats) in rows) lists[ord].Add((value, stats));
        }
        return distinct.Select((k, i) => (k, i)).ToDictionary(
            x => x.k,
            x => (IReadOnlyList<(string, CellStats)>)lists[x.i].OrderByDescending(v => v.Item2["responses"] + v.Item2["contacts"]).ThenBy(v => v.Item1, StringComparer.Ordinal).ToArray());
    }

    private async Task<List<(int Ord, string Value, CellStats Stats)>> QueryAsync(
        (SubjectKind Kind, long Subject, Period Period, string Dim, string? Value)[] keys, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { Value = keys.Select(k => (short)k.Kind).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("subject", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = keys.Select(k => k.Subject).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("grain", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Period.Grain).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = keys.Select(k => k.Period.First).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = keys.Select(k => k.Period.Last).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("dim", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Dim).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("dv", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Value).ToArray() });
        var rows = new List<(int, string, CellStats)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new double[CellStats.Width];
            for (var i = 0; i < values.Length; i++) values[i] = reader.GetDouble(2 + i);
            rows.Add(((int)reader.GetInt64(0) - 1, reader.GetString(1), new CellStats(values)));
        }
        return rows;
    }
}
