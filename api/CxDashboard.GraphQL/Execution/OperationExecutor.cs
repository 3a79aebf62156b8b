using System.Collections;
using System.Reflection;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Executes one operation's selection sets: resolves fields (siblings concurrently for queries,
/// one after the other for mutations), completes values and propagates nulls.
/// https://spec.graphql.org/October2021/#sec-Executing-Selection-Sets
/// </summary>
/// <remarks>
/// Every step returns a <see cref="ValueTask{TResult}"/> and finishes synchronously while resolvers do:
/// only when a resolver (or something below it) is still pending does a step continue in an async method
/// (the <c>…Async</c> continuations), which first starts every remaining sibling, then awaits them in order.
/// So a tree of synchronous resolvers runs as plain calls, without an async state machine per field.
/// Steps never throw: failures travel as faulted tasks, as they would out of async methods.
/// </remarks>
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
    /// The map, or null when null propagated to the root.
    /// </summary>
    public ValueTask<object?> ExecuteRoot(ObjectType rootType, bool serially)
    {
        try
        {
            var fields = context.Plan.RootFields(context, rootType, context.Operation.SelectionSet);
            var result = serially
                ? ExecuteFieldsSeriallyAsync(rootType, context.RootValue, fields)
                : ExecuteFields(rootType, context.RootValue, fields, null);
            if (!result.IsCompletedSuccessfully) return RootAsync(result);
            return new ValueTask<object?>(ReferenceEquals(result.Result, Bubble) ? null : result.Result);
        }
        catch (Exception e)
        {
            return ValueTask.FromException<object?>(e);
        }
    }

    private static async ValueTask<object?> RootAsync(ValueTask<object?> pending)
    {
        var result = await pending;
        return ReferenceEquals(result, Bubble) ? null : result;
    }

    /// <summary>
    /// "Normally the executor can execute the entries in a grouped field set in whatever order it chooses
    /// (normally in parallel)." Every field starts before any is awaited; the map keeps selection order.
    /// https://spec.graphql.org/October2021/#sec-Normal-and-Serial-Execution
    /// </summary>
    private ValueTask<object?> ExecuteFields(ObjectType type, object? source, GroupedFieldSet set, ResponsePath? path)
    {
        var fields = set.Fields;
        var result = new ResultMap(set.Keys);
        var bubble = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            // "If fieldType is defined" — a field unknown to the type (only in unvalidated documents) is left out
            if (field.Definition is null)
            {
                result.Leave(i);
                continue;
            }
            var pending = ExecuteField(type, source, field, path);
            if (!pending.IsCompletedSuccessfully)
                return ExecuteFieldsAsync(type, source, set, path, result, bubble, i, pending);
            var value = pending.Result;
            if (ReferenceEquals(value, Bubble)) bubble = true;
            else result.Set(i, value);
        }
        return new ValueTask<object?>(bubble ? Bubble : result);
    }

    /// <summary>The rest of <see cref="ExecuteFields"/> once field <paramref name="first"/> did not finish synchronously.</summary>
    private async ValueTask<object?> ExecuteFieldsAsync(ObjectType type, object? source, GroupedFieldSet set, ResponsePath? path,
        ResultMap result, bool bubble, int first, ValueTask<object?> firstPending)
    {
        var fields = set.Fields;
        var pending = new ValueTask<object?>[fields.Length - first];
        pending[0] = firstPending;
        for (var i = first + 1; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Definition is not null)
                pending[i - first] = ExecuteField(type, source, field, path);
            else
                result.Leave(i);
        }

        OperationCanceledException? canceled = null;
        for (var i = first; i < fields.Length; i++)
        {
            if (fields[i].Definition is null) continue;
            object? value;
            try
            {
                value = await pending[i - first];
            }
            catch (OperationCanceledException e)
            {
                // keep awaiting the siblings so that no resolver outlives the request
                canceled ??= e;
                continue;
            }
            if (ReferenceEquals(value, Bubble)) bubble = true;
            else result.Set(i, value);
        }
        if (canceled is not null) throw canceled;
        return bubble ? Bubble : result;
    }

    /// <summary>"… each field in the grouped field set must be executed serially" (mutations).</summary>
    private async ValueTask<object?> ExecuteFieldsSeriallyAsync(ObjectType type, object? source, GroupedFieldSet set)
    {
        var result = new ResultMap(set.Keys);
        for (var i = 0; i < set.Fields.Length; i++)
        {
            var field = set.Fields[i];
            if (field.Definition is null)
            {
                result.Leave(i);
                continue;
            }
            var value = await ExecuteField(type, source, field, null);
            if (ReferenceEquals(value, Bubble)) return Bubble;
            result.Set(i, value);
        }
        return result;
    }

    /// <summary>
    /// ExecuteField(objectType, objectValue, fieldType, fields, variableValues): coerce the arguments,
    /// resolve, complete. "If a field error is raised while resolving a field, it is handled as though
    /// the field returned null, and the error must be added to the errors list in the response."
    /// https://spec.graphql.org/October2021/#ExecuteField()
    /// </summary>
    /// <remarks>
    /// The field's response path is made only when something needs it (a resolver asking, an error, or a list or object
    /// below it): <paramref name="parentPath"/> is its parent's, and the steps below take a null path to mean "this
    /// field's own" (<see cref="ResolveContext.Path"/>). Most fields are leaves that never need theirs.
    /// </remarks>
    private ValueTask<object?> ExecuteField(ObjectType parentType, object? source, CollectedField collected, ResponsePath? parentPath)
    {
        var cancellationToken = context.CancellationToken;
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<object?>(cancellationToken);
        if (collected.Definition!.ParentResolver is { } fromParent && IsLeafWithoutArguments(collected.Definition))
            return new ValueTask<object?>(ExecuteLeafFromParent(parentType, source, collected, fromParent, parentPath));
        ResolveContext field;
        object? resolved;
        try
        {
            var arguments = collected.Arguments(context.Variables);
            field = new ResolveContext(context, parentType, source, collected, arguments, parentPath);
            resolved = ResolveFieldValue(field, source, collected.Definition!, out var resolving);
            if (resolving is { } pendingValue) return ResolveAndCompleteAsync(field, pendingValue);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromException<object?>(e);
        }
        catch (Exception e)
        {
            return new ValueTask<object?>(FieldError(e, collected, parentPath?.Field(collected.ResponseKey) ?? ResponsePath.Root(collected.ResponseKey)));
        }

        try
        {
            return CompleteField(field, resolved, null);
        }
        catch (Exception e)
        {
            return ValueTask.FromException<object?>(e);
        }
    }

    private static bool IsLeafWithoutArguments(FieldDefinition definition) =>
        definition.Arguments.Count == 0 && (definition.Type is NonNullType n ? n.OfType : definition.Type) is ScalarType or EnumType;

    /// <summary>
    /// ExecuteField for a leaf field whose value is read from the parent alone (<see cref="FieldDefinition.ParentResolver"/>):
    /// the same resolve, CompleteValue and error handling as the general path, with no resolve context and no path unless
    /// an error needs one. "If fieldType is a Scalar or Enum type: Return the result of CoerceResult(fieldType, result)."
    /// https://spec.graphql.org/October2021/#CompleteValue()
    /// </summary>
    private object? ExecuteLeafFromParent(ObjectType parentType, object? source, CollectedField collected, Func<object?, object?> fromParent,
        ResponsePath? parentPath)
    {
        var definition = collected.Definition!;
        var nonNull = definition.Type is NonNullType;
        object? value;
        try
        {
            value = fromParent(source);
            if (value is not null)
                value = SerializeLeaf(nonNull ? ((NonNullType)definition.Type).OfType : definition.Type, value, collected, null, parentPath);
        }
        catch (Exception e)
        {
            return FieldError(e, collected, PathOf(collected, parentPath));
        }
        if (ReferenceEquals(value, Bubble)) return nonNull ? Bubble : null;
        if (value is null && nonNull)
        {
            context.AddError(ExecutionErrors.NonNullIsNull(parentType, definition, collected.Nodes, PathOf(collected, parentPath)));
            return Bubble;
        }
        return value;
    }

    /// <summary>
    /// "If fieldType is a Scalar or Enum type: Return the result of CoerceResult(fieldType, result)." A value the type
    /// cannot represent is a field error (Bubble), reported at <paramref name="path"/>, or when that is null at the
    /// field's own path below <paramref name="parentPath"/> (made only then).
    /// </summary>
    private object? SerializeLeaf(GraphQLType leaf, object value, CollectedField collected, ResponsePath? path, ResponsePath? parentPath)
    {
        try
        {
            return leaf is ScalarType scalar ? scalar.Serialize(value) : ((EnumType)leaf).Serialize(value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.AddError(ExecutionErrors.LeafNotSerializable(e, collected.Nodes, path ?? PathOf(collected, parentPath)));
            return Bubble;
        }
    }

    private static ResponsePath PathOf(CollectedField collected, ResponsePath? parentPath) =>
        parentPath?.Field(collected.ResponseKey) ?? ResponsePath.Root(collected.ResponseKey);

    /// <summary>
    /// ResolveFieldValue(objectType, objectValue, fieldName, argumentValues): the field's resolver, or the
    /// default resolver. https://spec.graphql.org/October2021/#ResolveFieldValue()
    /// The value when it is there already; otherwise <paramref name="pending"/> is what will produce it.
    /// </summary>
    private static object? ResolveFieldValue(ResolveContext field, object? source, FieldDefinition definition,
        out ValueTask<object?>? pending)
    {
        pending = null;
        object? value;
        if (definition.Resolver is { } resolver)
        {
            var resolving = resolver(field);
            if (!resolving.IsCompletedSuccessfully)
            {
                pending = resolving;
                return null;
            }
            value = resolving.Result;
        }
        else
            value = DefaultFieldResolver.Resolve(source, definition.Name);

        // a Task handed back as a value (a method found by the default resolver): its result
        if (value is Task) pending = new ValueTask<object?>(value);
        return value;
    }

    private async ValueTask<object?> ResolveAndCompleteAsync(ResolveContext field, ValueTask<object?> resolving)
    {
        object? resolved;
        try
        {
            resolved = await resolving;
            if (resolved is Task task) resolved = await UnwrapAsync(task);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return FieldError(e, field.Collected, field.Path);
        }
        return await CompleteField(field, resolved, null);
    }

    /// <summary>A Task handed back as a value: its result.</summary>
    private static async ValueTask<object?> UnwrapAsync(Task task)
    {
        await task;
        var result = task.GetType().GetProperty("Result", BindingFlags.Public | BindingFlags.Instance);
        return result is null || result.PropertyType.Name == "VoidTaskResult" ? null : result.GetValue(task);
    }

    /// <summary>The error(s) of a failed resolver recorded; the field's value is null (Bubble when Non-Null).</summary>
    private object? FieldError(Exception e, CollectedField field, ResponsePath path)
    {
        foreach (var error in ExecutionErrors.FromException(e, field.Nodes, path)) context.AddError(error);
        return field.Definition!.Type is NonNullType ? Bubble : null;
    }

    /// <summary>CompleteValue for the field's type; a nullable field turns a propagated null into null.</summary>
    private ValueTask<object?> CompleteField(ResolveContext field, object? resolved, ResponsePath? path)
    {
        var type = field.Collected.Definition!.Type;
        var completing = CompleteValue(field, type, resolved, path);
        if (!completing.IsCompletedSuccessfully) return CompleteFieldAsync(completing, type);
        var completed = completing.Result;
        return new ValueTask<object?>(ReferenceEquals(completed, Bubble) && type is not NonNullType ? null : completed);
    }

    private static async ValueTask<object?> CompleteFieldAsync(ValueTask<object?> completing, GraphQLType type)
    {
        var completed = await completing;
        return ReferenceEquals(completed, Bubble) && type is not NonNullType ? null : completed;
    }

    /// <summary>
    /// CompleteValue(fieldType, fields, result, variableValues).
    /// "If the fieldType is a Non-Null type: … If completedResult is null, raise a field error."
    /// https://spec.graphql.org/October2021/#CompleteValue()
    /// </summary>
    private ValueTask<object?> CompleteValue(ResolveContext field, GraphQLType type, object? value, ResponsePath? path)
    {
        if (type is NonNullType nonNull)
        {
            var completing = CompleteValue(field, nonNull.OfType, value, path);
            if (!completing.IsCompletedSuccessfully) return CompleteNonNullAsync(field, completing, path);
            return new ValueTask<object?>(CheckNonNull(field, completing.Result, path));
        }

        if (value is null) return default;

        switch (type)
        {
            case ScalarType or EnumType:
                return new ValueTask<object?>(SerializeLeaf(type, value, field.Collected, path, field.ParentPath));

            case ListType list:
                return CompleteList(field, list, value, path);

            case ObjectType objectType:
                return ExecuteFields(objectType, value, field.Collected.Subfields(objectType, context), path ?? field.Path);

            case InterfaceType or UnionType:
                var runtimeType = ResolveAbstractType(field, (NamedType)type, value, path);
                if (runtimeType is null) return new ValueTask<object?>(Bubble);
                return ExecuteFields(runtimeType, value, field.Collected.Subfields(runtimeType, context), path ?? field.Path);

            default:
                throw new InvalidOperationException($"{type} is not an output type.");
        }
    }

    private async ValueTask<object?> CompleteNonNullAsync(ResolveContext field, ValueTask<object?> completing, ResponsePath? path) =>
        CheckNonNull(field, await completing, path);

    private object? CheckNonNull(ResolveContext field, object? completed, ResponsePath? path)
    {
        if (ReferenceEquals(completed, Bubble)) return Bubble;
        if (completed is null)
        {
            context.AddError(ExecutionErrors.NonNullIsNull(field.ParentType, field.Field, field.FieldNodes, path ?? field.Path));
            return Bubble;
        }
        return completed;
    }

    /// <summary>
    /// "If fieldType is a List type: If result is not a collection of values, raise a field error. …
    /// Return a list where each list item is the result of calling CompleteValue(innerType, …)."
    /// Items complete concurrently; a Non-Null item's error nulls the whole list.
    /// </summary>
    private ValueTask<object?> CompleteList(ResolveContext field, ListType type, object value, ResponsePath? itsPath)
    {
        var path = itsPath ?? field.Path;
        if (value is IAsyncEnumerable<object?> stream) return CompleteStreamAsync(field, type, stream, path);
        if (value is not IEnumerable enumerable || value is string || value is IDictionary)
        {
            context.AddError(ExecutionErrors.ExpectedIterable(field.ParentType, field.Field, value, field.FieldNodes, path));
            return new ValueTask<object?>(Bubble);
        }

        var itemType = type.OfType;
        var result = new List<object?>(enumerable is ICollection c ? c.Count : 4);
        var bubble = false;
        if (enumerable is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var completing = CompleteValue(field, itemType, list[i], path.Index(i));
                if (!completing.IsCompletedSuccessfully)
                    return CompleteListAsync(field, type, list, null, i, completing, result, bubble, path);
                bubble |= AddItem(result, completing.Result, itemType);
            }
            return new ValueTask<object?>(bubble ? Bubble : result);
        }

        var items = enumerable.GetEnumerator();
        var disposeHere = true;
        try
        {
            for (var i = 0; items.MoveNext(); i++)
            {
                var completing = CompleteValue(field, itemType, items.Current, path.Index(i));
                if (!completing.IsCompletedSuccessfully)
                {
                    disposeHere = false;
                    return CompleteListAsync(field, type, null, items, i, completing, result, bubble, path);
                }
                bubble |= AddItem(result, completing.Result, itemType);
            }
            return new ValueTask<object?>(bubble ? Bubble : result);
        }
        finally
        {
            if (disposeHere) (items as IDisposable)?.Dispose();
        }
    }

    /// <summary>Adds a completed item (null for a propagated null); true when that null must null the whole list.</summary>
    private static bool AddItem(List<object?> result, object? completed, GraphQLType itemType)
    {
        if (ReferenceEquals(completed, Bubble))
        {
            result.Add(null);
            return itemType is NonNullType;
        }
        result.Add(completed);
        return false;
    }

    /// <summary>
    /// The rest of <see cref="CompleteList"/> once item <paramref name="first"/> did not finish synchronously:
    /// the remaining items of <paramref name="list"/> (or <paramref name="items"/>) start, then all are awaited in order.
    /// </summary>
    private async ValueTask<object?> CompleteListAsync(ResolveContext field, ListType type, IList? list, IEnumerator? items,
        int first, ValueTask<object?> firstPending, List<object?> result, bool bubble, ResponsePath path)
    {
        var itemType = type.OfType;
        var pending = new List<ValueTask<object?>> { firstPending };
        try
        {
            if (list is not null)
                for (var i = first + 1; i < list.Count; i++)
                    pending.Add(StartItem(field, itemType, list[i], path.Index(i)));
            else
                for (var i = first + 1; items!.MoveNext(); i++)
                    pending.Add(StartItem(field, itemType, items.Current, path.Index(i)));
        }
        finally
        {
            (items as IDisposable)?.Dispose();
        }

        OperationCanceledException? canceled = null;
        foreach (var p in pending)
        {
            object? completed;
            try
            {
                completed = await p;
            }
            catch (OperationCanceledException e)
            {
                canceled ??= e;
                continue;
            }
            bubble |= AddItem(result, completed, itemType);
        }
        if (canceled is not null) throw canceled;
        return bubble ? Bubble : result;
    }

    private ValueTask<object?> StartItem(ResolveContext field, GraphQLType itemType, object? item, ResponsePath path)
    {
        try
        {
            return CompleteValue(field, itemType, item, path);
        }
        catch (Exception e)
        {
            return ValueTask.FromException<object?>(e);
        }
    }

    /// <summary>An async stream is read to its end, then completed as a list.</summary>
    private async ValueTask<object?> CompleteStreamAsync(ResolveContext field, ListType type, IAsyncEnumerable<object?> stream,
        ResponsePath path)
    {
        var buffered = new List<object?>();
        await foreach (var item in stream.WithCancellation(context.CancellationToken)) buffered.Add(item);
        return await CompleteList(field, type, buffered, path);
    }

    /// <summary>
    /// ResolveAbstractType(abstractType, objectValue): the type's ResolveType, else the first possible type
    /// whose IsTypeOf accepts the value, else a map's "__typename" entry.
    /// https://spec.graphql.org/October2021/#ResolveAbstractType()
    /// </summary>
    private ObjectType? ResolveAbstractType(ResolveContext field, NamedType abstractType, object value, ResponsePath? path)
    {
        var schema = context.Schema;
        ObjectType? runtime = null;
        try
        {
            var resolveType = abstractType switch
            {
                InterfaceType i => i.ResolveType,
                UnionType u => u.ResolveType,
                _ => null,
            };
            if (resolveType is not null)
                runtime = resolveType(value, field);
            else
            {
                foreach (var candidate in schema.GetPossibleTypes(abstractType))
                    if (candidate.IsTypeOf?.Invoke(value) == true) { runtime = candidate; break; }
                if (runtime is null && value is IReadOnlyDictionary<string, object?> map
                    && map.TryGetValue("__typename", out var n) && n is string name)
                    runtime = schema.GetType(name) as ObjectType;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var error in ExecutionErrors.FromException(e, field.FieldNodes, path ?? field.Path)) context.AddError(error);
            return null;
        }

        if (runtime is null)
        {
            context.AddError(ExecutionErrors.AbstractTypeUnresolved(abstractType, field.ParentType, field.Field, field.FieldNodes, path ?? field.Path));
            return null;
        }
        // the schema's own instance (a resolver may hand back an equal type from elsewhere)
        var own = schema.GetType(runtime.Name) as ObjectType;
        if (own is null || !IsPossibleType(schema, abstractType, own))
        {
            context.AddError(ExecutionErrors.NotPossibleType(abstractType, runtime, field.FieldNodes, path ?? field.Path));
            return null;
        }
        return own;
    }

    private static bool IsPossibleType(Schema schema, NamedType abstractType, ObjectType candidate)
    {
        foreach (var t in schema.GetPossibleTypes(abstractType))
            if (ReferenceEquals(t, candidate) || t.Name == candidate.Name) return true;
        return false;
    }
}
