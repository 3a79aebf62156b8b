namespace CxDashboard.GraphQL.Language;

/// <summary>
/// One string instance per GraphQL name (<c>id</c>, <c>name</c>, <c>friends</c>, …) across parses: the lexer
/// looks a name up by its characters instead of allocating a substring each time, and later stages compare
/// names that are mostly the same instance. A direct-mapped cache: a fixed array of slots indexed by a hash
/// of the characters, read without locks; a colliding name replaces the slot's (a reference write is atomic),
/// so memory stays bounded whatever names clients send.
/// </summary>
internal static class NameTable
{
    private const int MaxLength = 64;
    private static readonly string?[] Slots = new string?[4096];

    public static string Get(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxLength) return name.ToString();
        uint hash = 2166136261;
        foreach (var c in name) hash = (hash ^ c) * 16777619;
        var slot = (int)(hash & (uint)(Slots.Length - 1));
        var known = Volatile.Read(ref Slots[slot]);
        if (known is not null && name.SequenceEqual(known)) return known;
        var created = name.ToString();
        Volatile.Write(ref Slots[slot], created);
        return created;
    }
}
