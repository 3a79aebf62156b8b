using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// The engine's custom scalars. "GraphQL services may use custom scalar types in addition to the
/// built-in scalars." https://spec.graphql.org/October2021/#sec-Scalars.Custom-Scalars
/// Each one states its format with @specifiedBy and rejects anything else with a message naming the value.
/// </summary>
public static partial class CustomScalars
{
    /// <summary>A calendar date <c>yyyy-MM-dd</c> (RFC 3339 full-date) ↔ <see cref="DateOnly"/>.</summary>
    public static readonly ScalarType Date = new DateScalar();

    /// <summary>An instant with offset (RFC 3339 date-time) ↔ <see cref="DateTimeOffset"/>.</summary>
    public static readonly ScalarType DateTime = new DateTimeScalar();

    /// <summary>
    /// An exact decimal ↔ <see cref="decimal"/>. Serialized as a JSON number written with the decimal's own
    /// digits (12.50 stays 12.50, never a binary double); accepted as a string ("12.50", exact) or a number.
    /// </summary>
    public static readonly ScalarType Decimal = new DecimalScalar();

    public static IReadOnlyList<ScalarType> All { get; } = [Date, DateTime, Decimal];

    private static string Show(object value) => BuiltInScalars.Show(value);

    private sealed class DateScalar : ScalarType
    {
        public DateScalar() : base("Date")
        {
            Description = "A calendar date in ISO 8601 / RFC 3339 full-date format: yyyy-MM-dd.";
            SpecifiedByUrl = "https://scalars.graphql.org/andimarek/local-date.html";
        }

        public override object? Serialize(object value) => value switch
        {
            DateOnly d => d.ToString("O", CultureInfo.InvariantCulture), // yyyy-MM-dd, without parsing a custom format each time
            System.DateTime dt when dt.TimeOfDay == TimeSpan.Zero => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string s when TryParse(s, out var d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new CoercionException($"Date cannot represent value: {Show(value)}"),
        };

        public override object? ParseValue(object value) => value is string s
            ? Parse(s)
            : throw new CoercionException($"Date cannot represent a non string value: {Show(value)}");

        public override object? ParseLiteral(ValueNode literal) => literal is StringValueNode s
            ? Parse(s.Value)
            : throw new CoercionException($"Date cannot represent a non string value: {Printer.Print(literal)}");

        private static DateOnly Parse(string s) => TryParse(s, out var d)
            ? d
            : throw new CoercionException($"Date cannot represent an invalid date string \"{s}\": expected yyyy-MM-dd.");

        private static bool TryParse(string s, out DateOnly date) =>
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private sealed partial class DateTimeScalar : ScalarType
    {
        public DateTimeScalar() : base("DateTime")
        {
            Description = "An instant as an RFC 3339 date-time with a time-zone offset, e.g. 2024-03-01T09:30:00Z.";
            SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time.html";
        }

        public override object? Serialize(object value) => value switch
        {
            DateTimeOffset o => Format(o),
            // A DateTime of unspecified kind is taken as UTC: the database stores timestamptz as UTC.
            System.DateTime dt => Format(dt.Kind == DateTimeKind.Local
                ? new DateTimeOffset(dt)
                : new DateTimeOffset(System.DateTime.SpecifyKind(dt, DateTimeKind.Utc))),
            string s when TryParse(s, out var o) => Format(o),
            _ => throw new CoercionException($"DateTime cannot represent value: {Show(value)}"),
        };

        public override object? ParseValue(object value) => value is string s
            ? Parse(s)
            : throw new CoercionException($"DateTime cannot represent a non string value: {Show(value)}");

        public override object? ParseLiteral(ValueNode literal) => literal is StringValueNode s
            ? Parse(s.Value)
            : throw new CoercionException($"DateTime cannot represent a non string value: {Printer.Print(literal)}");

        private static DateTimeOffset Parse(string s) => TryParse(s, out var o)
            ? o
            : throw new CoercionException(
                $"DateTime cannot represent an invalid date-time string \"{s}\": expected RFC 3339 such as 2024-03-01T09:30:00Z or 2024-03-01T10:30:00+01:00.");

        private static bool TryParse(string s, out DateTimeOffset value)
        {
            value = default;
            // The pattern insists on the offset; DateTimeOffset.TryParse alone would accept local times.
            return Rfc3339().IsMatch(s) &&
                   DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        /// <summary>Seconds always; fractional seconds only when present (up to 7 digits); Z for UTC.</summary>
        private static string Format(DateTimeOffset o)
        {
            var text = o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
            return text + (o.Offset == TimeSpan.Zero ? "Z" : o.ToString("zzz", CultureInfo.InvariantCulture));
        }

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
        private static partial Regex Rfc3339();
    }

    private sealed partial class DecimalScalar : ScalarType
    {
        public DecimalScalar() : base("Decimal")
        {
            Description = "An exact decimal number (28-29 significant digits). Output is a JSON number with the value's own digits; input is a string such as \"12.50\" (exact) or a number.";
            SpecifiedByUrl = "https://learn.microsoft.com/dotnet/api/system.decimal";
        }

        public override object? Serialize(object value) => value switch
        {
            decimal m => m,
            int or long or short or byte or uint or ulong or ushort or sbyte => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double or float when double.IsFinite(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)) =>
                System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            string s when TryParse(s, out var m) => m,
            _ => throw new CoercionException($"Decimal cannot represent value: {Show(value)}"),
        };

        public override object? ParseValue(object value) => value switch
        {
            string s => Parse(s),
            long l => (decimal)l,
            int i => (decimal)i,
            // JSON numbers arrive as doubles; the shortest round-trip text keeps 0.1 as 0.1.
            double d when double.IsFinite(d) => Parse(d.ToString("R", CultureInfo.InvariantCulture)),
            decimal m => m,
            _ => throw new CoercionException($"Decimal cannot represent a non numeric value: {Show(value)}"),
        };

        public override object? ParseLiteral(ValueNode literal) => literal switch
        {
            StringValueNode s => Parse(s.Value),
            IntValueNode i => Parse(i.Value),
            FloatValueNode f => Parse(f.Value),
            _ => throw new CoercionException($"Decimal cannot represent a non numeric value: {Printer.Print(literal)}"),
        };

        private static decimal Parse(string s) => TryParse(s, out var m)
            ? m
            : throw new CoercionException($"Decimal cannot represent an invalid decimal string \"{s}\": expected digits such as 12.50 or -3e2 within ±7.9e28.");

        private static bool TryParse(string s, out decimal value)
        {
            value = 0;
            return DecimalText().IsMatch(s) &&
                   decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                       CultureInfo.InvariantCulture, out value);
        }

        [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")]
        private static partial Regex DecimalText();
    }
}
