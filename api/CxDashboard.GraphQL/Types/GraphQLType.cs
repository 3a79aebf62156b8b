namespace CxDashboard.GraphQL.Types;

/// <summary>The eight kinds of types of the type system (§4.2.1 __TypeKind).</summary>
public enum TypeKind { Scalar, Object, Interface, Union, Enum, InputObject, List, NonNull }

/// <summary>
/// Any type: a named type, or a list / non-null wrapper around one.
/// https://spec.graphql.org/October2021/#sec-Types
/// </summary>
public abstract class GraphQLType
{
    public abstract TypeKind Kind { get; }

    /// <summary>The type with every List and Non-Null wrapper removed.</summary>
    public NamedType NamedType => this switch
    {
        NamedType n => n,
        ListType l => l.OfType.NamedType,
        NonNullType nn => nn.OfType.NamedType,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>This type without an outer Non-Null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nn ? nn.OfType : this;

    public bool IsNonNull => this is NonNullType;

    /// <summary>Scalar, enum and input object types (and wrappers of them) may be used as input.</summary>
    public bool IsInputType => NamedType is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalar, object, interface, union and enum types (and wrappers) may be used as output.</summary>
    public bool IsOutputType => NamedType is ScalarType or ObjectType or InterfaceType or UnionType or EnumType;

    public bool IsLeafType => this is ScalarType or EnumType;
    public bool IsCompositeType => this is ObjectType or InterfaceType or UnionType;
    public bool IsAbstractType => this is InterfaceType or UnionType;

    /// <summary>The type as written in a document: <c>[Int!]!</c>.</summary>
    public abstract override string ToString();

    /// <summary>Structural equality of type references (same named type, same wrappers).</summary>
    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (ListType la, ListType lb) => AreEqual(la.OfType, lb.OfType),
        (NonNullType na, NonNullType nb) => AreEqual(na.OfType, nb.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y) || x.Name == y.Name,
        _ => false,
    };
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType(string name) : GraphQLType
{
    public string Name { get; } = name;
    public string? Description { get; set; }

    /// <summary>Free-form data for extensions (cost weights, CLR type, …); not part of the schema.</summary>
    public Dictionary<string, object?> Metadata { get; } = new();

    public override string ToString() => Name;
}

/// <summary>https://spec.graphql.org/October2021/#sec-List</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;
    public override TypeKind Kind => TypeKind.List;
    public override string ToString() => $"[{OfType}]";
}

/// <summary>https://spec.graphql.org/October2021/#sec-Non-Null</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
            throw new ArgumentException("Non-Null must wrap a nullable type.", nameof(ofType));
        OfType = ofType;
    }

    public GraphQLType OfType { get; }
    public override TypeKind Kind => TypeKind.NonNull;
    public override string ToString() => $"{OfType}!";
}
