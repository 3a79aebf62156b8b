using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Values;

/// <summary>
/// Reads rollup cells — the only source of displayed values (reads never touch raw facts). Every
/// call is ONE SQL command however many keys it gets, so a DataLoader batching a whole level of a
/// GraphQL query costs one round trip. A day range is the sum of its day cells; a key with no cell
/// reads as <see cref="CellStats.Empty"/>. A zero statistic is stored as NULL (ADR 0006): every read coalesces.
/// </summary>
public sealed class CellStore(NpgsqlDataSource db)
{
    private static readonly string Sql = $"""
        SELECT k.ord, c.dim_value, {string.Join(", ", CellColumns.All.Select(col => $"coalesce(sum(c.{col.Name}), 0)::float8"))}
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
    /// columns <c>unit, dim, dv, groups</c>), the unit cells of grain $2 — a month, quarter or year — whose period
    /// starts between $3 and $4. <c>groups</c> holds the <see cref="CellColumnGroup"/> flags the row's metrics read.
    /// The cells are found by <c>ix_rollup_cell_coarse_series</c> (unit cells of those grains, keyed so that one
    /// (unit, slice)'s periods are adjacent) and read from the table: the index includes no statistic, so a refresh's
    /// updates of these cells can be HOT (migration LooseCoarseCells). The two durations' columns (two thirds of a
    /// cell) come as one array, only for rows whose metrics read them.
    /// </summary>
    /// <remarks>
    /// The join is a LATERAL subquery the planner may not flatten (OFFSET 0): flattened, the generic plan of this
    /// prepared statement misjudged the grain filter and scanned every coarse cell of the period.
    /// Meant for a batch (see <see cref="ScorecardReader"/>); read its rows with <see cref="ReadSeriesAsync"/>.
    /// </remarks>
    public static string SeriesSql(string subjectsSql) => $"""
        WITH s AS ({subjectsSql})
        SELECT c.subject_id, c.dim, c.dim_value, c.period_start, {string.Join(", ", CountColumns.Select((i, at) => CountIsInteger[at] ? $"coalesce(c.{CellColumns.All[i].Name}, 0)" : $"coalesce(c.{CellColumns.All[i].Name}, 0)::float8"))},
               CASE WHEN s.groups & {(int)DurationGroups} <> 0
                    THEN ARRAY[{string.Join(", ", DurationColumns.Select(i => $"coalesce(c.{CellColumns.All[i].Name}, 0)::float8"))}] END AS durations
        FROM s CROSS JOIN LATERAL (
            SELECT * FROM rollup_cell c
            WHERE c.subject_kind = 0 AND c.subject_id = s.unit AND c.grain = $2 AND c.grain IN ('month', 'quarter', 'year')
              AND c.dim = s.dim AND c.dim_value = s.dv AND c.period_start BETWEEN $3 AND $4
            OFFSET 0) c
        """;

    private const CellColumnGroup DurationGroups = CellColumnGroup.ResponseTime | CellColumnGroup.HandleTime;

    /// <summary>
    /// Indices into <see cref="CellColumns.All"/>: the counts and sums every metric but the durations read, and the
    /// durations' n, sum and histogram buckets.
    /// </summary>
    public static readonly int[] CountColumns = [.. Enumerable.Range(0, CellStats.Width).Where(i => (CellColumns.Groups[i] & DurationGroups) == 0)];

    private static readonly bool[] CountIsInteger = [.. CountColumns.Select(i => CellColumns.All[i].SqlType == "integer")];

    private static readonly int[] DurationColumns = [.. Enumerable.Range(0, CellStats.Width).Where(i => (CellColumns.Groups[i] & DurationGroups) != 0)];

    /// <summary>
    /// A SQL expression giving the <see cref="CellColumnGroup"/> flags <see cref="MetricReading.Read"/> needs for the
    /// metric code in <paramref name="metricColumn"/> (the mapping of <see cref="MetricReading.GroupsOf"/>, spelled out).
    /// </summary>
    public static string GroupsSql(string metricColumn) =>
        $"CASE {metricColumn} {string.Join(" ", MetricCatalogue.All.Select(m => $"WHEN '{m.Code}' THEN {(int)MetricReading.GroupsOf(m.Code)}"))} " +
        $"ELSE {(int)MetricReading.GroupsOf("")} END";

    /// <summary>
    /// The rows of <see cref="SeriesSql"/>, by (unit, slice, period start). Absent cells are absent (read them as
    /// empty); duration columns not read are 0.
    /// </summary>
    public static async Task<Dictionary<(long Unit, Slice Slice, DateOnly Start), CellStats>> ReadSeriesAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var cells = new Dictionary<(long, Slice, DateOnly), CellStats>();
        var durations = 4 + CountColumns.Length;
        while (await reader.ReadAsync(ct))
        {
            var values = new double[CellStats.Width];
            // As stored (integer counts are half the bytes of float8 on the wire)
            for (var i = 0; i < CountColumns.Length; i++) values[CountColumns[i]] = CountIsInteger[i] ? reader.GetInt32(4 + i) : reader.GetDouble(4 + i);
            if (!reader.IsDBNull(durations))
            {
                var read = reader.GetFieldValue<double[]>(durations);
                for (var i = 0; i < DurationColumns.Length; i++) values[DurationColumns[i]] = read[i];
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
