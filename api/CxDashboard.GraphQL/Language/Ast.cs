namespace CxDashboard.GraphQL.Language;

// The executable-document AST (spec §2). Names follow graphql-js (FieldNode, NamedTypeNode, …) so that
// the type system's ObjectType/FieldDefinition never collide with syntax nodes.
// https://spec.graphql.org/October2021/#sec-Language

/// <summary>A 1-based line and column in the source text, as GraphQL errors report them.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>Base of every syntax node: where it starts in the source (line/column and character offsets).</summary>
public abstract class Node
{
    public SourceLocation Location { get; init; }

    /// <summary>Character offset of the node's first token.</summary>
    public int Start { get; init; }

    /// <summary>Character offset just past the node's last token.</summary>
    public int End { get; init; }
}

public sealed class NameNode : Node
{
    public required string Value { get; init; }
    public override string ToString() => Value;
}

public sealed class DocumentNode : Node
{
    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }

    /// <summary>The text the document was parsed from, when known (used for error excerpts and size limits).</summary>
    public string? Source { get; init; }
}

public abstract class DefinitionNode : Node;

public abstract class ExecutableDefinitionNode : DefinitionNode
{
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
    public required SelectionSetNode SelectionSet { get; init; }
}

public enum OperationType { Query, Mutation, Subscription }

public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public required OperationType Operation { get; init; }
    public NameNode? Name { get; init; }
    public required IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; }
}

public sealed class VariableDefinitionNode : Node
{
    public required VariableNode Variable { get; init; }
    public required TypeNode Type { get; init; }
    public ValueNode? DefaultValue { get; init; }
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public required NameNode Name { get; init; }
    public required NamedTypeNode TypeCondition { get; init; }
}

public sealed class SelectionSetNode : Node
{
    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}

public abstract class SelectionNode : Node
{
    public required IReadOnlyList<DirectiveNode> Directives { get; init; }
}

public sealed class FieldNode : SelectionNode
{
    public NameNode? Alias { get; init; }
    public required NameNode Name { get; init; }
    public required IReadOnlyList<ArgumentNode> Arguments { get; init; }
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key this field's value appears under in the response: the alias, else the name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

public sealed class FragmentSpreadNode : SelectionNode
{
    public required NameNode Name { get; init; }
}

public sealed class InlineFragmentNode : SelectionNode
{
    public NamedTypeNode? TypeCondition { get; init; }
    public required SelectionSetNode SelectionSet { get; init; }
}

public sealed class ArgumentNode : Node
{
    public required NameNode Name { get; init; }
    public required ValueNode Value { get; init; }
}

public sealed class DirectiveNode : Node
{
    public required NameNode Name { get; init; }
    public required IReadOnlyList<ArgumentNode> Arguments { get; init; }
}

// ---- values (§2.9) ----

public abstract class ValueNode : Node;

public sealed class VariableNode : ValueNode
{
    public required NameNode Name { get; init; }
}

public sealed class IntValueNode : ValueNode
{
    /// <summary>The literal's digits exactly as written (may exceed 32 bits; coercion decides).</summary>
    public required string Value { get; init; }
}

public sealed class FloatValueNode : ValueNode
{
    public required string Value { get; init; }
}

public sealed class StringValueNode : ValueNode
{
    /// <summary>The string's value after escapes and block-string indentation are processed.</summary>
    public required string Value { get; init; }
    public bool Block { get; init; }
}

public sealed class BooleanValueNode : ValueNode
{
    public required bool Value { get; init; }
}

public sealed class NullValueNode : ValueNode;

public sealed class EnumValueNode : ValueNode
{
    public required string Value { get; init; }
}

public sealed class ListValueNode : ValueNode
{
    public required IReadOnlyList<ValueNode> Values { get; init; }
}

public sealed class ObjectValueNode : ValueNode
{
    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}

public sealed class ObjectFieldNode : Node
{
    public required NameNode Name { get; init; }
    public required ValueNode Value { get; init; }
}

// ---- type references (§2.11) ----

public abstract class TypeNode : Node;

public sealed class NamedTypeNode : TypeNode
{
    public required NameNode Name { get; init; }
}

public sealed class ListTypeNode : TypeNode
{
    public required TypeNode Type { get; init; }
}

public sealed class NonNullTypeNode : TypeNode
{
    /// <summary>A <see cref="NamedTypeNode"/> or <see cref="ListTypeNode"/>.</summary>
    public required TypeNode Type { get; init; }
}
