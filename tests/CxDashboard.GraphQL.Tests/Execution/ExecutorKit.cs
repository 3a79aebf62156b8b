using System.Text.Json;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>Small helpers to build test schemas from the low-level type classes and to run requests.</summary>
internal static class ExecutorKit
{
    public static NonNullType NonNull(GraphQLType t) => new(t);
    public static ListType ListOf(GraphQLType t) => new(t);

    public static FieldDefinition Field(string name, GraphQLType type, Func<IResolveContext, object?>? resolve = null)
    {
        var f = new FieldDefinition(name, type);
        if (resolve is not null) f.Resolver = ctx => ValueTask.FromResult(resolve(ctx));
        return f;
    }

    public static FieldDefinition AsyncField(string name, GraphQLType type, Func<IResolveContext, Task<object?>> resolve) =>
        new(name, type) { Resolver = ctx => new ValueTask<object?>(resolve(ctx)) };

    public static ObjectType Object(string name, params FieldDefinition[] fields)
    {
        var t = new ObjectType(name);
        foreach (var f in fields) t.AddField(f);
        return t;
    }

    public static FieldDefinition WithArgs(this FieldDefinition field, params InputValueDefinition[] args)
    {
        field.Arguments.AddRange(args);
        return field;
    }

    public static InputValueDefinition Arg(string name, GraphQLType type, string? defaultLiteral = null) =>
        new(name, type) { DefaultValue = defaultLiteral is null ? null : CxDashboard.GraphQL.Language.Parser.ParseConstValue(defaultLiteral) };

    public static Task<ExecutionResult> Run(Schema schema, string query, object? variables = null, string? operationName = null,
        object? root = null, IDictionary<string, object?>? contextData = null, CancellationToken ct = default) =>
        new GraphQLExecutor(schema).ExecuteAsync(new ExecutionRequest
        {
            Query = query,
            Variables = variables is null ? null : Raw(variables),
            OperationName = operationName,
            RootValue = root,
            ContextData = contextData,
        }, ct);

    /// <summary>Variables as the HTTP layer hands them over: JSON text decoded to null/bool/string/long/double/list/map.</summary>
    public static IReadOnlyDictionary<string, object?> Raw(object variables)
    {
        var json = variables as string ?? JsonSerializer.Serialize(variables);
        return (IReadOnlyDictionary<string, object?>)Decode(JsonDocument.Parse(json).RootElement)!;
    }

    private static object? Decode(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(Decode).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Decode(p.Value)),
        _ => throw new NotSupportedException(),
    };

    /// <summary>The data entry as compact JSON (<c>null</c> when execution nulled the root; "absent" without data).</summary>
    public static string Data(ExecutionResult r) => r.HasData ? JsonSerializer.Serialize(r.Data) : "absent";

    /// <summary>Errors as "message @path" lines, the path dotted with indices (<c>a.0.b</c>).</summary>
    public static string[] Errors(ExecutionResult r) =>
        (r.Errors ?? []).Select(e => e.Path is null ? e.Message : $"{e.Message} @{string.Join(".", e.Path)}").ToArray();

    public static string Messages(ExecutionResult r) => string.Join(" | ", (r.Errors ?? []).Select(e => e.Message));
}
