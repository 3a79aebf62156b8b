using CxDashboard.Core.Rollups;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The additive statistics of one rollup cell (every column of <see cref="CellColumns.All"/>), by
/// column name. A KPI's actual is derived from these at read time by <see cref="KpiMetricValue"/>.
/// </summary>
public sealed class CellStats
{
    private static readonly Dictionary<string, int> Index =
        CellColumns.All.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);

    private readonly double[] values;

    private CellStats(double[] values) => this.values = values;

    public static readonly CellStats Empty = new(new double[CellColumns.All.Length]);

    /// <summary>The select list that <see cref="Read"/> expects, in order, after <paramref name="offset"/> other columns.</summary>
    public static string SelectList(string alias = "c") => string.Join(", ", CellColumns.All.Select(c => $"{alias}.{c.Name}"));

    public static CellStats Read(NpgsqlDataReader reader, int offset)
    {
        var v = new double[CellColumns.All.Length];
        for (var i = 0; i < v.Length; i++) v[i] = Convert.ToDouble(reader.GetValue(offset + i), System.Globalization.CultureInfo.InvariantCulture);
        return new CellStats(v);
    }

    /// <summary>For tests and hand-built cells: named statistics, the rest zero.</summary>
    public static CellStats Of(params (string Column, double Value)[] stats)
    {
        var v = new double[CellColumns.All.Length];
        foreach (var (column, value) in stats) v[Index[column]] = value;
        return new CellStats(v);
    }

    public double this[string column] => values[Index[column]];

    public long Count(string column) => (long)values[Index[column]];

    public long[] Histogram(string prefix) =>
        [.. Enumerable.Range(0, DurationHistogram.Buckets).Select(k => Count(CellColumns.HistogramColumn(prefix, k)))];
}
