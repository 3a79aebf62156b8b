using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

public sealed class CustomScalarTests
{
    private static StringValueNode S(string v) => new() { Value = v };

    [Fact]
    public void Date_round_trips_iso_calendar_dates()
    {
        Assert.Equal("2024-02-29", CustomScalars.Date.Serialize(new DateOnly(2024, 2, 29)));
        Assert.Equal(new DateOnly(2024, 2, 29), CustomScalars.Date.ParseValue("2024-02-29"));
        Assert.Equal(new DateOnly(1999, 12, 31), CustomScalars.Date.ParseLiteral(S("1999-12-31")));
        Assert.Equal("2024-03-01", CustomScalars.Date.Serialize(new DateTime(2024, 3, 1)));
    }

    [Theory]
    [InlineData("2023-02-29")]   // not a leap year
    [InlineData("2024-13-01")]
    [InlineData("2024-1-5")]
    [InlineData("2024-01-05T00:00:00Z")]
    [InlineData("05/01/2024")]
    public void Date_rejects_anything_but_a_real_yyyy_MM_dd(string text)
    {
        var e = Assert.Throws<CoercionException>(() => CustomScalars.Date.ParseValue(text));
        Assert.Equal($"Date cannot represent an invalid date string \"{text}\": expected yyyy-MM-dd.", e.Message);
    }

    [Fact]
    public void Date_rejects_non_string_input_and_non_date_output()
    {
        Assert.Equal("Date cannot represent a non string value: 20240101",
            Assert.Throws<CoercionException>(() => CustomScalars.Date.ParseValue(20240101L)).Message);
        Assert.Equal("Date cannot represent a non string value: 20240101",
            Assert.Throws<CoercionException>(() => CustomScalars.Date.ParseLiteral(new IntValueNode { Value = "20240101" })).Message);
        Assert.Equal("Date cannot represent value: \"2024-03-01T10:00:00\"",
            Assert.Throws<CoercionException>(() => CustomScalars.Date.Serialize(new DateTime(2024, 3, 1, 10, 0, 0).ToString("s"))).Message);
    }

    [Fact]
    public void DateTime_serializes_with_offset_and_only_the_fraction_present()
    {
        Assert.Equal("2024-03-01T09:30:00Z", CustomScalars.DateTime.Serialize(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2024-03-01T09:30:00.25+02:00",
            CustomScalars.DateTime.Serialize(new DateTimeOffset(2024, 3, 1, 9, 30, 0, 250, TimeSpan.FromHours(2))));
        // A DateTime of unspecified kind (what Npgsql gives for timestamptz as UTC) is UTC.
        Assert.Equal("2024-03-01T09:30:00Z", CustomScalars.DateTime.Serialize(new DateTime(2024, 3, 1, 9, 30, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void DateTime_parses_rfc3339_keeping_the_instant_and_offset()
    {
        var v = (DateTimeOffset)CustomScalars.DateTime.ParseValue("2024-03-01T10:30:00.5+01:00")!;
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, 500, TimeSpan.Zero), v.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), v.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero), CustomScalars.DateTime.ParseLiteral(S("2024-03-01t09:30:00z")));
    }

    [Theory]
    [InlineData("2024-03-01T09:30:00")]       // no offset: a local time, not an instant
    [InlineData("2024-03-01 09:30:00Z")]
    [InlineData("2024-03-01")]
    [InlineData("2024-02-30T09:30:00Z")]
    [InlineData("2024-03-01T25:00:00Z")]
    public void DateTime_rejects_local_or_malformed_times(string text)
    {
        var e = Assert.Throws<CoercionException>(() => CustomScalars.DateTime.ParseValue(text));
        Assert.StartsWith($"DateTime cannot represent an invalid date-time string \"{text}\"", e.Message);
    }

    [Fact]
    public void Decimal_keeps_exact_digits_from_strings_and_literals()
    {
        Assert.Equal(12.50m, CustomScalars.Decimal.ParseValue("12.50"));
        Assert.Equal("12.50", ((decimal)CustomScalars.Decimal.ParseValue("12.50")!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.3m, (decimal)CustomScalars.Decimal.ParseLiteral(new FloatValueNode { Value = "0.1" })! + 0.2m);
        Assert.Equal(1234567890123456789012345678m, CustomScalars.Decimal.ParseLiteral(S("1234567890123456789012345678")));
        Assert.Equal(-300m, CustomScalars.Decimal.ParseLiteral(new FloatValueNode { Value = "-3e2" }));
        Assert.Equal(7m, CustomScalars.Decimal.ParseLiteral(new IntValueNode { Value = "7" }));
    }

    [Fact]
    public void Decimal_takes_json_numbers_by_their_shortest_text()
    {
        Assert.Equal(0.1m, CustomScalars.Decimal.ParseValue(0.1d));
        Assert.Equal(42m, CustomScalars.Decimal.ParseValue(42L));
    }

    [Fact]
    public void Decimal_serializes_as_an_exact_number()
    {
        var v = CustomScalars.Decimal.Serialize(12.50m);
        Assert.Equal("12.50", System.Text.Json.JsonSerializer.Serialize(v));
        Assert.Equal(3m, CustomScalars.Decimal.Serialize(3));
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    public void Decimal_rejects_text_that_is_not_a_decimal(string text)
    {
        var e = Assert.Throws<CoercionException>(() => CustomScalars.Decimal.ParseValue(text));
        Assert.StartsWith($"Decimal cannot represent an invalid decimal string \"{text}\"", e.Message);
    }

    [Fact]
    public void Decimal_rejects_booleans()
    {
        Assert.Equal("Decimal cannot represent a non numeric value: true",
            Assert.Throws<CoercionException>(() => CustomScalars.Decimal.ParseValue(true)).Message);
    }

    [Fact]
    public void Each_custom_scalar_names_its_specification()
    {
        Assert.All(CustomScalars.All, s => Assert.StartsWith("https://", s.SpecifiedByUrl));
    }
}
