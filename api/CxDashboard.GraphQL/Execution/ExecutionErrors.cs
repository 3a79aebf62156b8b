using System.Collections;
using System.Globalization;
using System.Text;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Every error the execution stage produces, in one place, worded as graphql-js words them so that
/// conformance runs can compare messages.
/// https://spec.graphql.org/October2021/#sec-Errors
/// </summary>
internal static class ExecutionErrors
{
    // ---- operation selection (GetOperation) ----

    public static GraphQLError NoOperation() => new("Must provide an operation.");

    public static GraphQLError OperationNameRequired() =>
        new("Must provide operation name if query contains multiple operations.");

    public static GraphQLError UnknownOperation(string name) => new($"Unknown operation named \"{name}\".");

    public static GraphQLError NoDocument() => new("Must provide query string.");

    public static GraphQLError OperationNotAllowed(OperationDefinitionNode op, IReadOnlySet<OperationType> allowed) =>
        new($"Operation type \"{Keyword(op.Operation)}\" is not allowed for this request; allowed: {string.Join(", ", allowed.Order().Select(Keyword))}.",
            [op.Location], extensions: new Dictionary<string, object?> { ["code"] = "OPERATION_NOT_ALLOWED" });

    public static GraphQLError RootTypeMissing(OperationDefinitionNode op) =>
        GraphQLError.At($"Schema is not configured to execute {Keyword(op.Operation)} operation.", op);

    public static GraphQLError SubscriptionsNotSupported(OperationDefinitionNode op) =>
        GraphQLError.At("Subscription operations are not supported by this server; use a query or a mutation.", op);

    /// <summary>The operation ran past <see cref="GraphQLExecutorOptions.ExecutionTimeout"/> and was stopped.</summary>
    public static GraphQLError TimedOut(OperationDefinitionNode op, TimeSpan budget) =>
        new($"The operation ran longer than its time budget of {budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s and was stopped; ask for less (a shorter period, fewer units or fields).",
            [op.Location], extensions: new Dictionary<string, object?> { ["code"] = "TIMEOUT" });

    // ---- variables (CoerceVariableValues) ----

    public static GraphQLError VariableNotInputType(VariableDefinitionNode def) =>
        GraphQLError.At($"Variable \"${def.Variable.Name.Value}\" expected value of type \"{Printer.Print(def.Type)}\" which cannot be used as an input type.", def.Type);

    public static GraphQLError VariableNotProvided(VariableDefinitionNode def, GraphQLType type) =>
        GraphQLError.At($"Variable \"${def.Variable.Name.Value}\" of required type \"{type}\" was not provided.", def);

    public static GraphQLError VariableNull(VariableDefinitionNode def, GraphQLType type) =>
        GraphQLError.At($"Variable \"${def.Variable.Name.Value}\" of non-null type \"{type}\" must not be null.", def);

    /// <summary>graphql-js: <c>Variable "$x" got invalid value 1.5 at "x.y[0]"; Int cannot represent …</c></summary>
    public static GraphQLError VariableInvalid(VariableDefinitionNode def, object? invalidValue, string path, string reason)
    {
        var name = def.Variable.Name.Value;
        var prefix = $"Variable \"${name}\" got invalid value {Inspect(invalidValue)}";
        if (path.Length > 0) prefix += $" at \"{name}{path}\"";
        return GraphQLError.At(prefix + "; " + reason, def);
    }

    // reasons of input coercion failures (coerceInputValue in graphql-js)
    public static string ExpectedNonNull(GraphQLType type) => $"Expected non-nullable type \"{type}\" not to be null.";
    public static string ExpectedObject(InputObjectType type) => $"Expected type \"{type.Name}\" to be an object.";
    public static string InputFieldNotProvided(InputValueDefinition field) =>
        $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.";
    public static string InputFieldUnknown(string fieldName, InputObjectType type) =>
        $"Field \"{fieldName}\" is not defined by type \"{type.Name}\"." + DidYouMean(fieldName, type.Fields.Select(f => f.Name));
    public static string ExpectedType(NamedType type) => $"Expected type \"{type.Name}\".";
    public static string NestedTooDeeply() => "The value nests lists and input objects deeper than the document nesting limit.";

    // ---- arguments (CoerceArgumentValues) ----

    public static GraphQLError ArgumentNotProvided(InputValueDefinition arg, Node node) =>
        GraphQLError.At($"Argument \"{arg.Name}\" of required type \"{arg.Type}\" was not provided.", node);

    public static GraphQLError ArgumentVariableNotProvided(InputValueDefinition arg, VariableNode variable) =>
        GraphQLError.At($"Argument \"{arg.Name}\" of required type \"{arg.Type}\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.", variable);

    public static GraphQLError ArgumentNull(InputValueDefinition arg, ValueNode value) =>
        GraphQLError.At($"Argument \"{arg.Name}\" of non-null type \"{arg.Type}\" must not be null.", value);

    public static GraphQLError ArgumentInvalid(InputValueDefinition arg, ValueNode value) =>
        GraphQLError.At($"Argument \"{arg.Name}\" has invalid value {Printer.Print(value)}.", value);

    public static GraphQLError DefaultValueInvalid(InputValueDefinition arg) =>
        new($"Default value of \"{arg.Name}\" is not a valid \"{arg.Type}\".");

    // ---- field execution ----

    public static GraphQLError FieldNotFound(ObjectType parent, FieldNode field) =>
        GraphQLError.At($"Cannot query field \"{field.Name.Value}\" on type \"{parent.Name}\".", field);

    public static GraphQLError NonNullIsNull(ObjectType parent, FieldDefinition field, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        AtPath($"Cannot return null for non-nullable field {parent.Name}.{field.Name}.", nodes, path);

    public static GraphQLError ExpectedIterable(ObjectType parent, FieldDefinition field, object value, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        AtPath($"Expected Iterable, but did not find one for field \"{parent.Name}.{field.Name}\" (got {value.GetType().Name}).", nodes, path);

    /// <summary>A scalar's or enum's coercion failure keeps its message ("Int cannot represent …"); any other exception is masked.</summary>
    public static GraphQLError LeafNotSerializable(Exception e, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        e is CoercionException ? AtPath(e.Message, nodes, path) : FromException(e, nodes, path).First();

    public static GraphQLError AbstractTypeUnresolved(NamedType abstractType, ObjectType parent, FieldDefinition field, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        AtPath($"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{parent.Name}.{field.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.", nodes, path);

    public static GraphQLError NotPossibleType(NamedType abstractType, ObjectType runtime, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        AtPath($"Runtime Object type \"{runtime.Name}\" is not a possible type for \"{abstractType.Name}\".", nodes, path);

    /// <summary>What a field error says in place of an unexpected exception's own message.</summary>
    public const string UnexpectedMessage = "Unexpected error.";

    /// <summary>
    /// A resolver's exception becomes a field error. A <see cref="GraphQLException"/> is raised on purpose and
    /// keeps its own errors (given the field's locations and path when they have none); any other exception is
    /// a bug or an outage whose message may reveal internals (SQL, file paths, connection strings), so the
    /// client reads only "Unexpected error." with the path and locations, and the executor logs the exception
    /// (see <see cref="ReportUnexpected"/>).
    /// </summary>
    public static IEnumerable<GraphQLError> FromException(Exception e, IReadOnlyList<FieldNode> nodes, ResponsePath path)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        if (e is GraphQLException gqe)
        {
            foreach (var err in gqe.Errors)
                yield return new GraphQLError(err.Message, err.Locations ?? Locations(nodes), err.Path ?? path.ToList(), err.Extensions)
                {
                    Exception = err.Exception ?? e,
                };
            yield break;
        }
        yield return new GraphQLError(UnexpectedMessage, Locations(nodes), path.ToList()) { Exception = e, IsUnexpected = true };
    }

    /// <summary>
    /// Once an operation has run: logs every masked error's exception (with the field's path) and, when the host
    /// asks for it (<see cref="GraphQLExecutorOptions.IncludeExceptionDetails"/>, e.g. in Development), puts the
    /// exception's type, message and stack trace under <c>extensions.exception</c>.
    /// </summary>
    public static IReadOnlyList<GraphQLError> ReportUnexpected(IReadOnlyList<GraphQLError> errors, bool includeDetails,
        Microsoft.Extensions.Logging.ILogger? logger, Func<Exception, GraphQLError?>? translate = null)
    {
        if (!errors.Any(e => e.IsUnexpected)) return errors;
        var reported = new List<GraphQLError>(errors.Count);
        foreach (var error in errors)
        {
            if (!error.IsUnexpected || error.Exception is not { } e)
            {
                reported.Add(error);
                continue;
            }
            // an exception the host recognises (GraphQLExecutorOptions.TranslateException) is the client's to read
            if (translate?.Invoke(e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e) is { } known)
            {
                reported.Add(new GraphQLError(known.Message, error.Locations, error.Path, known.Extensions) { Exception = e });
                continue;
            }
            if (logger is not null)
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, e, "GraphQL resolver failed at {Path}",
                    string.Join(".", error.Path ?? []));
            reported.Add(!includeDetails ? error : new GraphQLError(error.Message, error.Locations, error.Path,
                new Dictionary<string, object?>
                {
                    ["exception"] = new Dictionary<string, object?>
                    {
                        ["type"] = e.GetType().FullName,
                        ["message"] = e.Message,
                        ["stackTrace"] = e.StackTrace,
                    },
                })
            { Exception = e, IsUnexpected = true });
        }
        return reported;
    }

    /// <summary>An argument coercion error of a field gets the field's path.</summary>
    public static GraphQLError WithPath(GraphQLError error, ResponsePath path) =>
        new(error.Message, error.Locations, path.ToList(), error.Extensions) { Exception = error.Exception, IsUnexpected = error.IsUnexpected };

    private static GraphQLError AtPath(string message, IReadOnlyList<FieldNode> nodes, ResponsePath path) =>
        new(message, Locations(nodes), path.ToList());

    private static SourceLocation[] Locations(IReadOnlyList<FieldNode> nodes) => nodes.Select(n => n.Location).ToArray();

    private static string Keyword(OperationType t) => t switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    /// <summary>graphql-js's suggestions (suggestionList + didYouMean), shared with validation's messages.</summary>
    private static string DidYouMean(string input, IEnumerable<string> options) =>
        Validation.ValidationErrors.DidYouMean(Validation.Suggestions.For(input, options));

    /// <summary>
    /// A raw input value as graphql-js's <c>inspect</c> prints it: <c>"a"</c>, <c>[1, 2]</c>, <c>{ a: true }</c>; lists and
    /// maps nested deeper than two levels as <c>[Array]</c> / <c>[Object]</c>, lists past ten items as
    /// <c>... N more items</c>, so a message about a huge or deeply nested value stays short (and its printing
    /// shallow).
    /// </summary>
    public static string Inspect(object? value)
    {
        const int maxDepth = 2, maxItems = 10;
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();

        static void Write(StringBuilder sb, object? v, int seen)
        {
            switch (v)
            {
                case null: sb.Append("null"); break;
                case string s: sb.Append(System.Text.Json.JsonSerializer.Serialize(s)); break;
                case bool b: sb.Append(b ? "true" : "false"); break;
                case IReadOnlyDictionary<string, object?> map:
                    if (map.Count == 0) { sb.Append("{}"); break; }
                    if (seen >= maxDepth) { sb.Append("[Object]"); break; }
                    sb.Append("{ ");
                    var first = true;
                    foreach (var (k, val) in map)
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        sb.Append(k).Append(": ");
                        Write(sb, val, seen + 1);
                    }
                    sb.Append(" }");
                    break;
                case IEnumerable list:
                    var items = list.Cast<object?>().Take(maxItems + 1).ToList();
                    if (items.Count == 0) { sb.Append("[]"); break; }
                    if (seen >= maxDepth) { sb.Append("[Array]"); break; }
                    sb.Append('[');
                    for (var i = 0; i < Math.Min(items.Count, maxItems); i++)
                    {
                        if (i > 0) sb.Append(", ");
                        Write(sb, items[i], seen + 1);
                    }
                    if (items.Count > maxItems)
                    {
                        var remaining = list.Cast<object?>().Count() - maxItems;
                        sb.Append(remaining == 1 ? ", ... 1 more item" : $", ... {remaining} more items");
                    }
                    sb.Append(']');
                    break;
                case IFormattable f: sb.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
                default: sb.Append(v); break;
            }
        }
    }
}
