using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Introspection;

/// <summary>
/// The introspection types (__Schema, __Type, __Field, __InputValue, __EnumValue, __Directive,
/// __TypeKind, __DirectiveLocation) and the __schema / __type meta-fields.
/// https://spec.graphql.org/October2021/#sec-Schema-Introspection
/// TODO(introspection work): define the types and resolvers; until then the meta-fields return null.
/// </summary>
public static class IntrospectionTypes
{
    private static readonly ObjectType Placeholder = new("__Schema");

    public static FieldDefinition SchemaField { get; } = new("__schema", new NonNullType(Placeholder));
    public static FieldDefinition TypeField { get; } = new("__type", Placeholder)
    {
        Arguments = { new InputValueDefinition("name", new NonNullType(BuiltInScalars.String)) },
    };

    public static IReadOnlyList<NamedType> All { get; } = [Placeholder];
}
