using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Execution;

/// <summary>One GraphQL request: a document (text or parsed), an operation name, variables, extensions.</summary>
public sealed class ExecutionRequest
{
    public string? Query { get; init; }

    /// <summary>An already-parsed document; takes precedence over <see cref="Query"/>.</summary>
    public DocumentNode? Document { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Raw (JSON-decoded) variable values: null, bool, string, long, double, lists, maps.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
    public object? RootValue { get; init; }
    public IServiceProvider? Services { get; init; }
    public IDictionary<string, object?>? ContextData { get; init; }

    /// <summary>Which operation types may run (GET requests allow only queries).</summary>
    public IReadOnlySet<OperationType>? AllowedOperations { get; init; }
}

/// <summary>
/// "The response to the request must be a map": data, errors, extensions.
/// https://spec.graphql.org/October2021/#sec-Response-Format
/// </summary>
public sealed class ExecutionResult
{
    /// <summary>
    /// The data entry. <c>HasData</c> false means the request failed before execution (no "data" key);
    /// true with a null <c>Data</c> means execution ran and null propagated to the root.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    public bool HasData { get; init; }
    public IReadOnlyList<GraphQLError>? Errors { get; init; }
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };
}
