using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>What a resolver sees: the parent value, coerced arguments, the field and the request.</summary>
public interface IResolveContext
{
    /// <summary>The parent object's value ("objectValue" in the spec).</summary>
    object? Parent { get; }

    /// <summary>Coerced argument values, defaults applied; absent arguments are missing from the map.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    FieldDefinition Field { get; }
    ObjectType ParentType { get; }

    /// <summary>Every field node merged into this field (same response key).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    ResponsePath Path { get; }
    Schema Schema { get; }
    OperationDefinitionNode Operation { get; }
    IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Coerced variable values of the operation.</summary>
    IReadOnlyDictionary<string, object?> Variables { get; }

    object? RootValue { get; }
    IServiceProvider Services { get; }
    CancellationToken CancellationToken { get; }

    /// <summary>Per-request state shared by every resolver (the caller's identity, DataLoaders, …).</summary>
    IDictionary<string, object?> ContextData { get; }

    /// <summary>The argument converted to <typeparamref name="T"/>; default when absent.</summary>
    T? Argument<T>(string name);

    /// <summary>The parent value cast to <typeparamref name="T"/>.</summary>
    T ParentAs<T>();
}

/// <summary>
/// A response path: field response keys and list indices from the root to a field.
/// https://spec.graphql.org/October2021/#sec-Errors.Error-result-format
/// </summary>
public sealed class ResponsePath
{
    private ResponsePath(ResponsePath? prev, object key)
    {
        Prev = prev;
        Key = key;
    }

    public ResponsePath? Prev { get; }

    /// <summary>A string (response key) or an int (list index).</summary>
    public object Key { get; }

    public static ResponsePath Root(string key) => new(null, key);
    public ResponsePath Field(string key) => new(this, key);
    public ResponsePath Index(int index) => new(this, index < BoxedIndices.Length ? BoxedIndices[index] : index);

    // list positions boxed once: every item of every list gets a path
    private static readonly object[] BoxedIndices = Enumerable.Range(0, 1024).Select(i => (object)i).ToArray();

    public IReadOnlyList<object> ToList()
    {
        var list = new List<object>();
        for (var p = this; p is not null; p = p.Prev) list.Add(p.Key);
        list.Reverse();
        return list;
    }

    public override string ToString() => string.Join(".", ToList());
}
