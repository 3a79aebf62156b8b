using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Introspection;

/// <summary>
/// The meta-fields. "GraphQL supports type name introspection within any selection set in an
/// operation, with the single exception of selections at the root of a subscription operation."
/// https://spec.graphql.org/October2021/#sec-Type-Name-Introspection
/// </summary>
public static class IntrospectionFields
{
    public static readonly FieldDefinition TypeName = new("__typename", new NonNullType(BuiltInScalars.String))
    {
        Description = "The name of the current Object type at runtime.",
        Resolver = ctx => ValueTask.FromResult<object?>(ctx.ParentType.Name),
    };

    // __schema and __type are defined with the introspection types (IntrospectionTypes).
    public static FieldDefinition Schema => IntrospectionTypes.SchemaField;
    public static FieldDefinition Type => IntrospectionTypes.TypeField;
}
