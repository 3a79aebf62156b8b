using System.Globalization;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// The five specified scalars, with the coercion rules of §3.5 (messages as graphql-js words them,
/// so conformance tests can compare).
/// https://spec.graphql.org/October2021/#sec-Scalars.Built-in-Scalars
/// </summary>
public static class BuiltInScalars
{
    // Descriptions are graphql-js's word for word: introspection results are compared with it.
    public static readonly ScalarType Int = new IntScalar
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
    };

    public static readonly ScalarType Float = new FloatScalar
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
    };

    public static readonly ScalarType String = new StringScalar
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
    };

    public static readonly ScalarType Boolean = new BooleanScalar
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.",
    };

    public static readonly ScalarType ID = new IdScalar
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
    };

    public static IReadOnlyList<ScalarType> All { get; } = [Int, Float, String, Boolean, ID];

    public static bool IsBuiltIn(NamedType type) => type.Name is "Int" or "Float" or "String" or "Boolean" or "ID";

    internal static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // a list or input object given where a leaf is expected: shown as graphql-js inspect() shows it, never a CLR type name
        System.Collections.IEnumerable => Execution.ExecutionErrors.Inspect(value),
        _ => value.ToString() ?? "",
    };

    private sealed class IntScalar() : ScalarType("Int")
    {
        public override object? Serialize(object value) => value switch
        {
            int => value, // the same box (no second allocation)
            bool b => b ? 1 : 0,
            long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal =>
                ToInt(Convert.ToDouble(value, CultureInfo.InvariantCulture), value),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => ToInt(d, value),
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"Int cannot represent non-integer value: {Show(value)}"),
        };

        private static int ToInt(double d, object original)
        {
            if (d != Math.Floor(d) || double.IsInfinity(d))
                throw new CoercionException($"Int cannot represent non-integer value: {Show(original)}");
            if (d is > int.MaxValue or < int.MinValue)
                throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {Show(original)}");
            return (int)d;
        }

        public override object? ParseValue(object value) => value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            long l => throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {l}"),
            double d when d == Math.Floor(d) && !double.IsInfinity(d) => d is >= int.MinValue and <= int.MaxValue
                ? (int)d
                : throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {Show(d)}"),
            _ => throw new CoercionException($"Int cannot represent non-integer value: {Show(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal)
        {
            if (literal is not IntValueNode n)
                throw new CoercionException($"Int cannot represent non-integer value: {Printer.Print(literal)}");
            if (!int.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
                throw new CoercionException($"Int cannot represent non 32-bit signed integer value: {n.Value}");
            return i;
        }
    }

    private sealed class FloatScalar() : ScalarType("Float")
    {
        public override object? Serialize(object value)
        {
            // already a finite double: hand the same box on (most values come this way; no second allocation)
            if (value is double already && double.IsFinite(already)) return value;
            double d = value switch
            {
                double x => x,
                bool b => b ? 1 : 0,
                int or long or short or byte or sbyte or ushort or uint or ulong or float or decimal =>
                    Convert.ToDouble(value, CultureInfo.InvariantCulture),
                string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
                _ => throw new CoercionException($"Float cannot represent non numeric value: {Show(value)}"),
            };
            return double.IsFinite(d) ? d : throw new CoercionException($"Float cannot represent non numeric value: {Show(value)}");
        }

        public override object? ParseValue(object value) => value switch
        {
            double d when double.IsFinite(d) => d,
            long l => (double)l,
            int i => (double)i,
            _ => throw new CoercionException($"Float cannot represent non numeric value: {Show(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            FloatValueNode f => double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
            IntValueNode i => double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"Float cannot represent non numeric value: {Printer.Print(literal)}"),
        };
    }

    private sealed class StringScalar() : ScalarType("String")
    {
        public override object? Serialize(object value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            Enum e => e.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"String cannot represent value: {Show(value)}"),
        };

        public override object? ParseValue(object value) =>
            value as string ?? throw new CoercionException($"String cannot represent a non string value: {Show(value)}");

        public override object? ParseLiteral(ValueNode literal) =>
            literal is StringValueNode s
                ? s.Value
                : throw new CoercionException($"String cannot represent a non string value: {Printer.Print(literal)}");
    }

    private sealed class BooleanScalar() : ScalarType("Boolean")
    {
        public override object? Serialize(object value) => value switch
        {
            bool b => b,
            int or long or double or float or decimal when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)) =>
                Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
            _ => throw new CoercionException($"Boolean cannot represent a non boolean value: {Show(value)}"),
        };

        public override object? ParseValue(object value) =>
            value as bool? ?? throw new CoercionException($"Boolean cannot represent a non boolean value: {Show(value)}");

        public override object? ParseLiteral(ValueNode literal) =>
            literal is BooleanValueNode b
                ? b.Value
                : throw new CoercionException($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}");
    }

    private sealed class IdScalar() : ScalarType("ID")
    {
        public override object? Serialize(object value) => value switch
        {
            string s => s,
            int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToString(value, CultureInfo.InvariantCulture),
            Guid g => g.ToString(),
            _ => throw new CoercionException($"ID cannot represent value: {Show(value)}"),
        };

        public override object? ParseValue(object value) => value switch
        {
            string s => s,
            long l => l.ToString(CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"ID cannot represent value: {Show(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new CoercionException($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}"),
        };
    }
}
