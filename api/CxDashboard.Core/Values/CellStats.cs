using CxDashboard.Core.Rollups;

namespace CxDashboard.Core.Values;

/// <summary>
/// The additive statistics of one rollup cell (or of several summed), in <see cref="CellColumns.All"/>
/// order. Counts are held as doubles: they are exact up to 2^53.
/// </summary>
public sealed class CellStats
{
    private static readonly Dictionary<string, int> Index =
        CellColumns.All.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);

    public static readonly int Width = CellColumns.All.Length;

    /// <summary>A cell with no facts (what a period without data reads as).</summary>
    public static CellStats Empty => new(new double[Width]);

    private readonly double[] values;

    public CellStats(double[] values)
    {
        if (values.Length != Width) throw new ArgumentException($"expected {Width} statistics, got {values.Length}", nameof(values));
        this.values = values;
    }

    public double this[string column] => values[Index[column]];

    public long Count(string column) => (long)values[Index[column]];

    public bool IsEmpty => Count("responses") == 0 && Count("contacts") == 0;

    /// <summary>Histogram bucket counts of a duration (<c>rt</c> or <c>ht</c>).</summary>
    public long[] Histogram(string prefix) =>
        Enumerable.Range(0, DurationHistogram.Buckets).Select(k => Count(CellColumns.HistogramColumn(prefix, k))).ToArray();

    /// <summary>Column-wise sum: the cell of the union of two disjoint fact sets.</summary>
    public CellStats Plus(CellStats other)
    {
        var sum = new double[Width];
        for (var i = 0; i < Width; i++) sum[i] = values[i] + other.values[i];
        return new CellStats(sum);
    }
}
