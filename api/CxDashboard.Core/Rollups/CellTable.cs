using System.Numerics;
using System.Runtime.InteropServices;

namespace CxDashboard.Core.Rollups;

/// <summary>A cell's key in memory: subject (kind 0 = unit, 1 = partner), period (its first day, as PostgreSQL's day number) and slice.</summary>
internal readonly record struct CellKey(short Kind, long Subject, int Period, short Slice);

/// <summary>
/// Cells summed in memory by a full rebuild (<see cref="FullRebuild"/>): one row of <see cref="Width"/> statistics per key,
/// in the order of <see cref="CellColumns.All"/>, zero where PostgreSQL stores NULL. The statistics are counts and sums, so
/// a cell is the element-wise sum of what is added to it, in any order (every sum of integral values stays exact).
/// </summary>
internal sealed class CellTable
{
    public static readonly int Width = CellColumns.All.Length;

    /// <summary>Rows per block of statistics: blocks are added as cells are (no array grows by copying, no capacity left half empty).</summary>
    private const int BlockRows = 1024;

    private readonly Dictionary<CellKey, int> index = [];
    private readonly List<double[]> blocks = [];
    private CellKey[] keys = new CellKey[BlockRows];

    public int Count { get; private set; }

    public CellKey KeyAt(int row) => keys[row];

    public ReadOnlySpan<double> ValuesAt(int row) => Values(row);

    private Span<double> Values(int row) => blocks[row / BlockRows].AsSpan(row % BlockRows * Width, Width);

    /// <summary>Adds <paramref name="add"/> into the cell's statistics from column <paramref name="offset"/> on (a new cell starts at zero).</summary>
    public void Add(CellKey key, ReadOnlySpan<double> add, int offset = 0)
    {
        ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
        if (!exists)
        {
            if (Count == keys.Length) Array.Resize(ref keys, keys.Length * 2);
            if (Count == blocks.Count * BlockRows) blocks.Add(new double[BlockRows * Width]);
            row = Count;
            keys[Count++] = key;
        }
        Sum(Values(row).Slice(offset, add.Length), add);
    }

    /// <summary>Adds every cell of <paramref name="other"/> into this table.</summary>
    public void AddAll(CellTable other)
    {
        for (var i = 0; i < other.Count; i++) Add(other.keys[i], other.ValuesAt(i));
    }

    /// <summary>Empties the table for the next month, keeping its memory.</summary>
    public void Clear()
    {
        for (var b = 0; b * BlockRows < Count; b++) blocks[b].AsSpan(0, Math.Min(BlockRows, Count - b * BlockRows) * Width).Clear();
        index.Clear();
        Count = 0;
    }

    /// <summary>The rows in period order (the order they are written to disk in); within a period in no particular order.</summary>
    public int[] RowsByPeriod()
    {
        var periods = new int[Count];
        var rows = new int[Count];
        for (var i = 0; i < Count; i++) (periods[i], rows[i]) = (keys[i].Period, i);
        Array.Sort(periods, rows);
        return rows;
    }

    private static void Sum(Span<double> into, ReadOnlySpan<double> add)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= add.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(into[i..]) + new Vector<double>(add[i..])).CopyTo(into[i..]);
        }
        for (; i < add.Length; i++) into[i] += add[i];
    }
}
