using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// A CLR value as a literal of a given input type (graphql-js <c>astFromValue</c>): how code-first default
/// values become the literals that SDL and introspection print.
/// </summary>
public static partial class LiteralFromValue
{
    /// <summary>Converts <paramref name="value"/>; throws <see cref="CoercionException"/> when it does not fit the type.</summary>
    public static ValueNode Convert(object? value, GraphQLType type)
    {
        switch (type)
        {
            case NonNullType nn:
                var inner = Convert(value, nn.OfType);
                return inner is NullValueNode ? throw new CoercionException("null is not allowed for a Non-Null type") : inner;
            case var _ when value is null:
                return new NullValueNode();
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary)
                    return new ListValueNode { Values = items.Cast<object?>().Select(i => Convert(i, list.OfType)).ToList() };
                return Convert(value, list.OfType);
            case InputObjectType input:
                return FromObject(value, input);
            case EnumType e:
                return new EnumValueNode { Value = e.Serialize(value) };
            case ScalarType scalar:
                return FromSerialized(scalar.Serialize(value), scalar);
            default:
                throw new CoercionException($"{type} is not an input type");
        }
    }

    private static ObjectValueNode FromObject(object value, InputObjectType input)
    {
        var fields = new List<ObjectFieldNode>();
        foreach (var field in input.Fields)
        {
            if (!TryGet(value, field, out var fieldValue)) continue;
            fields.Add(new ObjectFieldNode { Name = new NameNode { Value = field.Name }, Value = Convert(fieldValue, field.Type) });
        }
        return new ObjectValueNode { Fields = fields };
    }

    private static bool TryGet(object value, InputValueDefinition field, out object? result)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(field.Name, out result);
            case IDictionary<string, object?> dict:
                return dict.TryGetValue(field.Name, out result);
        }
        var member = field.Metadata.GetValueOrDefault("clrMember") as PropertyInfo
            ?? value.GetType().GetProperty(field.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (member is null || !member.DeclaringType!.IsInstanceOfType(value))
        {
            result = null;
            return false;
        }
        result = member.GetValue(value);
        return true;
    }

    private static ValueNode FromSerialized(object? serialized, ScalarType scalar) => serialized switch
    {
        null => new NullValueNode(),
        bool b => new BooleanValueNode { Value = b },
        int or long or short or byte or uint or ulong => new IntValueNode { Value = System.Convert.ToString(serialized, CultureInfo.InvariantCulture)! },
        double or float => Number(System.Convert.ToDouble(serialized, CultureInfo.InvariantCulture)),
        decimal m => m == decimal.Truncate(m)
            ? new IntValueNode { Value = decimal.Truncate(m).ToString(CultureInfo.InvariantCulture) }
            : new FloatValueNode { Value = m.ToString(CultureInfo.InvariantCulture) },
        // ID values that look like integers print as Int literals, as graphql-js does.
        string s when scalar.Name == "ID" && IntegerPattern().IsMatch(s) => new IntValueNode { Value = s },
        string s => new StringValueNode { Value = s },
        _ => throw new CoercionException($"Cannot convert value to AST: {BuiltInScalars.Show(serialized)}."),
    };

    private static ValueNode Number(double d)
    {
        if (!double.IsFinite(d)) throw new CoercionException($"Cannot convert value to AST: {d}.");
        if (d == Math.Floor(d) && Math.Abs(d) < 1e21) return new IntValueNode { Value = d.ToString("F0", CultureInfo.InvariantCulture) };
        return new FloatValueNode { Value = d.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+").Replace("E-", "e-") };
    }

    /// <summary>
    /// A default literal written in SDL, put in the form graphql-js prints after coercing it
    /// (valueFromAST then astFromValue): input-object fields in definition order with their own defaults
    /// filled in, Float literals as JS numbers (1.0 → 1), integer-like ID strings as Int literals.
    /// </summary>
    public static ValueNode Normalize(ValueNode literal, GraphQLType type)
    {
        switch (type)
        {
            case NonNullType nn: return Normalize(literal, nn.OfType);
            case var _ when literal is NullValueNode or VariableNode: return literal;
            case ListType list:
                return literal is ListValueNode items
                    ? new ListValueNode { Values = items.Values.Select(v => Normalize(v, list.OfType)).ToList(), Location = literal.Location }
                    : Normalize(literal, list.OfType);
            case InputObjectType input when literal is ObjectValueNode obj:
                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    var given = obj.Fields.FirstOrDefault(f => f.Name.Value == field.Name);
                    var value = given?.Value ?? field.DefaultValue;
                    if (value is null) continue;
                    fields.Add(new ObjectFieldNode { Name = new NameNode { Value = field.Name }, Value = Normalize(value, field.Type) });
                }
                return new ObjectValueNode { Fields = fields, Location = literal.Location };
            case ScalarType { Name: "Float" } when literal is IntValueNode or FloatValueNode:
                var text = literal is IntValueNode i ? i.Value : ((FloatValueNode)literal).Value;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? Number(d) : literal;
            case ScalarType { Name: "ID" } when literal is StringValueNode s && IntegerPattern().IsMatch(s.Value):
                return new IntValueNode { Value = s.Value };
            default:
                return literal;
        }
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();
}
