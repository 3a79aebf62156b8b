namespace CxDashboard.GraphQL.Types;

/// <summary>https://spec.graphql.org/October2021/#DirectiveLocations</summary>
public enum DirectiveLocation
{
    // executable
    Query, Mutation, Subscription, Field, FragmentDefinition, FragmentSpread, InlineFragment, VariableDefinition,
    // type system
    Schema, Scalar, Object, FieldDefinition, ArgumentDefinition, Interface, Union, Enum, EnumValue,
    InputObject, InputFieldDefinition,
}

/// <summary>https://spec.graphql.org/October2021/#sec-Type-System.Directives</summary>
public sealed class DirectiveDefinition(string name, params DirectiveLocation[] locations)
{
    public string Name { get; } = name;
    public string? Description { get; set; }
    public List<DirectiveLocation> Locations { get; } = [.. locations];
    public List<InputValueDefinition> Arguments { get; } = [];
    public bool IsRepeatable { get; set; }

    public InputValueDefinition? GetArgument(string argName) => Arguments.Find(a => a.Name == argName);
}
