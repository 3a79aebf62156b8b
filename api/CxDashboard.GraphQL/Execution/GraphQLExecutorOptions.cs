using CxDashboard.GraphQL.Validation;

namespace CxDashboard.GraphQL.Execution;

public sealed class GraphQLExecutorOptions
{
    /// <summary>Limits and rules of the validation stage (depth, nodes, cost, …).</summary>
    public ValidationOptions Validation { get; set; } = new();

    /// <summary>How many distinct query texts keep their parsed and validated document (least recently used go first).</summary>
    public int DocumentCacheSize { get; set; } = 500;

    /// <summary>
    /// The most lexical tokens a query text may have (<see cref="Language.ParserOptions.MaxTokens"/>); the parser
    /// stops with "Document contains more than N tokens. Parsing aborted." instead of building a huge AST.
    /// Null (default) means no limit. <see cref="ValidationOptions.MaxDocumentLength"/> is also checked before
    /// parsing, on the raw text.
    /// </summary>
    public int? MaxTokens { get; set; }

    /// <summary>
    /// Whether a field error masked as "Unexpected error." (a resolver threw something other than a
    /// GraphQLException) carries the exception's type, message and stack trace under <c>extensions.exception</c>.
    /// Off by default: exception messages can reveal SQL, paths or connection details. Turn it on in Development only.
    /// </summary>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>
    /// The time an operation may run once execution starts. When it passes, the cancellation token resolvers and
    /// DataLoader batches see is cancelled (a database command on it is cancelled at the server), and the result is
    /// <c>data: null</c> with one error whose <c>extensions.code</c> is <c>TIMEOUT</c>, never a masked
    /// "Unexpected error.". Null (default): no limit.
    /// </summary>
    public TimeSpan? ExecutionTimeout { get; set; }

    /// <summary>
    /// The host's reading of exceptions it recognises as the client's doing (a database refusing a value the client
    /// sent, a statement timeout): the error to report in place of "Unexpected error." (its message and extensions;
    /// the field's locations and path are kept), or null to keep the masked, logged error.
    /// </summary>
    public Func<Exception, GraphQLError?>? TranslateException { get; set; }
}
