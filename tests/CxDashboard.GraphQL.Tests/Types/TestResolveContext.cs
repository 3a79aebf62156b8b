using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

/// <summary>
/// A hand-filled resolve context for calling resolvers directly (type-system tests run without the executor).
/// Argument&lt;T&gt; converts with the same ValueConverter the executor uses.
/// </summary>
internal sealed class TestResolveContext(Schema schema, object? parent, IReadOnlyDictionary<string, object?>? arguments = null,
    IServiceProvider? services = null) : IResolveContext
{
    public object? Parent { get; } = parent;
    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments ?? new Dictionary<string, object?>();
    public FieldDefinition Field => throw new NotSupportedException();
    public ObjectType ParentType => schema.QueryType;
    public IReadOnlyList<FieldNode> FieldNodes => [];
    public ResponsePath Path => ResponsePath.Root("test");
    public Schema Schema => schema;
    public OperationDefinitionNode Operation => throw new NotSupportedException();
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => new Dictionary<string, FragmentDefinitionNode>();
    public IReadOnlyDictionary<string, object?> Variables => new Dictionary<string, object?>();
    public object? RootValue => null;
    public IServiceProvider Services { get; } = services ?? new EmptyServices();
    public CancellationToken CancellationToken => CancellationToken.None;
    public IDictionary<string, object?> ContextData { get; } = new Dictionary<string, object?>();
    public T? Argument<T>(string name) => Arguments.TryGetValue(name, out var v) ? ValueConverter.Convert<T>(v) : default;
    public T ParentAs<T>() => (T)Parent!;

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

internal static class Resolve
{
    /// <summary>Runs the resolver of <paramref name="typeName"/>.<paramref name="fieldName"/> for a parent value.</summary>
    public static async Task<object?> Field(Schema schema, string typeName, string fieldName, object? parent,
        IReadOnlyDictionary<string, object?>? args = null, IServiceProvider? services = null)
    {
        var type = (ComplexType)schema.GetType(typeName)!;
        var field = schema.GetFieldDefinition(type, fieldName) ?? throw new InvalidOperationException($"no field {typeName}.{fieldName}");
        return await field.Resolver!(new TestResolveContext(schema, parent, args, services));
    }
}
