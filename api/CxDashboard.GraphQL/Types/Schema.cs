using CxDashboard.GraphQL.Introspection;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// A schema: root operation types, every named type reachable from them (plus extra types), and directives.
/// "A GraphQL service's collective type system capabilities are referred to as that service's schema."
/// https://spec.graphql.org/October2021/#sec-Schema
/// Construct through <see cref="SchemaBuilder"/> (code-first) which also validates it.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ObjectType>> _implementations = new(StringComparer.Ordinal);
    private readonly HashSet<NamedType> _pending;

    public Schema(ObjectType query, ObjectType? mutation = null, ObjectType? subscription = null,
        IEnumerable<NamedType>? extraTypes = null, IEnumerable<DirectiveDefinition>? directives = null,
        string? description = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Description = description;

        foreach (var d in directives ?? BuiltInDirectives.All) _directives.TryAdd(d.Name, d);
        foreach (var d in BuiltInDirectives.All) _directives.TryAdd(d.Name, d);

        // Type map order is graphql-js's (printers and introspection list types in it): the extra types in
        // the order given, each followed by what it references (skipping extra types not reached yet), then
        // the root types, directive argument types, and the introspection types.
        var extras = (extraTypes ?? []).ToList();
        _pending = new HashSet<NamedType>(extras, ReferenceEqualityComparer.Instance);
        foreach (var t in extras)
        {
            _pending.Remove(t);
            Collect(t);
        }
        Collect(query);
        if (mutation is not null) Collect(mutation);
        if (subscription is not null) Collect(subscription);
        foreach (var d in _directives.Values)
            foreach (var a in d.Arguments) Collect(a.Type.NamedType);
        foreach (var t in IntrospectionTypes.All) Collect(t);

        foreach (var t in _types.Values.OfType<ObjectType>())
            foreach (var i in t.Interfaces) AddImplementation(i.Name, t);
    }

    public string? Description { get; }
    public ObjectType QueryType { get; }
    public ObjectType? MutationType { get; }
    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type, built-in scalars and introspection types included.</summary>
    public IReadOnlyDictionary<string, NamedType> Types => _types;

    public IReadOnlyCollection<DirectiveDefinition> Directives => _directives.Values;

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(Language.OperationType operation) => operation switch
    {
        Language.OperationType.Query => QueryType,
        Language.OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>
    /// The field named <paramref name="fieldName"/> on <paramref name="parentType"/>, including the
    /// meta-fields __typename (any composite type) and __schema / __type (query root only).
    /// https://spec.graphql.org/October2021/#sec-Type-Name-Introspection
    /// </summary>
    public FieldDefinition? GetFieldDefinition(NamedType parentType, string fieldName)
    {
        if (fieldName == "__typename" && parentType.IsCompositeType) return IntrospectionFields.TypeName;
        if (ReferenceEquals(parentType, QueryType))
        {
            if (fieldName == "__schema") return IntrospectionFields.Schema;
            if (fieldName == "__type") return IntrospectionFields.Type;
        }
        return parentType is ComplexType c ? c.GetField(fieldName) : null;
    }

    /// <summary>The object types an abstract type may resolve to (union members, or interface implementations).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType u => u.Types,
        InterfaceType i => _implementations.GetValueOrDefault(i.Name) ?? [],
        ObjectType o => [o],
        _ => [],
    };

    /// <summary>Interfaces (and object types) that implement <paramref name="iface"/>, for interface-implements-interface.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType iface) =>
        _types.Values.OfType<InterfaceType>().Where(t => t.Implements(iface)).ToList();

    public bool IsPossibleType(NamedType abstractType, ObjectType candidate) =>
        GetPossibleTypes(abstractType).Any(t => t.Name == candidate.Name);

    /// <summary>True when <paramref name="maybeSubType"/> is a member/implementation of <paramref name="superType"/>.</summary>
    public bool IsSubType(NamedType superType, NamedType maybeSubType) => maybeSubType switch
    {
        ObjectType o => IsPossibleType(superType, o),
        InterfaceType i when superType is InterfaceType s => i.Implements(s),
        _ => false,
    };

    private void AddImplementation(string ifaceName, ObjectType t)
    {
        if (!_implementations.TryGetValue(ifaceName, out var list)) _implementations[ifaceName] = list = [];
        if (!list.Contains(t)) list.Add(t);
    }

    private void Collect(NamedType type)
    {
        if (_pending.Contains(type)) return;
        if (_types.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type))
                throw new SchemaException([$"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\"."]);
            return;
        }
        _types[type.Name] = type;
        switch (type)
        {
            case ComplexType c:
                foreach (var i in c.Interfaces) Collect(i);
                foreach (var f in c.Fields)
                {
                    Collect(f.Type.NamedType);
                    foreach (var a in f.Arguments) Collect(a.Type.NamedType);
                }
                break;
            case UnionType u:
                foreach (var m in u.Types) Collect(m);
                break;
            case InputObjectType io:
                foreach (var f in io.Fields) Collect(f.Type.NamedType);
                break;
        }
    }
}

/// <summary>A schema that breaks the type system's rules; every problem is listed.</summary>
public sealed class SchemaException(IReadOnlyList<string> problems)
    : Exception("Invalid schema:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
