using System.Buffers;
using System.Text;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Reads a stream line by line as bytes, so that invalid UTF-8 can be found and reported (a StreamReader would
/// replace it with U+FFFD without a word). Latin-1 input is converted to UTF-8 here. Lines longer than
/// <c>maxLineBytes</c> are cut there (and flagged) rather than buffered whole.
/// </summary>
internal sealed class ByteLineReader(Stream stream, ImportEncoding encoding, int maxLineBytes) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int start, end;
    private bool eof, first = true;
    private byte[] line = new byte[1024];
    private byte[] converted = [];

    /// <summary>Whether the last line was longer than the limit (its tail was skipped).</summary>
    public bool Truncated { get; private set; }

    /// <summary>The next line without its line break (UTF-8 bytes; a leading BOM removed), or false at the end.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> result)
    {
        Truncated = false;
        var length = 0;
        while (true)
        {
            if (start == end)
            {
                if (eof || !Fill())
                {
                    if (length == 0)
                    {
                        result = default;
                        return false;
                    }
                    break;
                }
            }
            var span = buffer.AsSpan(start, end - start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl < 0 ? span : span[..nl];
            Append(take, ref length);
            start += take.Length;
            if (nl >= 0)
            {
                start++;
                break;
            }
        }
        var bytes = line.AsSpan(0, length);
        if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
        if (first)
        {
            first = false;
            if (encoding == ImportEncoding.Utf8 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        }
        if (encoding == ImportEncoding.Latin1)
        {
            // Every Latin-1 byte is the code point of the same value.
            var max = bytes.Length * 2;
            if (converted.Length < max) converted = new byte[max];
            var n = Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(bytes), converted);
            bytes = converted.AsSpan(0, n);
        }
        result = bytes;
        return true;
    }

    private void Append(ReadOnlySpan<byte> part, ref int length)
    {
        var room = maxLineBytes - length;
        if (part.Length > room)
        {
            Truncated = true;
            part = part[..Math.Max(0, room)];
        }
        if (length + part.Length > line.Length) Array.Resize(ref line, Math.Max(length + part.Length, line.Length * 2));
        part.CopyTo(line.AsSpan(length));
        length += part.Length;
    }

    private bool Fill()
    {
        start = 0;
        end = stream.Read(buffer, 0, buffer.Length);
        if (end == 0) eof = true;
        return end > 0;
    }

    public void Dispose()
    {
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        stream.Dispose();
    }
}
