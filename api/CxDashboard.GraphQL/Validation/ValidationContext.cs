using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation;

/// <summary>A variable as used in an operation or fragment, with the type and default of the position it is in.</summary>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, ValueNode? DefaultValue);

/// <summary>
/// What rules share during one validation run: the schema and document, the type information of the
/// current node, fragment lookups, variable usages, and the error list.
/// </summary>
public sealed class ValidationContext
{
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _spreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _referenced = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, List<VariableUsage>> _usages = new(ReferenceEqualityComparer.Instance);
    private readonly List<(long Event, int Rule, GraphQLError Error)> _errors = [];
    private List<VariableUsage>? _currentUsages;

    internal ValidationContext(Schema schema, DocumentNode document, ValidationOptions options)
    {
        Schema = schema;
        Document = document;
        Options = options;
        TypeInfo = new TypeInfo(schema);
        // graphql-js keeps the last definition of a duplicated name; UniqueFragmentNames reports the duplicate.
        foreach (var f in document.Definitions.OfType<FragmentDefinitionNode>()) _fragments[f.Name.Value] = f;
    }

    public Schema Schema { get; }
    public DocumentNode Document { get; }
    public ValidationOptions Options { get; }
    public TypeInfo TypeInfo { get; }

    /// <summary>Where the directives being visited stand (QUERY, FIELD, FRAGMENT_SPREAD, …).</summary>
    public DirectiveLocation? DirectiveLocation { get; internal set; }

    /// <summary>Sequence number of the walker's current enter/leave event; errors are ordered by it.</summary>
    public long CurrentEvent { get; internal set; }

    internal int CurrentRule { get; set; }

    internal bool WalkComplete { get; set; }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>The fragment spreads anywhere below a selection set (not following fragments), in graphql-js's order.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached)) return cached;
        var spreads = new List<FragmentSpreadNode>();
        var toVisit = new Stack<SelectionSetNode>();
        toVisit.Push(selectionSet);
        while (toVisit.TryPop(out var set))
            foreach (var selection in set.Selections)
                switch (selection)
                {
                    case FragmentSpreadNode s: spreads.Add(s); break;
                    case FieldNode { SelectionSet: { } sub }: toVisit.Push(sub); break;
                    case InlineFragmentNode i: toVisit.Push(i.SelectionSet); break;
                }
        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_referenced.TryGetValue(operation, out var cached)) return cached;
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new Stack<SelectionSetNode>();
        toVisit.Push(operation.SelectionSet);
        while (toVisit.TryPop(out var set))
            foreach (var spread in GetFragmentSpreads(set))
                if (collected.Add(spread.Name.Value) && GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    toVisit.Push(fragment.SelectionSet);
                }
        _referenced[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used in an operation or fragment definition (not following spreads), in document order.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        RequireCompleteWalk();
        return _usages.TryGetValue(definition, out var usages) ? usages : [];
    }

    /// <summary>The variables an operation uses, its fragments' (recursively) included. Available once the walk is complete.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        var all = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation)) all.AddRange(GetVariableUsages(fragment));
        return all;
    }

    public void ReportError(GraphQLError error) => ReportErrorAt(error, CurrentEvent);

    /// <summary>
    /// Reports an error found later than graphql-js finds it (e.g. at the end of the document, when every
    /// fragment's variable usages are known) in the position graphql-js would report it.
    /// </summary>
    public void ReportErrorAt(GraphQLError error, long eventNumber)
    {
        _errors.Add((eventNumber, CurrentRule, error));
        if (_errors.Count > Options.MaxErrors) throw new TooManyErrorsException();
    }

    internal int ErrorCount => _errors.Count;

    internal IReadOnlyList<GraphQLError> SortedErrors(bool aborted)
    {
        var sorted = _errors.Select((e, i) => (e.Event, e.Rule, Index: i, e.Error))
            .OrderBy(e => e.Event).ThenBy(e => e.Rule).ThenBy(e => e.Index)
            .Select(e => e.Error).ToList();
        if (!aborted) return sorted;
        sorted = sorted.Take(Options.MaxErrors).ToList();
        sorted.Add(ValidationErrors.TooManyErrors());
        return sorted;
    }

    internal void BeginDefinition(ExecutableDefinitionNode definition)
    {
        if (!_usages.TryGetValue(definition, out var list)) _usages[definition] = list = [];
        _currentUsages = list;
    }

    internal void EndDefinition() => _currentUsages = null;

    internal void AddVariableUsage(VariableNode node) =>
        _currentUsages?.Add(new VariableUsage(node, TypeInfo.InputType, TypeInfo.DefaultValue));

    private void RequireCompleteWalk()
    {
        if (!WalkComplete)
            throw new InvalidOperationException("Variable usages are known once the whole document is walked: use them in LeaveDocument.");
    }

    internal sealed class TooManyErrorsException : Exception;
}
