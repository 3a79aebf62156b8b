using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// "@skip, @include, @deprecated, @specifiedBy": the directives every schema carries.
/// https://spec.graphql.org/October2021/#sec-Type-System.Directives.Built-in-Directives
/// </summary>
public static class BuiltInDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static readonly DirectiveDefinition Skip = WithIf("skip", "Directs the executor to skip this field or fragment when the `if` argument is true.");
    public static readonly DirectiveDefinition Include = WithIf("include", "Directs the executor to include this field or fragment only when the `if` argument is true.");

    public static readonly DirectiveDefinition Deprecated = new("deprecated",
        DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition,
        DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue)
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
        Arguments =
        {
            new InputValueDefinition("reason", BuiltInScalars.String)
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = new StringValueNode { Value = DefaultDeprecationReason },
            },
        },
    };

    public static readonly DirectiveDefinition SpecifiedBy = new("specifiedBy", DirectiveLocation.Scalar)
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
        Arguments =
        {
            new InputValueDefinition("url", new NonNullType(BuiltInScalars.String))
            {
                Description = "The URL that specifies the behavior of this scalar.",
            },
        },
    };

    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy];

    private static DirectiveDefinition WithIf(string name, string description) =>
        new(name, DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment)
        {
            Description = description,
            Arguments = { new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = name == "skip" ? "Skipped when true." : "Included when true." } },
        };
}
