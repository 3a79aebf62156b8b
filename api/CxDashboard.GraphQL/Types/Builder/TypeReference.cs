using System.Reflection;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// A type named before the schema exists: SDL text such as <c>[OrgUnit!]!</c>, a CLR type to infer from,
/// or a ready <see cref="GraphQLType"/>. References are resolved by <see cref="SchemaBuilder.Build"/> so types
/// may refer to each other in any order.
/// </summary>
public abstract class TypeReference
{
    public static TypeReference Parse(string sdl) => new SdlTypeReference(sdl);
    public static TypeReference From(GraphQLType type) => new DirectTypeReference(type);

    internal static TypeReference FromClr(Type clrType, NullabilityInfo? nullability) => new ClrTypeReference(clrType, nullability);
}

internal sealed class SdlTypeReference(string text) : TypeReference
{
    public string Text { get; } = text;
    public override string ToString() => Text;
}

internal sealed class DirectTypeReference(GraphQLType type) : TypeReference
{
    public GraphQLType Type { get; } = type;
    public override string ToString() => Type.ToString();
}

internal sealed class ClrTypeReference(Type clrType, NullabilityInfo? nullability) : TypeReference
{
    public Type ClrType { get; } = clrType;
    public NullabilityInfo? Nullability { get; } = nullability;
    public override string ToString() => ClrType.Name;
}

/// <summary>
/// Reads a type reference written in SDL: "Type : NamedType | ListType | NonNullType".
/// https://spec.graphql.org/October2021/#sec-Type-References
/// Kept here (not in Language/) because it runs before any document exists and needs no tokens but names.
/// </summary>
internal static class TypeReferenceSyntax
{
    /// <summary>A parsed reference: a name, or a list / non-null wrapper.</summary>
    internal abstract record Syntax;
    internal sealed record Named(string Name) : Syntax;
    internal sealed record List(Syntax Of) : Syntax;
    internal sealed record NonNull(Syntax Of) : Syntax;

    public static Syntax Parse(string text)
    {
        var pos = 0;
        var result = ParseType(text, ref pos);
        SkipIgnored(text, ref pos);
        if (pos != text.Length) throw Error(text, $"unexpected \"{text[pos]}\" at position {pos + 1}");
        return result;
    }

    private static Syntax ParseType(string text, ref int pos)
    {
        SkipIgnored(text, ref pos);
        if (pos >= text.Length) throw Error(text, "expected a type name or \"[\"");
        Syntax inner;
        if (text[pos] == '[')
        {
            pos++;
            inner = new List(ParseType(text, ref pos));
            SkipIgnored(text, ref pos);
            if (pos >= text.Length || text[pos] != ']') throw Error(text, "expected \"]\"");
            pos++;
        }
        else
        {
            var start = pos;
            while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
            if (pos == start) throw Error(text, $"unexpected \"{text[pos]}\" at position {pos + 1}");
            inner = new Named(text[start..pos]);
        }
        SkipIgnored(text, ref pos);
        if (pos < text.Length && text[pos] == '!')
        {
            pos++;
            return new NonNull(inner);
        }
        return inner;
    }

    private static void SkipIgnored(string text, ref int pos)
    {
        while (pos < text.Length && (text[pos] is ' ' or '\t' or ',' or '\n' or '\r')) pos++;
    }

    private static FormatException Error(string text, string what) =>
        new($"Invalid type reference \"{text}\": {what}.");
}
