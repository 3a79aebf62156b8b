using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>One value of an enum: its name in GraphQL and the CLR value resolvers see.</summary>
public sealed class EnumValueDefinition(string name, object? value)
{
    public string Name { get; } = name;
    public object? Value { get; } = value;
    public string? Description { get; set; }
    public string? DeprecationReason { get; set; }
    public bool IsDeprecated => DeprecationReason is not null;
}

/// <summary>https://spec.graphql.org/October2021/#sec-Enums</summary>
public sealed class EnumType(string name) : NamedType(name)
{
    private readonly List<EnumValueDefinition> _values = [];

    public override TypeKind Kind => TypeKind.Enum;
    public IReadOnlyList<EnumValueDefinition> Values => _values;

    public EnumValueDefinition AddValue(EnumValueDefinition value)
    {
        if (GetValue(value.Name) is not null)
            throw new InvalidOperationException($"Enum {Name} already has a value named \"{value.Name}\".");
        _values.Add(value);
        return value;
    }

    public EnumValueDefinition? GetValue(string valueName) => _values.Find(v => v.Name == valueName);

    /// <summary>Result coercion: the CLR value (or its name) to the enum value's name.</summary>
    public string Serialize(object value)
    {
        foreach (var v in _values)
            if (Equals(v.Value, value)) return v.Name;
        if (value is string s && GetValue(s) is not null) return s;
        throw new CoercionException($"Enum \"{Name}\" cannot represent value: {BuiltInScalars.Show(value)}");
    }

    /// <summary>Input coercion of a variable value (a string holding the name).</summary>
    /// <remarks>Messages and suggestions are graphql-js's (GraphQLEnumType.parseValue).</remarks>
    public object? ParseValue(object value)
    {
        if (value is not string s)
        {
            var shown = BuiltInScalars.Show(value);
            throw new CoercionException($"Enum \"{Name}\" cannot represent non-string value: {shown}." + Suggest(shown));
        }
        return GetValue(s) is { } v
            ? v.Value
            : throw new CoercionException($"Value \"{s}\" does not exist in \"{Name}\" enum." + Suggest(s));
    }

    private string Suggest(string input) =>
        Validation.ValidationErrors.DidYouMean("the enum value", Validation.Suggestions.For(input, _values.Select(v => v.Name)));

    /// <summary>Input coercion of a literal (an enum literal, never a string).</summary>
    public object? ParseLiteral(ValueNode literal) =>
        literal is EnumValueNode e && GetValue(e.Value) is { } v
            ? v.Value
            : throw new CoercionException($"Enum \"{Name}\" cannot represent non-enum value.");
}
