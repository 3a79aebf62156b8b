using System.Collections.Concurrent;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// What executing one operation of one document against one schema computes the same way every time: the
/// fragments by name and the grouped field sets (CollectFields / CollectSubfields per runtime type), with
/// each field's definition and, when its arguments use no variables, its coerced arguments. Kept with the
/// document by <see cref="GraphQLExecutor"/>, so a query seen before skips field collection.
/// Thread-safe: entries are computed idempotently and published whole.
/// </summary>
internal sealed class ExecutionPlan
{
    private readonly FieldSetCache _roots = new();

    public ExecutionPlan(DocumentNode document)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
            if (definition is FragmentDefinitionNode f) fragments.TryAdd(f.Name.Value, f);
        Fragments = fragments;
    }

    /// <summary>Fragment definitions by name (the first one when a name repeats, which validation rejects).</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Top-level grouped field sets of the document's operations (keyed by their selection set).</summary>
    public GroupedFieldSet RootFields(OperationContext context, ObjectType rootType, SelectionSetNode selectionSet) =>
        _roots.GetOrCollect(rootType, context.Variables, selectionSet,
            static (s, t, c) => c.Collector.CollectFields(t, (SelectionSetNode)s), context);
}

/// <summary>
/// Grouped field sets collected for an object type, reused while the variables that @skip/@include read
/// have the values they had when the set was collected (most sets read none). Lock-free reads; bounded
/// (runtime types × variable variants), beyond that sets are collected per use.
/// </summary>
internal sealed class FieldSetCache
{
    private const int MaxEntries = 32;
    private (ObjectType Type, object Key, GroupedFieldSet Fields)[] _entries = [];

    public GroupedFieldSet GetOrCollect(ObjectType type, IReadOnlyDictionary<string, object?> variables, object key,
        Func<object, ObjectType, OperationContext, GroupedFieldSet> collect, OperationContext context)
    {
        var entries = Volatile.Read(ref _entries);
        foreach (var (t, k, fields) in entries)
            if (ReferenceEquals(t, type) && ReferenceEquals(k, key) && fields.AppliesTo(variables)) return fields;

        var collected = collect(key, type, context);
        if (entries.Length < MaxEntries)
            Volatile.Write(ref _entries, [.. entries, (type, key, collected)]); // a lost race only collects once more
        return collected;
    }
}

/// <summary>A grouped field set: the fields of one selection set for one object type, by response key in order.</summary>
internal sealed class GroupedFieldSet(CollectedField[] fields, (string Name, bool Present, object? Value)[] conditions)
{
    public CollectedField[] Fields { get; } = fields;

    private ResponseKeys? _keys;

    /// <summary>The response keys of <see cref="Fields"/>, shared by every result map of this set (made once; a race makes an equal copy).</summary>
    public ResponseKeys Keys => _keys ??= new ResponseKeys([.. Fields.Select(f => f.ResponseKey)]);

    /// <summary>The variables an @skip/@include read while collecting, with the values they had.</summary>
    public (string Name, bool Present, object? Value)[] Conditions { get; } = conditions;

    public bool AppliesTo(IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var (name, present, value) in Conditions)
        {
            var has = variables.TryGetValue(name, out var current);
            if (has != present || !Equals(current, value)) return false;
        }
        return true;
    }
}

/// <summary>
/// One entry of a grouped field set: the response key, every field node merged under it, the field's
/// definition on the object type (null for a field the type lacks, only possible in unvalidated documents),
/// and caches of what only depends on these: constant arguments and the sub-selections per runtime type.
/// </summary>
internal sealed class CollectedField(string responseKey, List<FieldNode> nodes, FieldDefinition? definition)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    private IReadOnlyDictionary<string, object?>? _constantArguments;
    private bool _argumentsUseVariables;
    private readonly FieldSetCache _subfields = new();

    public string ResponseKey { get; } = responseKey;
    public List<FieldNode> Nodes { get; } = nodes;
    public FieldDefinition? Definition { get; } = definition;

    /// <summary>
    /// CoerceArgumentValues for this field. Arguments written without variables coerce the same way for every
    /// request, so that result is kept (resolvers get a read-only map). Throws <see cref="GraphQLException"/>
    /// on a bad argument (never kept).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Arguments(IReadOnlyDictionary<string, object?> variables)
    {
        if (_constantArguments is { } constant) return constant;
        var definition = Definition!;
        var node = Nodes[0];
        if (definition.Arguments.Count == 0) return _constantArguments = NoArguments;
        if (_argumentsUseVariables)
            return ArgumentCoercion.CoerceArgumentValues(definition.Arguments, node, node.Arguments, variables);

        var usesVariables = false;
        foreach (var argument in node.Arguments)
            if (UsesVariables(argument.Value)) { usesVariables = true; break; }
        var coerced = ArgumentCoercion.CoerceArgumentValues(definition.Arguments, node, node.Arguments, variables);
        if (usesVariables) _argumentsUseVariables = true;
        else _constantArguments = coerced;
        return coerced;
    }

    private static bool UsesVariables(ValueNode value)
    {
        switch (value)
        {
            case VariableNode:
                return true;
            case ListValueNode list:
                foreach (var item in list.Values)
                    if (UsesVariables(item)) return true;
                return false;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                    if (UsesVariables(field.Value)) return true;
                return false;
            default:
                return false;
        }
    }

    /// <summary>CollectSubfields(objectType, fields) for this field's nodes, collected once per runtime type.</summary>
    public GroupedFieldSet Subfields(ObjectType type, OperationContext context) =>
        _subfields.GetOrCollect(type, context.Variables, this,
            static (f, t, c) => c.Collector.CollectSubfields(t, ((CollectedField)f).Nodes), context);
}
