using System.Collections;
using System.Reflection;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Executes one operation's selection sets: resolves fields (siblings concurrently for queries,
/// one after the other for mutations), completes values and propagates nulls.
/// https://spec.graphql.org/October2021/#sec-Executing-Selection-Sets
/// </summary>
internal sealed class OperationExecutor(OperationContext context)
{
    /// <summary>
    /// Stands for "null because of an error already reported" at a position. A Non-Null position passes it
    /// up to its parent; a nullable position turns it into null. This is how
    /// "the null result will propagate to the next nullable field" without reporting the error twice.
    /// https://spec.graphql.org/October2021/#sec-Handling-Field-Errors
    /// </summary>
    private static readonly object Bubble = new();

    /// <summary>
    /// "If the operation is a mutation, the result of the operation is the result of executing the
    /// operation's top level selection set on the mutation root object type. This selection set should
    /// be executed serially." https://spec.graphql.org/October2021/#sec-Mutation
    /// </summary>
    public async Task<OrderedDictionary<string, object?>?> ExecuteRootAsync(ObjectType rootType, bool serially)
    {
        var fields = context.Collector.CollectFields(rootType, context.Operation.SelectionSet);
        var result = serially
            ? await ExecuteFieldsSeriallyAsync(rootType, context.RootValue, fields)
            : await ExecuteFieldsAsync(rootType, context.RootValue, fields, null);
        return result as OrderedDictionary<string, object?>;
    }

    /// <summary>
    /// "Normally the executor can execute the entries in a grouped field set in whatever order it chooses
    /// (normally in parallel)." Every field starts before any is awaited; the map keeps selection order.
    /// https://spec.graphql.org/October2021/#sec-Normal-and-Serial-Execution
    /// </summary>
    private async ValueTask<object?> ExecuteFieldsAsync(ObjectType type, object? source,
        OrderedDictionary<string, List<FieldNode>> fields, ResponsePath? path)
    {
        var keys = new string[fields.Count];
        var pending = new ValueTask<object?>[fields.Count];
        var n = 0;
        foreach (var (key, nodes) in fields)
        {
            // "If fieldType is defined" — a field unknown to the type (only in unvalidated documents) is left out
            if (context.Schema.GetFieldDefinition(type, nodes[0].Name.Value) is not { } definition) continue;
            keys[n] = key;
            pending[n++] = ExecuteFieldAsync(type, source, definition, nodes, path?.Field(key) ?? ResponsePath.Root(key));
        }

        var result = new OrderedDictionary<string, object?>(n, StringComparer.Ordinal);
        var bubble = false;
        OperationCanceledException? canceled = null;
        for (var i = 0; i < n; i++)
        {
            object? value;
            try
            {
                value = pending[i].IsCompletedSuccessfully ? pending[i].Result : await pending[i];
            }
            catch (OperationCanceledException e)
            {
                // keep awaiting the siblings so that no resolver outlives the request
                canceled ??= e;
                continue;
            }
            if (ReferenceEquals(value, Bubble)) bubble = true;
            else result.Add(keys[i], value);
        }
        if (canceled is not null) throw canceled;
        return bubble ? Bubble : result;
    }

    /// <summary>"… each field in the grouped field set must be executed serially" (mutations).</summary>
    private async ValueTask<object?> ExecuteFieldsSeriallyAsync(ObjectType type, object? source,
        OrderedDictionary<string, List<FieldNode>> fields)
    {
        var result = new OrderedDictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, nodes) in fields)
        {
            if (context.Schema.GetFieldDefinition(type, nodes[0].Name.Value) is not { } definition) continue;
            var value = await ExecuteFieldAsync(type, source, definition, nodes, ResponsePath.Root(key));
            if (ReferenceEquals(value, Bubble)) return Bubble;
            result.Add(key, value);
        }
        return result;
    }

    /// <summary>
    /// ExecuteField(objectType, objectValue, fieldType, fields, variableValues): coerce the arguments,
    /// resolve, complete. "If a field error is raised while resolving a field, it is handled as though
    /// the field returned null, and the error must be added to the errors list in the response."
    /// https://spec.graphql.org/October2021/#ExecuteField()
    /// </summary>
    private async ValueTask<object?> ExecuteFieldAsync(ObjectType parentType, object? source, FieldDefinition definition,
        List<FieldNode> nodes, ResponsePath path)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        ResolveContext? field = null;
        object? resolved;
        try
        {
            var node = nodes[0];
            var arguments = ArgumentCoercion.CoerceArgumentValues(definition.Arguments, node, node.Arguments, context.Variables);
            field = new ResolveContext(context, parentType, source, definition, nodes, arguments, path);
            resolved = await ResolveFieldValueAsync(field, source, definition);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            foreach (var error in ExecutionErrors.FromException(e, nodes, path)) context.AddError(error);
            return definition.Type is NonNullType ? Bubble : null;
        }

        var completed = await CompleteValueAsync(field, definition.Type, resolved, path);
        return ReferenceEquals(completed, Bubble) && definition.Type is not NonNullType ? null : completed;
    }

    /// <summary>
    /// ResolveFieldValue(objectType, objectValue, fieldName, argumentValues): the field's resolver, or the
    /// default resolver. https://spec.graphql.org/October2021/#ResolveFieldValue()
    /// </summary>
    private static async ValueTask<object?> ResolveFieldValueAsync(ResolveContext field, object? source, FieldDefinition definition)
    {
        object? value;
        if (definition.Resolver is { } resolver)
        {
            var pending = resolver(field);
            value = pending.IsCompletedSuccessfully ? pending.Result : await pending;
        }
        else
            value = DefaultFieldResolver.Resolve(source, definition.Name);

        return value is Task task ? await UnwrapAsync(task) : value;
    }

    /// <summary>A Task handed back as a value (a method found by the default resolver): its result.</summary>
    private static async ValueTask<object?> UnwrapAsync(Task task)
    {
        await task;
        var result = task.GetType().GetProperty("Result", BindingFlags.Public | BindingFlags.Instance);
        return result is null || result.PropertyType.Name == "VoidTaskResult" ? null : result.GetValue(task);
    }

    /// <summary>
    /// CompleteValue(fieldType, fields, result, variableValues).
    /// "If the fieldType is a Non-Null type: … If completedResult is null, raise a field error."
    /// https://spec.graphql.org/October2021/#CompleteValue()
    /// </summary>
    private async ValueTask<object?> CompleteValueAsync(ResolveContext field, GraphQLType type, object? value, ResponsePath path)
    {
        if (type is NonNullType nonNull)
        {
            var completed = await CompleteValueAsync(field, nonNull.OfType, value, path);
            if (ReferenceEquals(completed, Bubble)) return Bubble;
            if (completed is null)
            {
                context.AddError(ExecutionErrors.NonNullIsNull(field.ParentType, field.Field, field.FieldNodes, path));
                return Bubble;
            }
            return completed;
        }

        if (value is null) return null;

        switch (type)
        {
            case ListType list:
                return await CompleteListAsync(field, list, value, path);

            case ScalarType scalar:
                return Serialize(field, () => scalar.Serialize(value), path);

            case EnumType enumType:
                return Serialize(field, () => enumType.Serialize(value), path);

            case ObjectType objectType:
                return await ExecuteFieldsAsync(objectType, value, context.Subfields(objectType, field.FieldNodes), path);

            case InterfaceType or UnionType:
                var runtimeType = ResolveAbstractType(field, (NamedType)type, value, path);
                if (runtimeType is null) return Bubble;
                return await ExecuteFieldsAsync(runtimeType, value, context.Subfields(runtimeType, field.FieldNodes), path);

            default:
                throw new InvalidOperationException($"{type} is not an output type.");
        }
    }

    /// <summary>
    /// "If fieldType is a List type: If result is not a collection of values, raise a field error. …
    /// Return a list where each list item is the result of calling CompleteValue(innerType, …)."
    /// Items complete concurrently; a Non-Null item's error nulls the whole list.
    /// </summary>
    private async ValueTask<object?> CompleteListAsync(ResolveContext field, ListType type, object value, ResponsePath path)
    {
        IEnumerable items;
        if (value is IAsyncEnumerable<object?> stream)
        {
            var buffered = new List<object?>();
            await foreach (var item in stream.WithCancellation(context.CancellationToken)) buffered.Add(item);
            items = buffered;
        }
        else if (value is IEnumerable enumerable and not string and not IDictionary)
            items = enumerable;
        else
        {
            context.AddError(ExecutionErrors.ExpectedIterable(field.ParentType, field.Field, value, field.FieldNodes, path));
            return Bubble;
        }

        var pending = new List<ValueTask<object?>>(items is ICollection c ? c.Count : 4);
        var index = 0;
        foreach (var item in items)
            pending.Add(CompleteValueAsync(field, type.OfType, item, path.Index(index++)));

        var result = new List<object?>(pending.Count);
        var bubble = false;
        OperationCanceledException? canceled = null;
        foreach (var p in pending)
        {
            object? completed;
            try
            {
                completed = p.IsCompletedSuccessfully ? p.Result : await p;
            }
            catch (OperationCanceledException e)
            {
                canceled ??= e;
                continue;
            }
            if (ReferenceEquals(completed, Bubble))
            {
                if (type.OfType is NonNullType) bubble = true;
                completed = null;
            }
            result.Add(completed);
        }
        if (canceled is not null) throw canceled;
        return bubble ? Bubble : result;
    }

    /// <summary>"If fieldType is a Scalar or Enum type: Return the result of CoerceResult(fieldType, result)."</summary>
    private object? Serialize(ResolveContext field, Func<object?> serialize, ResponsePath path)
    {
        try
        {
            return serialize();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.AddError(ExecutionErrors.LeafNotSerializable(e, field.FieldNodes, path));
            return Bubble;
        }
    }

    /// <summary>
    /// ResolveAbstractType(abstractType, objectValue): the type's ResolveType, else the first possible type
    /// whose IsTypeOf accepts the value, else a map's "__typename" entry.
    /// https://spec.graphql.org/October2021/#ResolveAbstractType()
    /// </summary>
    private ObjectType? ResolveAbstractType(ResolveContext field, NamedType abstractType, object value, ResponsePath path)
    {
        ObjectType? runtime;
        try
        {
            var resolveType = abstractType switch
            {
                InterfaceType i => i.ResolveType,
                UnionType u => u.ResolveType,
                _ => null,
            };
            runtime = resolveType is not null
                ? resolveType(value, field)
                : context.Schema.GetPossibleTypes(abstractType).FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true)
                  ?? (value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var n) && n is string name
                      ? context.Schema.GetType(name) as ObjectType
                      : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var error in ExecutionErrors.FromException(e, field.FieldNodes, path)) context.AddError(error);
            return null;
        }

        if (runtime is null)
        {
            context.AddError(ExecutionErrors.AbstractTypeUnresolved(abstractType, field.ParentType, field.Field, field.FieldNodes, path));
            return null;
        }
        // the schema's own instance (a resolver may hand back an equal type from elsewhere)
        var own = context.Schema.GetType(runtime.Name) as ObjectType;
        if (own is null || !context.Schema.IsPossibleType(abstractType, own))
        {
            context.AddError(ExecutionErrors.NotPossibleType(abstractType, runtime, field.FieldNodes, path));
            return null;
        }
        return own;
    }
}
