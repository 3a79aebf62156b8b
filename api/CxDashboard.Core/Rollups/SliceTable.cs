namespace CxDashboard.Core.Rollups;

/// <summary>
/// The slices (dim, dim_value) a full rebuild meets, each under a small number that cell keys carry (<see cref="CellKey"/>),
/// shared by the run's connections so that their cells add up. There are a few dozen; <see cref="Reader"/> finds one by its
/// bytes as PostgreSQL sent them, without making strings.
/// </summary>
internal sealed class SliceTable
{
    private readonly List<(byte[] Dim, byte[] Value)> slices = [];
    private readonly Lock gate = new();

    /// <summary>Every slice met so far, by number: dim and dim_value as UTF-8 bytes.</summary>
    public (byte[] Dim, byte[] Value)[] All()
    {
        lock (gate) return [.. slices];
    }

    private short IdOf(ReadOnlySpan<byte> dim, ReadOnlySpan<byte> value)
    {
        lock (gate)
        {
            for (var i = 0; i < slices.Count; i++)
                if (dim.SequenceEqual(slices[i].Dim) && value.SequenceEqual(slices[i].Value)) return (short)i;
            if (slices.Count == short.MaxValue) throw new InvalidOperationException("more than 32,767 slices");
            slices.Add((dim.ToArray(), value.ToArray()));
            return (short)(slices.Count - 1);
        }
    }

    /// <summary>One connection's lookup: by the bytes' hash, checked against the bytes, then the shared table.</summary>
    public sealed class Reader(SliceTable table)
    {
        private readonly Dictionary<int, List<(byte[] Dim, byte[] Value, short Slice)>> known = [];

        public short IdOf(ReadOnlySpan<byte> dim, ReadOnlySpan<byte> value)
        {
            var hash = new HashCode();
            hash.AddBytes(dim);
            hash.Add(-1);
            hash.AddBytes(value);
            var key = hash.ToHashCode();
            if (known.TryGetValue(key, out var candidates))
            {
                foreach (var (d, v, slice) in candidates)
                    if (dim.SequenceEqual(d) && value.SequenceEqual(v)) return slice;
            }
            else known[key] = candidates = [];
            var id = table.IdOf(dim, value);
            candidates.Add((dim.ToArray(), value.ToArray(), id));
            return id;
        }
    }
}
