using System.Reflection;

namespace CxDashboard.GraphQL.Types;

// What a Configure method recorded, before any type exists. SchemaBuilder.Build() reads these.

internal enum ConfigKind { Object, Interface, Union, InputObject, Enum }

internal sealed class TypeConfig(ConfigKind kind, string name, Type? clrType)
{
    public ConfigKind Kind { get; } = kind;
    public string Name { get; set; } = name;
    public Type? ClrType { get; } = clrType;
    public string? Description { get; set; }
    public List<string> Interfaces { get; } = [];
    public List<FieldConfig> Fields { get; } = [];
    public List<InputValueConfig> InputFields { get; } = [];
    public List<string> UnionMembers { get; } = [];
    public List<EnumValueConfig> EnumValues { get; } = [];
    public Func<object, bool>? IsTypeOf { get; set; }
    public Func<object, string?>? ResolveTypeName { get; set; }
    public Func<IReadOnlyDictionary<string, object?>, object?>? Create { get; set; }
    public Dictionary<string, object?> Metadata { get; } = new();

    /// <summary>Mistakes found while configuring (bad member expressions, unparsable references).</summary>
    public List<string> Problems { get; } = [];

    public FieldConfig GetOrAddField(string fieldName, MemberInfo? member)
    {
        var existing = Fields.Find(f => f.Name == fieldName || (member is not null && f.Member == member));
        if (existing is not null) return existing;
        var field = new FieldConfig(fieldName) { Member = member };
        Fields.Add(field);
        return field;
    }

    public InputValueConfig GetOrAddInputField(string fieldName, MemberInfo? member)
    {
        var existing = InputFields.Find(f => f.Name == fieldName || (member is not null && f.Member == member));
        if (existing is not null) return existing;
        var field = new InputValueConfig(fieldName) { Member = member };
        InputFields.Add(field);
        return field;
    }
}

internal sealed class FieldConfig(string name)
{
    public string Name { get; set; } = name;
    public TypeReference? Type { get; set; }
    public string? Description { get; set; }
    public string? DeprecationReason { get; set; }
    public FieldResolver? Resolver { get; set; }
    public Func<object?, object?>? ParentResolver { get; set; }
    public MemberInfo? Member { get; init; }
    public List<InputValueConfig> Arguments { get; } = [];
    public Dictionary<string, object?> Metadata { get; } = new();
}

/// <summary>An argument or an input field.</summary>
internal sealed class InputValueConfig(string name)
{
    public string Name { get; set; } = name;
    public TypeReference? Type { get; set; }
    public string? Description { get; set; }
    public string? DeprecationReason { get; set; }
    public bool HasDefault { get; set; }
    public object? Default { get; set; }
    public MemberInfo? Member { get; init; }
}

internal sealed class EnumValueConfig(string name, object value)
{
    public string Name { get; set; } = name;
    public object Value { get; } = value;
    public string? Description { get; set; }
    public string? DeprecationReason { get; set; }
    public bool Ignored { get; set; }
}
