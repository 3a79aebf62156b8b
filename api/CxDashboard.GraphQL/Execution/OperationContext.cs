using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>What every step of one operation's execution shares: schema, document parts, variables, errors.</summary>
internal sealed class OperationContext
{
    private readonly Lock _gate = new();
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<(ObjectType, IReadOnlyList<FieldNode>), OrderedDictionary<string, List<FieldNode>>> _subfields = [];

    public OperationContext(Schema schema, DocumentNode document, OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables, object? rootValue, IServiceProvider services,
        IDictionary<string, object?> contextData, CancellationToken cancellationToken)
    {
        Schema = schema;
        Operation = operation;
        Variables = variables;
        RootValue = rootValue;
        Services = services;
        ContextData = contextData;
        CancellationToken = cancellationToken;
        Fragments = document.Definitions.OfType<FragmentDefinitionNode>()
            .GroupBy(f => f.Name.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Collector = new FieldCollector(schema, Fragments, variables);
    }

    public Schema Schema { get; }
    public OperationDefinitionNode Operation { get; }
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }
    public IReadOnlyDictionary<string, object?> Variables { get; }
    public object? RootValue { get; }
    public IServiceProvider Services { get; }
    public IDictionary<string, object?> ContextData { get; }
    public CancellationToken CancellationToken { get; }
    public FieldCollector Collector { get; }

    public void AddError(GraphQLError error)
    {
        lock (_gate) _errors.Add(error);
    }

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_gate) return _errors.ToList();
        }
    }

    /// <summary>
    /// Sub-selections of the same merged field nodes for the same runtime type are collected once per
    /// request (every item of a list shares them). Keyed by the node list's identity, which the
    /// collector hands out once per (type, parent selection).
    /// </summary>
    public OrderedDictionary<string, List<FieldNode>> Subfields(ObjectType type, IReadOnlyList<FieldNode> fieldNodes)
    {
        lock (_gate)
        {
            if (_subfields.TryGetValue((type, fieldNodes), out var cached)) return cached;
        }
        var collected = Collector.CollectSubfields(type, fieldNodes);
        lock (_gate) _subfields[(type, fieldNodes)] = collected;
        return collected;
    }
}
