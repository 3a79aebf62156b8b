using System.Text.RegularExpressions;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>
/// The conformance schema's custom scalar <c>Date</c> (YYYY-MM-DD strings). graphql-js gets the same
/// rules and messages in tests/conformance/lib/reference.mjs.
/// </summary>
public sealed partial class DateScalar() : ScalarType("Date")
{
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z")] // JavaScript's /^\d{4}-\d{2}-\d{2}$/
    private static partial Regex Shape();

    public override object? Serialize(object value) => Check(value);

    public override object? ParseValue(object value) => Check(value);

    public override object? ParseLiteral(ValueNode literal) =>
        literal is StringValueNode s && Shape().IsMatch(s.Value)
            ? s.Value
            : throw new CoercionException($"Date cannot represent literal: {Printer.Print(literal)}");

    private static string Check(object value) =>
        value is string s && Shape().IsMatch(s)
            ? s
            : throw new CoercionException($"Date cannot represent value: {ConformanceData.CanonicalJson(value)}");
}
