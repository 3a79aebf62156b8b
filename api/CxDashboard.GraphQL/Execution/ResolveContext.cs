using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>The <see cref="IResolveContext"/> handed to one resolver call.</summary>
/// <param name="parentPath">The parent field's path (null at the root): this field's own is made on first use.</param>
internal sealed class ResolveContext(OperationContext operation, ObjectType parentType, object? parent,
    CollectedField collected, IReadOnlyDictionary<string, object?> arguments, ResponsePath? parentPath) : IResolveContext
{
    private ResponsePath? path;

    /// <summary>The grouped field set entry this call resolves (its sub-selections are cached there).</summary>
    internal CollectedField Collected => collected;

    /// <summary>The parent field's path (null at the root).</summary>
    internal ResponsePath? ParentPath => parentPath;

    public object? Parent => parent;
    public IReadOnlyDictionary<string, object?> Arguments => arguments;
    public FieldDefinition Field => collected.Definition!;
    public ObjectType ParentType => parentType;
    public IReadOnlyList<FieldNode> FieldNodes => collected.Nodes;
    public ResponsePath Path => path ??= parentPath?.Field(collected.ResponseKey) ?? ResponsePath.Root(collected.ResponseKey);
    public Schema Schema => operation.Schema;
    public OperationDefinitionNode Operation => operation.Operation;
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => operation.Fragments;
    public IReadOnlyDictionary<string, object?> Variables => operation.Variables;
    public object? RootValue => operation.RootValue;
    public IServiceProvider Services => operation.Services;
    public CancellationToken CancellationToken => operation.CancellationToken;
    public IDictionary<string, object?> ContextData => operation.ContextData;

    public T? Argument<T>(string name) =>
        arguments.TryGetValue(name, out var value) ? ValueConverter.Convert<T>(value) : default;

    public T ParentAs<T>() => parent is T t
        ? t
        : throw new InvalidCastException(
            $"The parent of field {parentType.Name}.{Field.Name} is {parent?.GetType().Name ?? "null"}, not {typeof(T).Name}.");
}
