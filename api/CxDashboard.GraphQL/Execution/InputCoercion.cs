using System.Collections;
using System.Globalization;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Coerces a raw (JSON-decoded) variable value to an input type, reporting every problem with the
/// path inside the value.
/// "If the value provided for a variable is not valid for its type, a request error is raised."
/// https://spec.graphql.org/October2021/#sec-Input-Values
/// </summary>
internal static class InputCoercion
{
    /// <summary>Called for each problem: the path inside the value (<c>.a[0]</c>), the offending value, the reason.</summary>
    public delegate void OnError(string path, object? invalidValue, string reason);

    /// <summary>
    /// Coerces <paramref name="value"/>; a value nested more than <paramref name="maxDepth"/> lists and input objects
    /// deep (a recursive input type lets a value nest without end) is refused rather than followed.
    /// </summary>
    public static object? Coerce(object? value, GraphQLType type, OnError onError, int maxDepth = int.MaxValue) =>
        Coerce(value, type, "", onError, maxDepth);

    private static object? Coerce(object? value, GraphQLType type, string path, OnError onError, int depthLeft)
    {
        if (type is NonNullType nn)
        {
            if (value is null)
            {
                onError(path, value, ExecutionErrors.ExpectedNonNull(type));
                return null;
            }
            return Coerce(value, nn.OfType, path, onError, depthLeft);
        }

        if (value is null) return null;
        if (depthLeft <= 0 && type is ListType or InputObjectType)
        {
            onError(path, value, ExecutionErrors.NestedTooDeeply());
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IReadOnlyDictionary<string, object?>)
                {
                    var result = new List<object?>();
                    var i = 0;
                    foreach (var item in items)
                    {
                        result.Add(Coerce(item, list.OfType, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", onError, depthLeft - 1));
                        i++;
                    }
                    return result;
                }
                // "a list of size one" when a single value is passed for a list type
                return new List<object?> { Coerce(value, list.OfType, path, onError, depthLeft - 1) };

            case InputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    onError(path, value, ExecutionErrors.ExpectedObject(input));
                    return null;
                }
                var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
                var ok = true;
                void Fail(string p, object? v, string reason)
                {
                    ok = false;
                    onError(p, v, reason);
                }
                foreach (var field in input.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.DefaultValue is not null)
                        {
                            var d = LiteralCoercion.Coerce(field.DefaultValue, field.Type, null);
                            if (!ReferenceEquals(d, LiteralCoercion.Invalid)) coerced[field.Name] = d;
                        }
                        else if (field.Type is NonNullType)
                            Fail(path, value, ExecutionErrors.InputFieldNotProvided(field));
                        continue;
                    }
                    coerced[field.Name] = Coerce(fieldValue, field.Type, path + "." + field.Name, Fail, depthLeft - 1);
                }
                foreach (var key in map.Keys)
                    if (input.GetField(key) is null)
                        Fail(path, value, ExecutionErrors.InputFieldUnknown(key, input));
                if (!ok) return null;
                if (input.Create is not { } create) return coerced;
                try
                {
                    return create(coerced);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // the CLR factory rejected the value (a domain rule): report it like any coercion failure
                    onError(path, value, e.Message);
                    return null;
                }

            case ScalarType scalar:
                return Leaf(() => scalar.ParseValue(value), scalar, value, path, onError);

            case EnumType e:
                return Leaf(() => e.ParseValue(value), e, value, path, onError);

            default:
                onError(path, value, ExecutionErrors.ExpectedType(type.NamedType));
                return null;
        }
    }

    private static object? Leaf(Func<object?> parse, NamedType type, object value, string path, OnError onError)
    {
        try
        {
            return parse();
        }
        catch (CoercionException e)
        {
            onError(path, value, e.Message);
            return null;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            onError(path, value, ExecutionErrors.ExpectedType(type) + " " + e.Message);
            return null;
        }
    }
}
