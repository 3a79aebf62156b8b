using System.Buffers.Binary;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// PostgreSQL's binary COPY format, read and written as bytes (postgresql.org/docs/15/sql-copy.html, "Binary Format"): a
/// header, then per row a 16-bit field count and per field a 32-bit length (-1 for NULL) and the value in network byte
/// order, then -1 as the trailer. A full rebuild moves about a million rows of ~90 fields each way; a typed reader or
/// writer per field cost more than summing them.
/// </summary>
internal static class BinaryCopy
{
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    /// <summary>Days from PostgreSQL's date epoch (2000-01-01), as binary COPY sends a date.</summary>
    private static readonly int EpochDayNumber = new DateOnly(2000, 1, 1).DayNumber;

    public static DateOnly Date(int pgDay) => DateOnly.FromDayNumber(EpochDayNumber + pgDay);

    public static int PgDay(DateOnly date) => date.DayNumber - EpochDayNumber;

    /// <summary>One row's fields as spans into the read buffer (a NULL field is an empty span with its flag set).</summary>
    public readonly ref struct Row(ReadOnlySpan<byte> bytes, Span<(int Start, int Length)> fields)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private readonly Span<(int Start, int Length)> fields = fields;

        public bool IsNull(int field) => fields[field].Length < 0;

        public ReadOnlySpan<byte> Bytes(int field) => fields[field].Length < 0 ? default : bytes.Slice(fields[field].Start, fields[field].Length);

        public long Int64(int field) => BinaryPrimitives.ReadInt64BigEndian(Bytes(field));

        public int Int32(int field) => BinaryPrimitives.ReadInt32BigEndian(Bytes(field));

        public double Float64(int field) => BinaryPrimitives.ReadDoubleBigEndian(Bytes(field));
    }

    public delegate void RowHandler(in Row row);

    /// <summary>
    /// Runs <paramref name="copyTo"/> (a <c>COPY … TO STDOUT (FORMAT binary)</c> of <paramref name="fieldCount"/> columns)
    /// and hands each row to <paramref name="onRow"/> as it arrives.
    /// </summary>
    public static async Task ReadAsync(NpgsqlConnection conn, string copyTo, int fieldCount, RowHandler onRow, CancellationToken ct)
    {
        await using var stream = await conn.BeginRawBinaryCopyAsync(copyTo, ct);
        var buffer = new byte[1 << 20];
        var fields = new (int Start, int Length)[fieldCount];
        var (filled, headerDone) = (0, false);
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // a row longer than the buffer
            ct.ThrowIfCancellationRequested();
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var at = 0;
            if (!headerDone)
            {
                if (!TryHeader(buffer.AsSpan(0, filled), out at))
                {
                    if (read == 0) throw new InvalidDataException("binary COPY: the header is cut short");
                    continue;
                }
                headerDone = true;
            }
            while (TryRow(buffer.AsSpan(at, filled - at), fields, out var used, out var end))
            {
                if (end) return;
                onRow(new Row(buffer.AsSpan(at, used), fields));
                at += used;
            }
            if (read == 0) throw new InvalidDataException("binary COPY: the data ends inside a row, before the trailer");
            buffer.AsSpan(at, filled - at).CopyTo(buffer);
            filled -= at;
        }
    }

    private static bool TryHeader(ReadOnlySpan<byte> b, out int length)
    {
        length = 0;
        if (b.Length < Signature.Length + 8) return false;
        if (!b[..Signature.Length].SequenceEqual(Signature)) throw new InvalidDataException("binary COPY: not PGCOPY data");
        var extension = BinaryPrimitives.ReadInt32BigEndian(b[(Signature.Length + 4)..]);
        length = Signature.Length + 8 + extension;
        return b.Length >= length;
    }

    /// <summary>One whole row at the start of <paramref name="b"/> (fields relative to the row), or false if it has not all arrived.</summary>
    private static bool TryRow(ReadOnlySpan<byte> b, Span<(int Start, int Length)> fields, out int used, out bool end)
    {
        (used, end) = (0, false);
        if (b.Length < 2) return false;
        var count = BinaryPrimitives.ReadInt16BigEndian(b);
        if (count == -1)
        {
            end = true;
            return true;
        }
        if (count != fields.Length) throw new InvalidDataException($"binary COPY: a row of {count} fields, {fields.Length} expected");
        var at = 2;
        for (var f = 0; f < count; f++)
        {
            if (b.Length < at + 4) return false;
            var length = BinaryPrimitives.ReadInt32BigEndian(b[at..]);
            at += 4;
            fields[f] = (at, length);
            if (length > 0) at += length;
            if (b.Length < at) return false;
        }
        used = at;
        return true;
    }

    /// <summary>Rows for a <c>COPY … FROM STDIN (FORMAT binary)</c>, buffered and sent in blocks; <see cref="CompleteAsync"/> ends the COPY.</summary>
    public sealed class Writer : IAsyncDisposable
    {
        private readonly NpgsqlRawCopyStream stream;
        private readonly byte[] buffer = new byte[1 << 20];
        private int filled;
        private bool completed;

        private Writer(NpgsqlRawCopyStream stream) => this.stream = stream;

        public static async Task<Writer> StartAsync(NpgsqlConnection conn, string copyFrom, CancellationToken ct)
        {
            var writer = new Writer(await conn.BeginRawBinaryCopyAsync(copyFrom, ct));
            Signature.CopyTo(writer.buffer);
            writer.filled = Signature.Length + 8; // flags and header extension length: zero
            return writer;
        }

        /// <summary>Makes room for a row of at most <paramref name="bytes"/> bytes, sending what is buffered if needed.</summary>
        public async ValueTask ReserveAsync(int bytes, CancellationToken ct)
        {
            if (filled + bytes <= buffer.Length) return;
            ct.ThrowIfCancellationRequested();
            stream.Write(buffer, 0, filled);
            filled = 0;
        }

        public void FieldCount(short count) => Put16(count);

        public void Null() => Put32(-1);

        public void Int16(short v)
        {
            Put32(2);
            Put16(v);
        }

        public void Int32(int v)
        {
            Put32(4);
            Put32(v);
        }

        public void Int64(long v)
        {
            Put32(8);
            BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(filled), v);
            filled += 8;
        }

        public void Float64(double v)
        {
            Put32(8);
            BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan(filled), v);
            filled += 8;
        }

        public void Date(int pgDay) => Int32(pgDay);

        /// <summary>A text field from its UTF-8 bytes.</summary>
        public void Text(ReadOnlySpan<byte> utf8)
        {
            Put32(utf8.Length);
            utf8.CopyTo(buffer.AsSpan(filled));
            filled += utf8.Length;
        }

        private void Put16(short v)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(filled), v);
            filled += 2;
        }

        private void Put32(int v)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(filled), v);
            filled += 4;
        }

        /// <summary>Sends the trailer and the rest, and waits for PostgreSQL to have written every row.</summary>
        public async Task CompleteAsync(CancellationToken ct)
        {
            await ReserveAsync(2, ct);
            Put16(-1);
            await stream.WriteAsync(buffer.AsMemory(0, filled), ct);
            filled = 0;
            completed = true;
            await stream.DisposeAsync();
        }

        /// <summary>A COPY not completed (an error on the way) is cancelled, so PostgreSQL writes none of its rows.</summary>
        public async ValueTask DisposeAsync()
        {
            if (!completed)
            {
                try
                {
                    await stream.CancelAsync();
                }
                catch (Exception e) when (e is NpgsqlException or OperationCanceledException or IOException)
                {
                }
            }
            await stream.DisposeAsync();
        }
    }
}
