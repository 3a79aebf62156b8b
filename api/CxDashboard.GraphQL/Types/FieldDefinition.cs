using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>Resolves one field for one parent value. https://spec.graphql.org/October2021/#ResolveFieldValue()</summary>
public delegate ValueTask<object?> FieldResolver(IResolveContext context);

/// <summary>A field of an object or interface type. https://spec.graphql.org/October2021/#sec-Objects</summary>
public sealed class FieldDefinition(string name, GraphQLType type)
{
    public string Name { get; } = name;
    public GraphQLType Type { get; set; } = type;
    public string? Description { get; set; }
    public List<InputValueDefinition> Arguments { get; } = [];

    /// <summary>Null means the default resolver (property, dictionary entry or method of the parent).</summary>
    public FieldResolver? Resolver { get; set; }

    /// <summary>
    /// Set when the field's value depends on the parent value alone (no arguments, services or context) and is there
    /// at once: the executor then reads it without making a resolve context, which matters for the thousands of leaf
    /// fields of a large answer. <see cref="Resolver"/> is set as well and gives the same value.
    /// </summary>
    public Func<object?, object?>? ParentResolver { get; set; }

    public string? DeprecationReason { get; set; }
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Free-form data for extensions (cost, authorization, …).</summary>
    public Dictionary<string, object?> Metadata { get; } = new();

    public InputValueDefinition? GetArgument(string argName) => Arguments.Find(a => a.Name == argName);
}

/// <summary>An argument, or a field of an input object. https://spec.graphql.org/October2021/#sec-Field-Arguments</summary>
public sealed class InputValueDefinition(string name, GraphQLType type)
{
    public string Name { get; } = name;
    public GraphQLType Type { get; set; } = type;
    public string? Description { get; set; }

    /// <summary>The default as a literal (what introspection prints); coerced like any literal when used.</summary>
    public ValueNode? DefaultValue { get; set; }

    public bool HasDefaultValue => DefaultValue is not null;
    public string? DeprecationReason { get; set; }
    public bool IsDeprecated => DeprecationReason is not null;
    public Dictionary<string, object?> Metadata { get; } = new();
}
