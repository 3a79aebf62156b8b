using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>
/// Builds a schema from SDL the way graphql-js's buildSchema does (types in document order, enum values
/// are their names, @deprecated and @specifiedBy read, custom scalars supplied by the caller). Stands in
/// for the engine's own SDL reader until it has one; resolvers are attached afterwards.
/// </summary>
public static class SdlSchemaReader
{
    public static Schema Build(string sdl, IEnumerable<ScalarType> customScalars)
    {
        var document = Parser.Parse(sdl);
        var scalars = customScalars.ToDictionary(s => s.Name);
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var s in BuiltInScalars.All) types[s.Name] = s;
        var defined = new List<NamedType>();

        foreach (var def in document.Definitions.OfType<TypeDefinitionNode>())
        {
            NamedType type = def switch
            {
                ScalarTypeDefinitionNode s => scalars.GetValueOrDefault(s.Name.Value)
                    ?? throw new InvalidOperationException($"no implementation given for scalar {s.Name.Value}"),
                ObjectTypeDefinitionNode o => new ObjectType(o.Name.Value),
                InterfaceTypeDefinitionNode i => new InterfaceType(i.Name.Value),
                UnionTypeDefinitionNode u => new UnionType(u.Name.Value),
                EnumTypeDefinitionNode e => new EnumType(e.Name.Value),
                InputObjectTypeDefinitionNode io => new InputObjectType(io.Name.Value),
                _ => throw new InvalidOperationException($"unsupported definition {def.GetType().Name}"),
            };
            type.Description = def.Description?.Value;
            if (type is ScalarType scalar && Argument(def.Directives, "specifiedBy", "url") is StringValueNode url)
                scalar.SpecifiedByUrl = url.Value;
            types[type.Name] = type;
            defined.Add(type);
        }

        GraphQLType Ref(TypeNode node) => node switch
        {
            NamedTypeNode n => types.GetValueOrDefault(n.Name.Value) ?? throw new InvalidOperationException($"unknown type {n.Name.Value}"),
            ListTypeNode l => new ListType(Ref(l.Type)),
            NonNullTypeNode nn => new NonNullType(Ref(nn.Type)),
            _ => throw new InvalidOperationException(),
        };
        var pendingDefaults = new List<(InputValueDefinition Def, ValueNode Literal)>();
        InputValueDefinition Input(InputValueDefinitionNode n)
        {
            var def = new InputValueDefinition(n.Name.Value, Ref(n.Type))
            {
                Description = n.Description?.Value,
                DeprecationReason = Deprecation(n.Directives),
                DefaultValue = n.DefaultValue,
            };
            if (n.DefaultValue is { } literal) pendingDefaults.Add((def, literal));
            return def;
        }
        void AddFields(ComplexType t, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields)
        {
            foreach (var i in interfaces) t.Interfaces.Add((InterfaceType)types[i.Name.Value]);
            foreach (var f in fields)
            {
                var field = t.AddField(new FieldDefinition(f.Name.Value, Ref(f.Type))
                {
                    Description = f.Description?.Value,
                    DeprecationReason = Deprecation(f.Directives),
                });
                field.Arguments.AddRange(f.Arguments.Select(Input));
            }
        }

        foreach (var def in document.Definitions.OfType<TypeDefinitionNode>())
        {
            switch (def)
            {
                case ObjectTypeDefinitionNode o: AddFields((ObjectType)types[o.Name.Value], o.Interfaces, o.Fields); break;
                case InterfaceTypeDefinitionNode i: AddFields((InterfaceType)types[i.Name.Value], i.Interfaces, i.Fields); break;
                case UnionTypeDefinitionNode u:
                    ((UnionType)types[u.Name.Value]).Types.AddRange(u.Types.Select(m => (ObjectType)types[m.Name.Value]));
                    break;
                case EnumTypeDefinitionNode e:
                    foreach (var v in e.Values)
                        ((EnumType)types[e.Name.Value]).AddValue(new EnumValueDefinition(v.Name.Value, v.Name.Value)
                        {
                            Description = v.Description?.Value,
                            DeprecationReason = Deprecation(v.Directives),
                        });
                    break;
                case InputObjectTypeDefinitionNode io:
                    foreach (var f in io.Fields) ((InputObjectType)types[io.Name.Value]).AddField(Input(f));
                    break;
            }
        }

        var directives = new List<DirectiveDefinition>();
        // After every input type has its fields: defaults as graphql-js keeps them (see NormalizeDefault).
        void ApplyDefaults()
        {
            foreach (var (def, literal) in pendingDefaults) def.DefaultValue = NormalizeDefault(literal, def.Type);
            pendingDefaults.Clear();
        }
        foreach (var d in document.Definitions.OfType<DirectiveDefinitionNode>())
        {
            var directive = new DirectiveDefinition(d.Name.Value, d.Locations.Select(l => Location(l.Value)).ToArray())
            {
                Description = d.Description?.Value,
                IsRepeatable = d.Repeatable,
            };
            directive.Arguments.AddRange(d.Arguments.Select(Input));
            directives.Add(directive);
        }
        ApplyDefaults();
        directives.AddRange(BuiltInDirectives.All.Where(b => directives.TrueForAll(d => d.Name != b.Name)));

        var roots = document.Definitions.OfType<SchemaDefinitionNode>().SingleOrDefault()?.OperationTypes
            .ToDictionary(o => o.Operation, o => (ObjectType)types[o.Type.Name.Value]);
        ObjectType? Root(OperationType op, string defaultName) =>
            roots is not null ? roots.GetValueOrDefault(op) : types.GetValueOrDefault(defaultName) as ObjectType;

        var schema = new Schema(
            Root(OperationType.Query, "Query") ?? throw new InvalidOperationException("no query type"),
            Root(OperationType.Mutation, "Mutation"), Root(OperationType.Subscription, "Subscription"),
            defined, directives);
        var problems = SchemaValidator.Validate(schema);
        return problems.Count > 0 ? throw new SchemaException(problems) : schema;
    }

    /// <summary>
    /// graphql-js's buildSchema keeps a default as the coerced value and prints it back (introspection's
    /// defaultValue, printSchema) with astFromValue: input object fields in definition order with their
    /// own defaults filled in, a single value given for a list wrapped in a list. The same literal here.
    /// </summary>
    private static ValueNode NormalizeDefault(ValueNode literal, GraphQLType type)
    {
        if (literal is NullValueNode or VariableNode) return literal;
        switch (type)
        {
            case NonNullType nn:
                return NormalizeDefault(literal, nn.OfType);
            case ListType list:
                return new ListValueNode
                {
                    Values = literal is ListValueNode l
                        ? l.Values.Select(v => NormalizeDefault(v, list.OfType)).ToList()
                        : [NormalizeDefault(literal, list.OfType)],
                };
            case InputObjectType input when literal is ObjectValueNode o:
                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    var given = o.Fields.FirstOrDefault(f => f.Name.Value == field.Name)?.Value ?? field.DefaultValue;
                    if (given is not null)
                        fields.Add(new ObjectFieldNode { Name = new NameNode { Value = field.Name }, Value = NormalizeDefault(given, field.Type) });
                }
                return new ObjectValueNode { Fields = fields };
            default:
                return literal;
        }
    }

    private static ValueNode? Argument(IReadOnlyList<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value;

    private static string? Deprecation(IReadOnlyList<DirectiveNode> directives) =>
        directives.Any(d => d.Name.Value == "deprecated")
            ? (Argument(directives, "deprecated", "reason") as StringValueNode)?.Value ?? BuiltInDirectives.DefaultDeprecationReason
            : null;

    /// <summary>FIELD_DEFINITION → FieldDefinition.</summary>
    private static DirectiveLocation Location(string name) =>
        Enum.Parse<DirectiveLocation>(string.Concat(name.Split('_').Select(p => p[..1] + p[1..].ToLowerInvariant())));
}
