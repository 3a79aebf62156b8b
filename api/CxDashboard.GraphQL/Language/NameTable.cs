using System.Collections.Concurrent;

namespace CxDashboard.GraphQL.Language;

/// <summary>
/// One string instance per GraphQL name (<c>id</c>, <c>name</c>, <c>friends</c>, …) across every parse: the lexer
/// looks names up by their characters instead of allocating a substring each time, and later stages compare
/// names that are often the same instance. Bounded (clients choose names), beyond that names are allocated as usual.
/// </summary>
internal static class NameTable
{
    private const int MaxNames = 8192;
    private const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _count;

    public static string Get(ReadOnlySpan<char> name)
    {
        if (BySpan.TryGetValue(name, out var known)) return known;
        var created = name.ToString();
        if (name.Length <= MaxLength && Volatile.Read(ref _count) < MaxNames && Names.TryAdd(created, created))
            Interlocked.Increment(ref _count);
        return created;
    }
}
