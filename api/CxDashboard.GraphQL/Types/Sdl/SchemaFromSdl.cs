using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>Settings for <see cref="SchemaFromSdl.Build(string, SdlSchemaOptions?)"/>.</summary>
public sealed class SdlSchemaOptions
{
    /// <summary>The resolver of a field by (type name, field name); null leaves the default resolver.</summary>
    public Func<string, string, FieldResolver?>? Resolvers { get; init; }

    /// <summary>
    /// Coercion for custom scalars by name. A scalar named here keeps the SDL's description and @specifiedBy
    /// but coerces like the given one; custom scalars not named (and not Date/DateTime/Decimal) pass values
    /// through unchanged, as graphql-js's buildSchema does.
    /// </summary>
    public IReadOnlyDictionary<string, ScalarType>? Scalars { get; init; }

    /// <summary>Names the object type of a value of an interface or union; default: a "__typename" map entry.</summary>
    public Func<object, string?>? ResolveType { get; init; }
}

/// <summary>
/// Builds a schema from SDL text (graphql-js <c>buildSchema</c>): type definitions and extensions, directive
/// definitions and the schema definition, then the same validation as the code-first builder.
/// "Type system definitions … describe the type system of a service."
/// https://spec.graphql.org/October2021/#sec-Type-System
/// </summary>
public static class SchemaFromSdl
{
    public static Schema Build(string sdl, Func<string, string, FieldResolver?> resolvers) =>
        Build(sdl, new SdlSchemaOptions { Resolvers = resolvers });

    /// <summary>Parses and builds; throws GraphQLSyntaxException on bad syntax, SchemaException listing every other problem.</summary>
    public static Schema Build(string sdl, SdlSchemaOptions? options = null) =>
        new SdlAssembler(Parser.Parse(sdl), options ?? new SdlSchemaOptions()).Assemble();
}

internal sealed class SdlAssembler(DocumentNode document, SdlSchemaOptions options)
{
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<NamedType> _order = [];
    private readonly Dictionary<string, List<Node>> _parts = new(StringComparer.Ordinal);
    private readonly List<DirectiveDefinition> _directives = [.. BuiltInDirectives.All];

    public Schema Assemble()
    {
        foreach (var scalar in BuiltInScalars.All) _types[scalar.Name] = scalar;
        SchemaDefinitionNode? schemaNode = null;
        var schemaExtensions = new List<SchemaExtensionNode>();

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode t:
                    if (_parts.ContainsKey(t.Name.Value) || (_types.ContainsKey(t.Name.Value) && !IsBuiltInScalar(t)))
                    {
                        _problems.Add($"There can be only one type named \"{t.Name.Value}\".");
                        break;
                    }
                    _parts[t.Name.Value] = [t];
                    if (IsBuiltInScalar(t)) break;
                    var type = Create(t);
                    _types[type.Name] = type;
                    _order.Add(type);
                    break;
                case DirectiveDefinitionNode d:
                    if (_directives.Exists(x => x.Name == d.Name.Value && !BuiltInDirectives.All.Contains(x)))
                        _problems.Add($"There can be only one directive named \"@{d.Name.Value}\".");
                    else if (BuiltInDirectives.All.Any(x => x.Name == d.Name.Value))
                        _directives.RemoveAll(x => x.Name == d.Name.Value); // redefining a built-in replaces it
                    if (!_directives.Exists(x => x.Name == d.Name.Value)) _directives.Add(new DirectiveDefinition(d.Name.Value) { Description = d.Description?.Value, IsRepeatable = d.Repeatable });
                    break;
                case SchemaDefinitionNode s:
                    if (schemaNode is not null) _problems.Add("Must provide only one schema definition.");
                    schemaNode = s;
                    break;
                case SchemaExtensionNode se:
                    schemaExtensions.Add(se);
                    break;
                case TypeExtensionNode:
                    break; // merged below, once every type is known
                default:
                    _problems.Add($"The {definition.GetType().Name.Replace("Node", "")} is not a type system definition and is not allowed in SDL.");
                    break;
            }
        }
        foreach (var extension in document.Definitions.OfType<TypeExtensionNode>())
        {
            if (_parts.TryGetValue(extension.Name.Value, out var parts)) parts.Add(extension);
            else _problems.Add($"Cannot extend type \"{extension.Name.Value}\" because it is not defined.");
        }

        foreach (var d in document.Definitions.OfType<DirectiveDefinitionNode>()) FillDirective(d);
        foreach (var type in _order) Fill(type, _parts[type.Name]);
        NormalizeDefaults();

        var roots = RootNames(schemaNode, schemaExtensions);
        var query = Root("Query", roots.GetValueOrDefault(OperationType.Query));
        var mutation = Root("Mutation", roots.GetValueOrDefault(OperationType.Mutation));
        var subscription = Root("Subscription", roots.GetValueOrDefault(OperationType.Subscription));
        if (query is null && !roots.ContainsKey(OperationType.Query)) _problems.Add(SchemaErrors.QueryMissing());

        if (query is null || _problems.Count > 0)
        {
            _problems.AddRange(SchemaValidator.ValidateTypes(_types.Values, _directives));
            throw new SchemaException(_problems.Distinct().ToList());
        }
        // graphql-js's buildSchema order (introspection and printing show it): the document's directives, then
        // the built-in ones it did not redefine.
        var directives = _directives.Where(d => !BuiltInDirectives.All.Contains(d))
            .Concat(_directives.Where(d => BuiltInDirectives.All.Contains(d))).ToList();
        var schema = new Schema(query, mutation, subscription, _order, directives, schemaNode?.Description?.Value);
        var problems = SchemaValidator.Validate(schema);
        if (problems.Count > 0) throw new SchemaException(problems);
        return schema;
    }

    /// <summary>Defaults as graphql-js holds them (coerced values), so SDL and introspection print alike.</summary>
    private void NormalizeDefaults()
    {
        var values = _order.OfType<ComplexType>().SelectMany(t => t.Fields).SelectMany(f => f.Arguments)
            .Concat(_order.OfType<InputObjectType>().SelectMany(t => t.Fields))
            .Concat(_directives.Where(d => !BuiltInDirectives.All.Contains(d)).SelectMany(d => d.Arguments));
        foreach (var value in values)
            if (value.DefaultValue is { } literal) value.DefaultValue = LiteralFromValue.Normalize(literal, value.Type);
    }

    private static bool IsBuiltInScalar(TypeDefinitionNode t) =>
        t is ScalarTypeDefinitionNode && t.Name.Value is "Int" or "Float" or "String" or "Boolean" or "ID";

    private Dictionary<OperationType, string> RootNames(SchemaDefinitionNode? schema, List<SchemaExtensionNode> extensions)
    {
        var roots = new Dictionary<OperationType, string>();
        var operationTypes = (schema?.OperationTypes ?? []).Concat(extensions.SelectMany(e => e.OperationTypes)).ToList();
        if (schema is null && extensions.Count == 0)
        {
            // "the schema definition may be omitted" when root types use the default names.
            foreach (var (op, name) in new[] { (OperationType.Query, "Query"), (OperationType.Mutation, "Mutation"), (OperationType.Subscription, "Subscription") })
                if (_types.ContainsKey(name)) roots[op] = name;
            return roots;
        }
        foreach (var ot in operationTypes)
            if (!roots.TryAdd(ot.Operation, ot.Type.Name.Value))
                _problems.Add($"Type for {ot.Operation.ToString().ToLowerInvariant()} already defined in the schema. It cannot be redefined.");
        return roots;
    }

    private ObjectType? Root(string operation, string? name)
    {
        if (name is null) return null;
        if (!_types.TryGetValue(name, out var type))
        {
            _problems.Add(SchemaErrors.UnknownType(name, $"the {operation.ToLowerInvariant()} root operation"));
            return null;
        }
        if (type is ObjectType o) return o;
        _problems.Add(SchemaErrors.RootNotObject(operation, name));
        return null;
    }

    private NamedType Create(TypeDefinitionNode node)
    {
        NamedType type = node switch
        {
            ScalarTypeDefinitionNode s => Scalar(s),
            ObjectTypeDefinitionNode => new ObjectType(node.Name.Value),
            InterfaceTypeDefinitionNode => new InterfaceType(node.Name.Value) { ResolveType = ResolveType },
            UnionTypeDefinitionNode => new UnionType(node.Name.Value) { ResolveType = ResolveType },
            EnumTypeDefinitionNode => new EnumType(node.Name.Value),
            InputObjectTypeDefinitionNode => new InputObjectType(node.Name.Value),
            _ => throw new NotSupportedException(node.GetType().Name),
        };
        type.Description = node.Description?.Value;
        return type;
    }

    private ScalarType Scalar(ScalarTypeDefinitionNode node)
    {
        var name = node.Name.Value;
        var inner = options.Scalars?.GetValueOrDefault(name) ?? CustomScalars.All.FirstOrDefault(s => s.Name == name);
        return new SdlScalar(name, inner) { SpecifiedByUrl = null };
    }

    private ObjectType? ResolveType(object value, Execution.IResolveContext context)
    {
        var name = options.ResolveType?.Invoke(value)
                   ?? (value as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("__typename") as string
                   ?? ((value as IDictionary<string, object?>)?.TryGetValue("__typename", out var n) == true ? n as string : null);
        return name is null ? null : context.Schema.GetType(name) as ObjectType;
    }

    private void Fill(NamedType type, List<Node> parts)
    {
        foreach (var part in parts)
        {
            var directives = part switch
            {
                TypeSystemDefinitionNode d => d.Directives,
                TypeSystemExtensionNode e => e.Directives,
                _ => [],
            };
            switch (type)
            {
                case ScalarType scalar:
                    if (Argument(directives, "specifiedBy", "url") is StringValueNode url) scalar.SpecifiedByUrl = url.Value;
                    break;
                case ComplexType complex:
                    var (interfaces, fields) = part switch
                    {
                        ObjectTypeDefinitionNode o => (o.Interfaces, o.Fields),
                        ObjectTypeExtensionNode o => (o.Interfaces, o.Fields),
                        InterfaceTypeDefinitionNode i => (i.Interfaces, i.Fields),
                        InterfaceTypeExtensionNode i => (i.Interfaces, i.Fields),
                        _ => (Mismatch<IReadOnlyList<NamedTypeNode>>(type, part), null),
                    };
                    foreach (var i in interfaces ?? [])
                    {
                        if (!_types.TryGetValue(i.Name.Value, out var iface)) _problems.Add(SchemaErrors.UnknownType(i.Name.Value, $"the interfaces of {type.Name}"));
                        else if (iface is InterfaceType it) complex.Interfaces.Add(it);
                        else _problems.Add(SchemaErrors.NotInterface(type.Name, i.Name.Value));
                    }
                    foreach (var f in fields ?? []) AddField(complex, f);
                    break;
                case UnionType union:
                    var members = part switch
                    {
                        UnionTypeDefinitionNode u => u.Types,
                        UnionTypeExtensionNode u => u.Types,
                        _ => Mismatch<IReadOnlyList<NamedTypeNode>>(type, part),
                    };
                    foreach (var m in members ?? [])
                    {
                        if (!_types.TryGetValue(m.Name.Value, out var member)) _problems.Add(SchemaErrors.UnknownType(m.Name.Value, $"union {type.Name}"));
                        else if (member is ObjectType o) union.Types.Add(o);
                        else _problems.Add(SchemaErrors.UnionMemberNotObject(type.Name, m.Name.Value));
                    }
                    break;
                case EnumType enumType:
                    var values = part switch
                    {
                        EnumTypeDefinitionNode e => e.Values,
                        EnumTypeExtensionNode e => e.Values,
                        _ => Mismatch<IReadOnlyList<EnumValueDefinitionNode>>(type, part),
                    };
                    foreach (var v in values ?? [])
                    {
                        if (enumType.GetValue(v.Name.Value) is not null)
                        {
                            _problems.Add($"Enum value \"{type.Name}.{v.Name.Value}\" can only be defined once.");
                            continue;
                        }
                        // The value resolvers see is the name itself, as in graphql-js's buildSchema.
                        enumType.AddValue(new EnumValueDefinition(v.Name.Value, v.Name.Value)
                        {
                            Description = v.Description?.Value,
                            DeprecationReason = Deprecation(v.Directives),
                        });
                    }
                    break;
                case InputObjectType input:
                    var inputFields = part switch
                    {
                        InputObjectTypeDefinitionNode io => io.Fields,
                        InputObjectTypeExtensionNode io => io.Fields,
                        _ => Mismatch<IReadOnlyList<InputValueDefinitionNode>>(type, part),
                    };
                    foreach (var f in inputFields ?? [])
                    {
                        if (input.GetField(f.Name.Value) is not null)
                        {
                            _problems.Add($"Field \"{type.Name}.{f.Name.Value}\" can only be defined once.");
                            continue;
                        }
                        if (InputValue(f, $"input field {type.Name}.{f.Name.Value}") is { } value) input.AddField(value);
                    }
                    break;
            }
        }
    }

    private T? Mismatch<T>(NamedType type, Node part) where T : class
    {
        _problems.Add($"Cannot extend non-{type.Kind.ToString().ToLowerInvariant()} type \"{type.Name}\" with {part.GetType().Name.Replace("Node", "")}.");
        return null;
    }

    private void AddField(ComplexType owner, FieldDefinitionNode node)
    {
        if (owner.GetField(node.Name.Value) is not null)
        {
            _problems.Add($"Field \"{owner.Name}.{node.Name.Value}\" can only be defined once.");
            return;
        }
        if (TypeOf(node.Type, $"field {owner.Name}.{node.Name.Value}") is not { } type) return;
        var field = new FieldDefinition(node.Name.Value, type)
        {
            Description = node.Description?.Value,
            DeprecationReason = Deprecation(node.Directives),
            Resolver = owner is ObjectType ? options.Resolvers?.Invoke(owner.Name, node.Name.Value) : null,
        };
        foreach (var arg in node.Arguments)
            if (InputValue(arg, $"argument {owner.Name}.{node.Name.Value}({arg.Name.Value}:)") is { } value)
                field.Arguments.Add(value);
        owner.AddField(field);
    }

    private void FillDirective(DirectiveDefinitionNode node)
    {
        var directive = _directives.Find(d => d.Name == node.Name.Value);
        if (directive is null || directive.Locations.Count > 0 || BuiltInDirectives.All.Contains(directive)) return;
        foreach (var location in node.Locations)
        {
            var known = IntrospectionLocations.FirstOrDefault(l => l.Name == location.Value);
            if (known.Name is null) _problems.Add($"Unknown directive location \"{location.Value}\" of @{node.Name.Value}.");
            else directive.Locations.Add(known.Value);
        }
        foreach (var arg in node.Arguments)
            if (InputValue(arg, $"argument @{node.Name.Value}({arg.Name.Value}:)") is { } value)
                directive.Arguments.Add(value);
    }

    private static readonly (string Name, DirectiveLocation Value)[] IntrospectionLocations =
        Enum.GetValues<DirectiveLocation>().Select(l => (Introspection.IntrospectionTypes.LocationName(l), l)).ToArray();

    private InputValueDefinition? InputValue(InputValueDefinitionNode node, string where)
    {
        if (TypeOf(node.Type, where) is not { } type) return null;
        return new InputValueDefinition(node.Name.Value, type)
        {
            Description = node.Description?.Value,
            DefaultValue = node.DefaultValue,
            DeprecationReason = Deprecation(node.Directives),
        };
    }

    private GraphQLType? TypeOf(TypeNode node, string where) => node switch
    {
        NamedTypeNode n => _types.TryGetValue(n.Name.Value, out var t) ? t : Unknown(n.Name.Value, where),
        ListTypeNode l => TypeOf(l.Type, where) is { } of ? new ListType(of) : null,
        NonNullTypeNode nn => TypeOf(nn.Type, where) is { } of ? new NonNullType(of) : null,
        _ => null,
    };

    private GraphQLType? Unknown(string name, string where)
    {
        _problems.Add(SchemaErrors.UnknownType(name, where));
        return null;
    }

    /// <summary>"@deprecated(reason: String = "No longer supported")" — the reason, or null when not deprecated.</summary>
    private static string? Deprecation(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null) return null;
        return Argument(directives, "deprecated", "reason") is StringValueNode s ? s.Value : BuiltInDirectives.DefaultDeprecationReason;
    }

    private static ValueNode? Argument(IReadOnlyList<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value;
}

/// <summary>
/// A custom scalar declared in SDL: coerces like the scalar it wraps (when the caller or CustomScalars has one
/// of that name), else passes values through as graphql-js's buildSchema does.
/// </summary>
internal sealed class SdlScalar(string name, ScalarType? inner) : ScalarType(name)
{
    public override object? Serialize(object value) => inner is null ? value : inner.Serialize(value);
    public override object? ParseValue(object value) => inner is null ? value : inner.ParseValue(value);
    public override object? ParseLiteral(ValueNode literal) => inner is null ? ValueFromLiteral(literal) : inner.ParseLiteral(literal);

    /// <summary>graphql-js valueFromASTUntyped: the literal as plain data.</summary>
    private static object? ValueFromLiteral(ValueNode literal) => literal switch
    {
        IntValueNode i => long.TryParse(i.Value, out var l) ? l : double.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        NullValueNode => null,
        ListValueNode l => l.Values.Select(ValueFromLiteral).ToList(),
        ObjectValueNode o => o.Fields.ToDictionary(f => f.Name.Value, f => ValueFromLiteral(f.Value)),
        _ => throw new CoercionException($"Unexpected literal {literal.GetType().Name}."),
    };
}
