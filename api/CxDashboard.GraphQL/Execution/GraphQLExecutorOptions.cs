using CxDashboard.GraphQL.Validation;

namespace CxDashboard.GraphQL.Execution;

public sealed class GraphQLExecutorOptions
{
    /// <summary>Limits and rules of the validation stage (depth, nodes, cost, …).</summary>
    public ValidationOptions Validation { get; set; } = new();

    /// <summary>How many distinct query texts keep their parsed and validated document (least recently used go first).</summary>
    public int DocumentCacheSize { get; set; } = 500;
}
