using System.Buffers.Binary;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// The rows of one month on their way to a staging table, encoded at once in PostgreSQL's binary COPY
/// format and sent as one COPY per <see cref="Capacity"/> rows. Rows of different months may go to
/// different tables (<see cref="MonthBulkLoad"/>) and a connection runs one COPY at a time, so each
/// month collects its rows here and the writer switches tables between COPYs (a COPY costs one round
/// trip to start and one to finish: ~120 of them for a million rows). Holding bytes rather than the
/// parsed values keeps those values short-lived for the garbage collector. The table is chosen when
/// the buffer first fills: a month with fewer rows goes to the staging table without anybody asking.
/// </summary>
/// <remarks>
/// Every row starts with an id field: the fact table's id for a load table (written in at flush time,
/// <see cref="SendTo"/>), ignored by the staging table. Format: https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.4
/// (a tuple is a 16-bit field count, then per field a 32-bit length, -1 for null, and the value in
/// the type's binary send format, all big-endian).
/// </remarks>
internal sealed class StagingBuffer(IReadOnlyList<StageColumn> columns)
{
    public const int Capacity = 8192;

    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Trailer = [0xFF, 0xFF];
    // timestamptz is microseconds since 2000-01-01 00:00 UTC.
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly NpgsqlDbType[] types = columns.Select(c => c.Type).ToArray();
    private readonly string columnList = "id, " + string.Join(", ", columns.Select(c => c.Name));
    private readonly int[] rowStarts = new int[Capacity];
    // Grows as needed: a file touching many months with few rows each stays small.
    private byte[] bytes = new byte[4096];
    private int length;
    private int count;
    private Func<int, CancellationToken, Task<long>>? reserveIds;

    /// <summary>Where the rows go; null until chosen.</summary>
    public string? Table { get; private set; }

    /// <param name="reserveIds">
    /// For a table that becomes a fact partition: reserves <c>n</c> ids of the fact table's sequence and
    /// returns the first (a sequence default would cost the server one call per row, about 0.45 s of
    /// CPU per million rows).
    /// </param>
    public void SendTo(string table, Func<int, CancellationToken, Task<long>>? reserveIds)
    {
        Table = table;
        this.reserveIds = reserveIds;
    }

    /// <summary>Encodes <paramref name="values"/> (in <c>columns</c> order); true when the buffer is full and must be flushed.</summary>
    public bool Add(object?[] values)
    {
        rowStarts[count] = length;
        Ensure(2 + 12);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(length), (short)(values.Length + 1));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(length + 2), 8);
        bytes.AsSpan(length + 6, 8).Clear(); // the id, written at flush time for a load table
        length += 2 + 12;
        for (var i = 0; i < values.Length; i++) Encode(values[i], types[i]);
        return ++count == Capacity;
    }

    public async Task FlushAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        if (count == 0) return;
        if (Table is null) throw new InvalidOperationException("staging buffer flushed before its table was chosen");
        if (reserveIds is not null)
        {
            var id = await reserveIds(count, ct);
            for (var r = 0; r < count; r++) BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(rowStarts[r] + 6), id++);
        }
        await using (var copy = await conn.BeginRawBinaryCopyAsync($"COPY {Table} ({columnList}) FROM STDIN (FORMAT BINARY)", ct))
        {
            await copy.WriteAsync(Header, ct);
            await copy.WriteAsync(bytes.AsMemory(0, length), ct);
            await copy.WriteAsync(Trailer, ct);
        }
        length = 0;
        count = 0;
    }

    private void Encode(object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null:
                Ensure(4);
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(length), -1);
                length += 4;
                break;
            case string v:
                Ensure(4 + Encoding.UTF8.GetMaxByteCount(v.Length));
                var n = Encoding.UTF8.GetBytes(v, bytes.AsSpan(length + 4));
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(length), n);
                length += 4 + n;
                break;
            case DateTime v when type == NpgsqlDbType.TimestampTz:
                if (v.Kind != DateTimeKind.Utc) throw new ArgumentException($"timestamptz values must be UTC, got {v.Kind}");
                Fixed(8);
                BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(length), (v.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
                length += 8;
                break;
            case long v when type == NpgsqlDbType.Bigint:
                Fixed(8);
                BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(length), v);
                length += 8;
                break;
            case int v when type == NpgsqlDbType.Integer:
                Fixed(4);
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(length), v);
                length += 4;
                break;
            case short v when type == NpgsqlDbType.Smallint:
                Fixed(2);
                BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(length), v);
                length += 2;
                break;
            case bool v when type == NpgsqlDbType.Boolean:
                Fixed(1);
                bytes[length++] = v ? (byte)1 : (byte)0;
                break;
            default:
                throw new ArgumentException($"no binary COPY encoding of {value.GetType().Name} as {type}");
        }
    }

    /// <summary>Room for a fixed-size value and writes its length.</summary>
    private void Fixed(int size)
    {
        Ensure(4 + size);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(length), size);
        length += 4;
    }

    private void Ensure(int more)
    {
        if (length + more <= bytes.Length) return;
        Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + more));
    }
}
