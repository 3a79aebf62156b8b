using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Coerces a literal (possibly holding variables) to an input type: argument values and default values.
/// "If the value is a literal, coerce it according to the input coercion rules of the argument's type."
/// https://spec.graphql.org/October2021/#sec-Coercing-Field-Arguments
/// </summary>
internal static class LiteralCoercion
{
    /// <summary>Marks a literal that cannot be coerced (graphql-js's <c>undefined</c> result of valueFromAST).</summary>
    public static readonly object Invalid = new();

    /// <summary>
    /// The coerced value, or <see cref="Invalid"/>. Variables are looked up in the already-coerced
    /// <paramref name="variables"/>; a variable missing inside a list is null, inside an input object it is absent.
    /// </summary>
    public static object? Coerce(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is VariableNode v)
        {
            if (variables is null || !variables.TryGetValue(v.Name.Value, out var value)) return Invalid;
            return value is null && type is NonNullType ? Invalid : value;
        }

        if (type is NonNullType nn)
            return node is NullValueNode ? Invalid : Coerce(node, nn.OfType, variables);

        if (node is NullValueNode) return null;

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    foreach (var item in items.Values)
                    {
                        if (IsMissingVariable(item, variables))
                        {
                            if (list.OfType is NonNullType) return Invalid;
                            result.Add(null);
                            continue;
                        }
                        var c = Coerce(item, list.OfType, variables);
                        if (ReferenceEquals(c, Invalid)) return Invalid;
                        result.Add(c);
                    }
                    return result;
                }
                // "If the value passed as an input to a list type is not a list … the result is a list of size one."
                var single = Coerce(node, list.OfType, variables);
                return ReferenceEquals(single, Invalid) ? Invalid : new List<object?> { single };

            case InputObjectType input:
                if (node is not ObjectValueNode obj) return Invalid;
                foreach (var f in obj.Fields)
                    if (input.GetField(f.Name.Value) is null) return Invalid;
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    var fieldNode = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                    if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.DefaultValue is not null)
                        {
                            var d = Coerce(field.DefaultValue, field.Type, null);
                            if (ReferenceEquals(d, Invalid)) return Invalid;
                            map[field.Name] = d;
                        }
                        else if (field.Type is NonNullType) return Invalid;
                        continue;
                    }
                    var fv = Coerce(fieldNode.Value, field.Type, variables);
                    if (ReferenceEquals(fv, Invalid)) return Invalid;
                    map[field.Name] = fv;
                }
                return input.Create is { } create ? create(map) : map;

            case ScalarType scalar:
                try { return scalar.ParseLiteral(node); }
                catch (CoercionException) { return Invalid; }

            case EnumType e:
                try { return e.ParseLiteral(node); }
                catch (CoercionException) { return Invalid; }

            default:
                return Invalid;
        }
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value));
}
