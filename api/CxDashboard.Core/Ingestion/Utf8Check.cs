using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CxDashboard.Core.Ingestion;

/// <summary>Finds invalid UTF-8, so that it is reported instead of silently becoming U+FFFD.</summary>
internal static class Utf8Check
{
    /// <summary>The byte index of the first invalid sequence in <paramref name="bytes"/>, or -1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(16, bytes.Length));
        try
        {
            Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>1-based character position of byte <paramref name="index"/> (the characters before it, decoded leniently, plus one).</summary>
    public static int CharColumn(ReadOnlySpan<byte> bytes, int index) => Encoding.UTF8.GetCharCount(bytes[..Math.Min(index, bytes.Length)]) + 1;

    /// <summary>The problem of an invalid byte at <paramref name="index"/> of <paramref name="bytes"/>.</summary>
    public static ImportError Error(string file, int line, int? column, string? field, ReadOnlySpan<byte> bytes, int index) =>
        new(file, line, column, field, ImportProblem.InvalidUtf8,
            $"invalid UTF-8 (byte 0x{bytes[index]:X2}): the file must be UTF-8, or name its encoding (CLI --encoding latin1, HTTP ?encoding=latin1)",
            ("byte", $"0x{bytes[index]:X2}"));
}
