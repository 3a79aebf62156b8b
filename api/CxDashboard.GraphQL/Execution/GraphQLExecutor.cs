using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;
using CxDashboard.GraphQL.Validation.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Runs requests against a schema: parse (cached), validate, pick the operation, coerce variables,
/// execute. "To execute a request, the executor must have a parsed Document and a selected operation
/// name to run if the document defines multiple operations, otherwise the document is expected to
/// only contain a single operation." https://spec.graphql.org/October2021/#sec-Executing-Requests
/// Thread-safe; one instance serves every request of a schema.
/// </summary>
public sealed class GraphQLExecutor
{
    private readonly DocumentCache _documents;

    // plans of documents handed over already parsed (ExecutionRequest.Document), for as long as the caller keeps them
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DocumentNode, ExecutionPlan> _plans = new();

    public GraphQLExecutor(Schema schema, GraphQLExecutorOptions? options = null)
    {
        Schema = schema;
        Options = options ?? new GraphQLExecutorOptions();
        _documents = new DocumentCache(Options.DocumentCacheSize);
        _parserOptions = new ParserOptions { MaxTokens = Options.MaxTokens, MaxDepth = Options.Validation.MaxNestingDepth };
    }

    private readonly ParserOptions _parserOptions;

    public Schema Schema { get; }
    public GraphQLExecutorOptions Options { get; }

    /// <summary>Number of query texts currently cached (diagnostics and tests).</summary>
    public int CachedDocumentCount => _documents.Count;

    /// <summary>
    /// Executes the request. Request errors (syntax, validation, operation selection, variables) come back
    /// as a result without data; field errors as data plus errors. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var (document, plan, documentErrors) = Prepare(request);
        if (document is null || plan is null) return ExecutionResult.RequestError(documentErrors);

        var (operation, operationError) = OperationSelection.GetOperation(document, request.OperationName);
        if (operation is null) return ExecutionResult.RequestError([operationError!]);

        if (request.AllowedOperations is { } allowed && !allowed.Contains(operation.Operation))
            return ExecutionResult.RequestError([ExecutionErrors.OperationNotAllowed(operation, allowed)]);
        if (operation.Operation == OperationType.Subscription)
            return ExecutionResult.RequestError([ExecutionErrors.SubscriptionsNotSupported(operation)]);
        var rootType = Schema.GetRootType(operation.Operation);
        if (rootType is null) return ExecutionResult.RequestError([ExecutionErrors.RootTypeMissing(operation)]);

        var (variables, variableErrors) = VariableCoercion.CoerceVariableValues(Schema, operation, request.Variables,
            Options.Validation.MaxNestingDepth);
        if (variableErrors.Count > 0) return ExecutionResult.RequestError(variableErrors);

        return await ExecuteOperationAsync(request, plan, operation, rootType, variables, cancellationToken);
    }

    /// <summary>
    /// The request's document, parsed and validated, with its execution plan (both from the cache when the
    /// text was seen before).
    /// </summary>
    private (DocumentNode? Document, ExecutionPlan? Plan, IReadOnlyList<GraphQLError> Errors) Prepare(ExecutionRequest request)
    {
        if (request.Document is { } given)
        {
            var errors = DocumentValidator.Validate(Schema, given, Options.Validation);
            return errors.Count > 0 ? (null, null, errors) : (given, _plans.GetValue(given, static d => new ExecutionPlan(d)), errors);
        }
        if (string.IsNullOrWhiteSpace(request.Query)) return (null, null, [ExecutionErrors.NoDocument()]);

        if (_documents.TryGet(request.Query, out var cached)) return (cached.Document, cached.Plan, cached.Errors);

        // Limits that guard the parser run before it: an oversized text is refused without lexing it, and a
        // token bomb (a short text of countless tokens) stops at MaxTokens before an AST is built. Neither is
        // cached, so a flood of distinct huge texts cannot evict the cached documents of real clients.
        if (DocumentLengthLimit.Check(request.Query, Options.Validation) is { } tooLong) return (null, null, [tooLong]);

        DocumentCache.Entry entry;
        try
        {
            var document = Parser.Parse(request.Query, _parserOptions);
            var errors = DocumentValidator.Validate(Schema, document, Options.Validation);
            entry = errors.Count > 0
                ? new DocumentCache.Entry(null, null, errors)
                : new DocumentCache.Entry(document, new ExecutionPlan(document), errors);
        }
        catch (GraphQLException e)
        {
            entry = new DocumentCache.Entry(null, null, e.Errors);
        }
        _documents.Add(request.Query, entry);
        return (entry.Document, entry.Plan, entry.Errors);
    }

    /// <summary>
    /// ExecuteQuery / ExecuteMutation on the request's own scheduler, which also dispatches DataLoader batches.
    /// The scheduler starts on the calling thread: synchronous resolvers complete before this returns.
    /// https://spec.graphql.org/October2021/#sec-Executing-Operations
    /// </summary>
    private Task<ExecutionResult> ExecuteOperationAsync(ExecutionRequest request, ExecutionPlan plan,
        OperationDefinitionNode operation, ObjectType rootType, IReadOnlyDictionary<string, object?> variables,
        CancellationToken cancellationToken)
    {
        // the time budget: the caller's token, or one that also cancels when the budget has run out
        var budget = Options.ExecutionTimeout is { } timeout ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        budget?.CancelAfter(Options.ExecutionTimeout!.Value);
        var caller = cancellationToken;
        cancellationToken = budget?.Token ?? cancellationToken;

        var scheduler = new ExecutionScheduler();
        var contextData = request.ContextData ?? new Dictionary<string, object?>();
        var registry = new DataLoaderRegistry(scheduler, cancellationToken);
        contextData[DataLoaderRegistry.ContextKey] = registry;
        scheduler.OnIdle = registry.DispatchPending;

        var context = new OperationContext(Schema,
            plan, operation, variables, request.RootValue, request.Services ?? EmptyServices.Instance, contextData, cancellationToken);
        var executor = new OperationExecutor(context);

        var done = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.OnUnhandled = e => done.TrySetException(e);
        scheduler.RunInline(async _ =>
        {
            try
            {
                var data = await executor.ExecuteRoot(rootType, serially: operation.Operation == OperationType.Mutation);
                var errors = context.Errors is { } reported
                    ? ExecutionErrors.ReportUnexpected(reported, Options.IncludeExceptionDetails, Logger(request.Services), Options.TranslateException)
                    : null;
                done.TrySetResult(new ExecutionResult
                {
                    Data = data as ResultMap, HasData = true, Errors = errors,
                });
            }
            catch (OperationCanceledException) when (caller.IsCancellationRequested)
            {
                done.TrySetCanceled(caller);
            }
            catch (OperationCanceledException) when (budget is { IsCancellationRequested: true })
            {
                done.TrySetResult(new ExecutionResult
                {
                    Data = null, HasData = true, Errors = [ExecutionErrors.TimedOut(operation, Options.ExecutionTimeout!.Value)],
                });
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
            finally
            {
                budget?.Dispose();
            }
        }, null);
        return done.Task;
    }

    /// <summary>The request services' logger for masked resolver exceptions, when the host has logging.</summary>
    private static ILogger? Logger(IServiceProvider? services) =>
        services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLExecutor).FullName!);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
