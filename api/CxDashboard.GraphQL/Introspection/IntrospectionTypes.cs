using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Introspection;

/// <summary>
/// The introspection system: __Schema, __Type, __Field, __InputValue, __EnumValue, __Directive,
/// __TypeKind, __DirectiveLocation and the __schema / __type meta-fields.
/// "The schema introspection system is accessible from the meta-fields __schema and __type which are
/// accessible from the type of the root of a query operation."
/// https://spec.graphql.org/October2021/#sec-Schema-Introspection
/// The resolvers read the Types/* objects directly: a __Type's value is a <see cref="GraphQLType"/>, a
/// __Field's a <see cref="FieldDefinition"/>, and so on. Descriptions are graphql-js's words.
/// </summary>
public static class IntrospectionTypes
{
    public static readonly ObjectType SchemaType = new("__Schema")
    {
        Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    };

    public static readonly ObjectType TypeType = new("__Type")
    {
        Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    };

    public static readonly EnumType TypeKindEnum = CreateTypeKind();

    public static readonly ObjectType FieldType = new("__Field")
    {
        Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    };

    public static readonly ObjectType InputValueType = new("__InputValue")
    {
        Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    };

    public static readonly ObjectType EnumValueType = new("__EnumValue")
    {
        Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    };

    public static readonly ObjectType DirectiveType = new("__Directive")
    {
        Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    };

    public static readonly EnumType DirectiveLocationEnum = CreateDirectiveLocation();

    /// <summary>"__schema: __Schema!" on the query root.</summary>
    public static FieldDefinition SchemaField { get; } = new("__schema", new NonNullType(SchemaType))
    {
        Description = "Access the current type schema of this server.",
        Resolver = ctx => new ValueTask<object?>(ctx.Schema),
    };

    /// <summary>"__type(name: String!): __Type" on the query root.</summary>
    public static FieldDefinition TypeField { get; } = new("__type", TypeType)
    {
        Description = "Request the type information of a single type.",
        Arguments = { new InputValueDefinition("name", new NonNullType(BuiltInScalars.String)) },
        Resolver = ctx => new ValueTask<object?>(ctx.Arguments.GetValueOrDefault("name") is string n ? ctx.Schema.GetType(n) : null),
    };

    /// <summary>Every introspection type; __Schema first, so a schema's type map lists them in graphql-js order.</summary>
    public static IReadOnlyList<NamedType> All { get; } = [SchemaType, TypeType, TypeKindEnum, FieldType, InputValueType, EnumValueType, DirectiveType, DirectiveLocationEnum];

    public static bool IsIntrospectionType(NamedType type) => All.Contains(type);

    static IntrospectionTypes()
    {
        var str = BuiltInScalars.String;
        var nonNullString = new NonNullType(str);
        var nonNullBool = new NonNullType(BuiltInScalars.Boolean);
        var typeRef = new NonNullType(TypeType);
        var typeList = new ListType(typeRef);

        // __Schema — https://spec.graphql.org/October2021/#sec-The-__Schema-Type
        Add(SchemaType, "description", str, (Schema s, IResolveContext _) => s.Description);
        Add(SchemaType, "types", new NonNullType(typeList), (Schema s, IResolveContext _) => s.Types.Values.ToList(),
            "A list of all types supported by this server.");
        Add(SchemaType, "queryType", typeRef, (Schema s, IResolveContext _) => s.QueryType,
            "The type that query operations will be rooted at.");
        Add(SchemaType, "mutationType", TypeType, (Schema s, IResolveContext _) => s.MutationType,
            "If this server supports mutation, the type that mutation operations will be rooted at.");
        Add(SchemaType, "subscriptionType", TypeType, (Schema s, IResolveContext _) => s.SubscriptionType,
            "If this server support subscription, the type that subscription operations will be rooted at.");
        Add(SchemaType, "directives", new NonNullType(new ListType(new NonNullType(DirectiveType))),
            (Schema s, IResolveContext _) => s.Directives.ToList(), "A list of all directives supported by this server.");

        // __Type — https://spec.graphql.org/October2021/#sec-The-__Type-Type
        Add(TypeType, "kind", new NonNullType(TypeKindEnum), (GraphQLType t, IResolveContext _) => t.Kind);
        Add(TypeType, "name", str, (GraphQLType t, IResolveContext _) => (t as NamedType)?.Name);
        Add(TypeType, "description", str, (GraphQLType t, IResolveContext _) => (t as NamedType)?.Description);
        Add(TypeType, "specifiedByURL", str, (GraphQLType t, IResolveContext _) => (t as ScalarType)?.SpecifiedByUrl);
        WithIncludeDeprecated(Add(TypeType, "fields", new ListType(new NonNullType(FieldType)), (GraphQLType t, IResolveContext ctx) =>
            t is ComplexType c ? c.Fields.Where(f => IncludeDeprecated(ctx) || !f.IsDeprecated).ToList() : null));
        Add(TypeType, "interfaces", typeList, (GraphQLType t, IResolveContext _) => t is ComplexType c ? c.Interfaces.ToList() : null);
        Add(TypeType, "possibleTypes", typeList, (GraphQLType t, IResolveContext ctx) =>
            t is UnionType or InterfaceType ? ctx.Schema.GetPossibleTypes((NamedType)t).ToList() : null);
        WithIncludeDeprecated(Add(TypeType, "enumValues", new ListType(new NonNullType(EnumValueType)), (GraphQLType t, IResolveContext ctx) =>
            t is EnumType e ? e.Values.Where(v => IncludeDeprecated(ctx) || !v.IsDeprecated).ToList() : null));
        WithIncludeDeprecated(Add(TypeType, "inputFields", new ListType(new NonNullType(InputValueType)), (GraphQLType t, IResolveContext ctx) =>
            t is InputObjectType io ? io.Fields.Where(f => IncludeDeprecated(ctx) || !f.IsDeprecated).ToList() : null));
        Add(TypeType, "ofType", TypeType, (GraphQLType t, IResolveContext _) => t switch
        {
            ListType l => l.OfType,
            NonNullType nn => nn.OfType,
            _ => null,
        });

        // __Field — https://spec.graphql.org/October2021/#sec-The-__Field-Type
        Add(FieldType, "name", nonNullString, (FieldDefinition f, IResolveContext _) => f.Name);
        Add(FieldType, "description", str, (FieldDefinition f, IResolveContext _) => f.Description);
        WithIncludeDeprecated(Add(FieldType, "args", new NonNullType(new ListType(new NonNullType(InputValueType))),
            (FieldDefinition f, IResolveContext ctx) => f.Arguments.Where(a => IncludeDeprecated(ctx) || !a.IsDeprecated).ToList()));
        Add(FieldType, "type", typeRef, (FieldDefinition f, IResolveContext _) => f.Type);
        Add(FieldType, "isDeprecated", nonNullBool, (FieldDefinition f, IResolveContext _) => f.IsDeprecated);
        Add(FieldType, "deprecationReason", str, (FieldDefinition f, IResolveContext _) => f.DeprecationReason);

        // __InputValue — https://spec.graphql.org/October2021/#sec-The-__InputValue-Type
        Add(InputValueType, "name", nonNullString, (InputValueDefinition v, IResolveContext _) => v.Name);
        Add(InputValueType, "description", str, (InputValueDefinition v, IResolveContext _) => v.Description);
        Add(InputValueType, "type", typeRef, (InputValueDefinition v, IResolveContext _) => v.Type);
        Add(InputValueType, "defaultValue", str, (InputValueDefinition v, IResolveContext _) =>
                v.DefaultValue is null ? null : SdlValuePrinter.Print(v.DefaultValue),
            "A GraphQL-formatted string representing the default value for this input value.");
        Add(InputValueType, "isDeprecated", nonNullBool, (InputValueDefinition v, IResolveContext _) => v.IsDeprecated);
        Add(InputValueType, "deprecationReason", str, (InputValueDefinition v, IResolveContext _) => v.DeprecationReason);

        // __EnumValue — https://spec.graphql.org/October2021/#sec-The-__EnumValue-Type
        Add(EnumValueType, "name", nonNullString, (EnumValueDefinition v, IResolveContext _) => v.Name);
        Add(EnumValueType, "description", str, (EnumValueDefinition v, IResolveContext _) => v.Description);
        Add(EnumValueType, "isDeprecated", nonNullBool, (EnumValueDefinition v, IResolveContext _) => v.IsDeprecated);
        Add(EnumValueType, "deprecationReason", str, (EnumValueDefinition v, IResolveContext _) => v.DeprecationReason);

        // __Directive — https://spec.graphql.org/October2021/#sec-The-__Directive-Type
        Add(DirectiveType, "name", nonNullString, (DirectiveDefinition d, IResolveContext _) => d.Name);
        Add(DirectiveType, "description", str, (DirectiveDefinition d, IResolveContext _) => d.Description);
        Add(DirectiveType, "isRepeatable", nonNullBool, (DirectiveDefinition d, IResolveContext _) => d.IsRepeatable);
        Add(DirectiveType, "locations", new NonNullType(new ListType(new NonNullType(DirectiveLocationEnum))),
            (DirectiveDefinition d, IResolveContext _) => d.Locations.ToList());
        WithIncludeDeprecated(Add(DirectiveType, "args", new NonNullType(new ListType(new NonNullType(InputValueType))),
            (DirectiveDefinition d, IResolveContext ctx) => d.Arguments.Where(a => IncludeDeprecated(ctx) || !a.IsDeprecated).ToList()));
    }

    private static bool IncludeDeprecated(IResolveContext ctx) => ctx.Arguments.GetValueOrDefault("includeDeprecated") is true;

    private static void WithIncludeDeprecated(FieldDefinition field) =>
        field.Arguments.Add(new InputValueDefinition("includeDeprecated", BuiltInScalars.Boolean)
        {
            DefaultValue = new Language.BooleanValueNode { Value = false },
        });

    private static FieldDefinition Add<TParent>(ObjectType owner, string name, GraphQLType type,
        Func<TParent, IResolveContext, object?> resolve, string? description = null)
    {
        var field = new FieldDefinition(name, type)
        {
            Description = description,
            Resolver = ctx => new ValueTask<object?>(ctx.Parent is TParent p
                ? resolve(p, ctx)
                : throw new InvalidOperationException($"{owner.Name}.{name} expects a {typeof(TParent).Name} parent value.")),
        };
        return owner.AddField(field);
    }

    /// <summary>https://spec.graphql.org/October2021/#sec-The-__Type-Type — "__TypeKind"</summary>
    private static EnumType CreateTypeKind()
    {
        var e = new EnumType("__TypeKind") { Description = "An enum describing what kind of type a given `__Type` is." };
        e.AddValue(new EnumValueDefinition("SCALAR", TypeKind.Scalar) { Description = "Indicates this type is a scalar." });
        e.AddValue(new EnumValueDefinition("OBJECT", TypeKind.Object) { Description = "Indicates this type is an object. `fields` and `interfaces` are valid fields." });
        e.AddValue(new EnumValueDefinition("INTERFACE", TypeKind.Interface) { Description = "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields." });
        e.AddValue(new EnumValueDefinition("UNION", TypeKind.Union) { Description = "Indicates this type is a union. `possibleTypes` is a valid field." });
        e.AddValue(new EnumValueDefinition("ENUM", TypeKind.Enum) { Description = "Indicates this type is an enum. `enumValues` is a valid field." });
        e.AddValue(new EnumValueDefinition("INPUT_OBJECT", TypeKind.InputObject) { Description = "Indicates this type is an input object. `inputFields` is a valid field." });
        e.AddValue(new EnumValueDefinition("LIST", TypeKind.List) { Description = "Indicates this type is a list. `ofType` is a valid field." });
        e.AddValue(new EnumValueDefinition("NON_NULL", TypeKind.NonNull) { Description = "Indicates this type is a non-null. `ofType` is a valid field." });
        return e;
    }

    /// <summary>https://spec.graphql.org/October2021/#sec-The-__Directive-Type — "__DirectiveLocation"</summary>
    private static EnumType CreateDirectiveLocation()
    {
        var e = new EnumType("__DirectiveLocation")
        {
            Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
        };
        (DirectiveLocation Value, string Name, string What)[] values =
        [
            (DirectiveLocation.Query, "QUERY", "a query operation"),
            (DirectiveLocation.Mutation, "MUTATION", "a mutation operation"),
            (DirectiveLocation.Subscription, "SUBSCRIPTION", "a subscription operation"),
            (DirectiveLocation.Field, "FIELD", "a field"),
            (DirectiveLocation.FragmentDefinition, "FRAGMENT_DEFINITION", "a fragment definition"),
            (DirectiveLocation.FragmentSpread, "FRAGMENT_SPREAD", "a fragment spread"),
            (DirectiveLocation.InlineFragment, "INLINE_FRAGMENT", "an inline fragment"),
            (DirectiveLocation.VariableDefinition, "VARIABLE_DEFINITION", "a variable definition"),
            (DirectiveLocation.Schema, "SCHEMA", "a schema definition"),
            (DirectiveLocation.Scalar, "SCALAR", "a scalar definition"),
            (DirectiveLocation.Object, "OBJECT", "an object type definition"),
            (DirectiveLocation.FieldDefinition, "FIELD_DEFINITION", "a field definition"),
            (DirectiveLocation.ArgumentDefinition, "ARGUMENT_DEFINITION", "an argument definition"),
            (DirectiveLocation.Interface, "INTERFACE", "an interface definition"),
            (DirectiveLocation.Union, "UNION", "a union definition"),
            (DirectiveLocation.Enum, "ENUM", "an enum definition"),
            (DirectiveLocation.EnumValue, "ENUM_VALUE", "an enum value definition"),
            (DirectiveLocation.InputObject, "INPUT_OBJECT", "an input object type definition"),
            (DirectiveLocation.InputFieldDefinition, "INPUT_FIELD_DEFINITION", "an input object field definition"),
        ];
        foreach (var (value, name, what) in values)
            e.AddValue(new EnumValueDefinition(name, value) { Description = $"Location adjacent to {what}." });
        return e;
    }

    /// <summary>The SDL name of a directive location (QUERY, FIELD_DEFINITION, …).</summary>
    public static string LocationName(DirectiveLocation location) => DirectiveLocationEnum.Serialize(location);
}
