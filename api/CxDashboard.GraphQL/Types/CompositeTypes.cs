using CxDashboard.GraphQL.Execution;

namespace CxDashboard.GraphQL.Types;

/// <summary>Object and interface types: named types with fields.</summary>
public abstract class ComplexType(string name) : NamedType(name)
{
    private readonly List<FieldDefinition> _fields = [];
    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.Ordinal);

    /// <summary>Fields in definition order.</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    public List<InterfaceType> Interfaces { get; } = [];

    public FieldDefinition AddField(FieldDefinition field)
    {
        if (!_byName.TryAdd(field.Name, field))
            throw new InvalidOperationException($"Type {Name} already has a field named \"{field.Name}\".");
        _fields.Add(field);
        return field;
    }

    public FieldDefinition? GetField(string fieldName) => _byName.GetValueOrDefault(fieldName);

    public bool Implements(InterfaceType iface) => Interfaces.Exists(i => i.Name == iface.Name);
}

/// <summary>https://spec.graphql.org/October2021/#sec-Objects</summary>
public sealed class ObjectType(string name) : ComplexType(name)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>Used to resolve an abstract type when the interface/union gives no ResolveType.</summary>
    public Func<object, bool>? IsTypeOf { get; set; }
}

/// <summary>Picks the concrete object type of a value of an abstract type.</summary>
public delegate ObjectType? TypeResolver(object value, IResolveContext context);

/// <summary>https://spec.graphql.org/October2021/#sec-Interfaces</summary>
public sealed class InterfaceType(string name) : ComplexType(name)
{
    public override TypeKind Kind => TypeKind.Interface;
    public TypeResolver? ResolveType { get; set; }
}

/// <summary>https://spec.graphql.org/October2021/#sec-Unions</summary>
public sealed class UnionType(string name) : NamedType(name)
{
    public override TypeKind Kind => TypeKind.Union;
    public List<ObjectType> Types { get; } = [];
    public TypeResolver? ResolveType { get; set; }
}

/// <summary>https://spec.graphql.org/October2021/#sec-Input-Objects</summary>
public sealed class InputObjectType(string name) : NamedType(name)
{
    private readonly List<InputValueDefinition> _fields = [];

    public override TypeKind Kind => TypeKind.InputObject;
    public IReadOnlyList<InputValueDefinition> Fields => _fields;

    /// <summary>Turns the coerced field map into a CLR value; null keeps the map (an IReadOnlyDictionary).</summary>
    public Func<IReadOnlyDictionary<string, object?>, object?>? Create { get; set; }

    public InputValueDefinition AddField(InputValueDefinition field)
    {
        if (GetField(field.Name) is not null)
            throw new InvalidOperationException($"Input type {Name} already has a field named \"{field.Name}\".");
        _fields.Add(field);
        return field;
    }

    public InputValueDefinition? GetField(string fieldName) => _fields.Find(f => f.Name == fieldName);
}
