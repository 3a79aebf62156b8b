namespace CxDashboard.GraphQL.Language;

// The type-system (SDL) part of the AST (spec §3), graphql-js names. A document may mix executable and
// type-system definitions; executors reject the latter during validation.
// https://spec.graphql.org/October2021/#sec-Type-System

/// <summary>Schema, type and directive definitions.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    public StringValueNode? Description { get; init; }
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>"extend schema …" and "extend type …" and friends.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#SchemaDefinition</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }
}

/// <summary>"query: Query" inside a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    public required OperationType Operation { get; init; }
    public required NamedTypeNode Type { get; init; }
}

/// <summary>Scalar, object, interface, union, enum and input object definitions.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    public required NameNode Name { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#ScalarTypeDefinition</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode;

/// <summary>https://spec.graphql.org/October2021/#ObjectTypeDefinition</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public required IReadOnlyList<NamedTypeNode> Interfaces { get; init; }
    public required IReadOnlyList<FieldDefinitionNode> Fields { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#InterfaceTypeDefinition</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public required IReadOnlyList<NamedTypeNode> Interfaces { get; init; }
    public required IReadOnlyList<FieldDefinitionNode> Fields { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#UnionTypeDefinition</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public required IReadOnlyList<NamedTypeNode> Types { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#EnumTypeDefinition</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public required IReadOnlyList<EnumValueDefinitionNode> Values { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#InputObjectTypeDefinition</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public required IReadOnlyList<InputValueDefinitionNode> Fields { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#FieldDefinition</summary>
public sealed class FieldDefinitionNode : Node
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public required IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; }
    public required TypeNode Type { get; init; }
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>An argument definition or an input object field: https://spec.graphql.org/October2021/#InputValueDefinition</summary>
public sealed class InputValueDefinitionNode : Node
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public required TypeNode Type { get; init; }
    public ValueNode? DefaultValue { get; init; }
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#EnumValueDefinition</summary>
public sealed class EnumValueDefinitionNode : Node
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#DirectiveDefinition</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public required NameNode Name { get; init; }
    public required IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; }
    public bool Repeatable { get; init; }

    /// <summary>Location names as written (QUERY, FIELD_DEFINITION, …); the parser accepts only the spec's.</summary>
    public required IReadOnlyList<NameNode> Locations { get; init; }
}

// ---- extensions (§3.1.2, §3.4.3, …) ----

/// <summary>https://spec.graphql.org/October2021/#SchemaExtension</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }
}

/// <summary>Extensions of named types.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    public required NameNode Name { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#ScalarTypeExtension</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode;

/// <summary>https://spec.graphql.org/October2021/#ObjectTypeExtension</summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    public required IReadOnlyList<NamedTypeNode> Interfaces { get; init; }
    public required IReadOnlyList<FieldDefinitionNode> Fields { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#InterfaceTypeExtension</summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    public required IReadOnlyList<NamedTypeNode> Interfaces { get; init; }
    public required IReadOnlyList<FieldDefinitionNode> Fields { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#UnionTypeExtension</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    public required IReadOnlyList<NamedTypeNode> Types { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#EnumTypeExtension</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    public required IReadOnlyList<EnumValueDefinitionNode> Values { get; init; }
}

/// <summary>https://spec.graphql.org/October2021/#InputObjectTypeExtension</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    public required IReadOnlyList<InputValueDefinitionNode> Fields { get; init; }
}
