using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>What every step of one operation's execution shares: schema, document parts, variables, errors.</summary>
internal sealed class OperationContext
{
    private readonly Lock _gate = new();
    private List<GraphQLError>? _errors;

    public OperationContext(Schema schema, ExecutionPlan plan, OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables, object? rootValue, IServiceProvider services,
        IDictionary<string, object?> contextData, CancellationToken cancellationToken)
    {
        Schema = schema;
        Plan = plan;
        Operation = operation;
        Variables = variables;
        RootValue = rootValue;
        Services = services;
        ContextData = contextData;
        CancellationToken = cancellationToken;
        Collector = new FieldCollector(schema, plan.Fragments, variables);
    }

    public Schema Schema { get; }
    public ExecutionPlan Plan { get; }
    public OperationDefinitionNode Operation { get; }
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => Plan.Fragments;
    public IReadOnlyDictionary<string, object?> Variables { get; }
    public object? RootValue { get; }
    public IServiceProvider Services { get; }
    public IDictionary<string, object?> ContextData { get; }
    public CancellationToken CancellationToken { get; }
    public FieldCollector Collector { get; }

    public void AddError(GraphQLError error)
    {
        lock (_gate) (_errors ??= []).Add(error);
    }

    /// <summary>The errors so far (a copy), null when there are none.</summary>
    public IReadOnlyList<GraphQLError>? Errors
    {
        get
        {
            lock (_gate) return _errors is { Count: > 0 } ? _errors.ToList() : null;
        }
    }
}
