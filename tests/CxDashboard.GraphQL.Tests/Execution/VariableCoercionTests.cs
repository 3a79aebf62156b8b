using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>https://spec.graphql.org/October2021/#sec-Coercing-Variable-Values, graphql-js wording.</summary>
public sealed class VariableCoercionTests
{
    private static async Task<string> Echo(string query, object? variables)
    {
        var r = await Run(CoercionSchema.Schema, query, variables);
        Assert.True(r.Errors is null, Messages(r));
        return ((string?)r.Data!["echo"])!;
    }

    private static async Task<string> Defaults(string query, object? variables)
    {
        var r = await Run(CoercionSchema.Schema, query, variables);
        Assert.True(r.Errors is null, Messages(r));
        return ((string?)r.Data!.Values.Single())!;
    }

    private static async Task<string> RequestError(string query, object? variables)
    {
        var r = await Run(CoercionSchema.Schema, query, variables);
        Assert.False(r.HasData);
        return Messages(r);
    }

    [Fact]
    public async Task A_required_variable_that_is_not_provided_is_a_request_error()
    {
        Assert.Equal("Variable \"$x\" of required type \"Int!\" was not provided.",
            await RequestError("query($x: Int!) { required(nnInt: $x) }", new { }));
    }

    [Fact]
    public async Task Null_for_a_non_null_variable_is_a_request_error()
    {
        Assert.Equal("Variable \"$x\" of non-null type \"Int!\" must not be null.",
            await RequestError("query($x: Int!) { required(nnInt: $x) }", """{"x": null}"""));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_with_the_scalar_reason()
    {
        Assert.Equal("Variable \"$x\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\"",
            await RequestError("query($x: Int) { echo(int: $x) }", new { x = "abc" }));
        Assert.Equal("Variable \"$x\" got invalid value 1.5; Int cannot represent non-integer value: 1.5",
            await RequestError("query($x: Int) { echo(int: $x) }", new { x = 1.5 }));
        Assert.Equal("Variable \"$x\" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648",
            await RequestError("query($x: Int) { echo(int: $x) }", new { x = 2147483648L }));
        Assert.Equal("Variable \"$x\" got invalid value 1; String cannot represent a non string value: 1",
            await RequestError("query($x: String) { echo(str: $x) }", new { x = 1 }));
    }

    [Fact]
    public async Task Scalars_accept_their_json_forms()
    {
        Assert.Equal("int: 3, float: 4d, str: \"s\", id: \"7\"",
            await Echo("query($i: Int, $f: Float, $s: String, $id: ID) { echo(int: $i, float: $f, str: $s, id: $id) }",
                new { i = 3, f = 4, s = "s", id = 7 }));
    }

    [Fact]
    public async Task The_variable_default_applies_when_the_variable_is_absent_but_not_when_it_is_null()
    {
        Assert.Equal("int: 5", await Echo("query($x: Int = 5) { echo(int: $x) }", new { }));
        Assert.Equal("int: null", await Echo("query($x: Int = 5) { echo(int: $x) }", """{"x": null}"""));
    }

    [Fact]
    public async Task An_absent_variable_without_default_leaves_the_argument_absent_so_its_default_applies()
    {
        const string query = "query($x: Int) { defaults(withDefault: $x) }";
        const string otherDefaults = ", colorDefault: Color.DarkBlue, inputDefault: {a: 7, b: \"dflt\"}, listDefault: [9]";
        Assert.Equal("withDefault: 42" + otherDefaults, await Defaults(query, new { }));
        Assert.Equal("withDefault: null" + otherDefaults, await Defaults(query, """{"x": null}"""));
        Assert.Equal("withDefault: 3" + otherDefaults, await Defaults(query, new { x = 3 }));
    }

    [Fact]
    public async Task A_single_value_for_a_list_variable_becomes_a_list_of_one()
    {
        Assert.Equal("ints: [3]", await Echo("query($x: [Int]) { echo(ints: $x) }", new { x = 3 }));
        Assert.Equal("ints: [1, null, 3]",
            await Echo("query($x: [Int]) { echo(ints: $x) }", """{"x": [1, null, 3]}"""));
        Assert.Equal("matrix: [[1], [2, 3]]",
            await Echo("query($m: [[Int]]) { echo(matrix: $m) }", """{"m": [1, [2, 3]]}"""));
    }

    [Fact]
    public async Task Invalid_list_items_are_reported_with_their_index()
    {
        Assert.Equal("Variable \"$x\" got invalid value \"b\" at \"x[1]\"; Int cannot represent non-integer value: \"b\"",
            await RequestError("query($x: [Int]) { echo(ints: $x) }", """{"x": [1, "b"]}"""));
        Assert.Equal("Variable \"$x\" got invalid value null at \"x[1]\"; Expected non-nullable type \"Int!\" not to be null.",
            await RequestError("query($x: [Int!]) { echo(nnInts: $x) }", """{"x": [1, null]}"""));
    }

    [Fact]
    public async Task Input_objects_get_field_defaults_and_enum_values_from_strings()
    {
        Assert.Equal("input: {a: 1, b: \"dflt\", color: Color.DarkBlue}",
            await Echo("query($x: In) { echo(input: $x) }", """{"x": {"a": 1, "color": "DARK_BLUE"}}"""));
        Assert.Equal("input: {a: 1, b: null, c: [4]}",
            await Echo("query($x: In) { echo(input: $x) }", """{"x": {"a": 1, "b": null, "c": 4}}"""));
    }

    [Fact]
    public async Task Input_object_problems_name_the_field_and_its_path()
    {
        Assert.Equal("Variable \"$x\" got invalid value { b: \"x\" }; Field \"a\" of required type \"Int!\" was not provided.",
            await RequestError("query($x: In) { echo(input: $x) }", """{"x": {"b": "x"}}"""));
        Assert.Equal("Variable \"$x\" got invalid value { a: 1, bb: 2 }; Field \"bb\" is not defined by type \"In\". Did you mean \"b\"?",
            await RequestError("query($x: In) { echo(input: $x) }", """{"x": {"a": 1, "bb": 2}}"""));
        Assert.Equal("Variable \"$x\" got invalid value \"y\" at \"x.c[1]\"; Int cannot represent non-integer value: \"y\"",
            await RequestError("query($x: In) { echo(input: $x) }", """{"x": {"a": 1, "c": [1, "y"]}}"""));
        Assert.Equal("Variable \"$x\" got invalid value 5; Expected type \"In\" to be an object.",
            await RequestError("query($x: In) { echo(input: $x) }", new { x = 5 }));
        Assert.Equal("Variable \"$x\" got invalid value {} at \"x[1]\"; Field \"a\" of required type \"Int!\" was not provided.",
            await RequestError("query($x: [In!]) { echo(inputs: $x) }", """{"x": [{"a": 1}, {}]}"""));
    }

    [Fact]
    public async Task Enum_variables_take_the_value_name_as_a_string()
    {
        Assert.Equal("color: Color.Red",
            await Echo("query($c: Color) { echo(color: $c) }", new { c = "RED" }));
        Assert.Equal("Variable \"$c\" got invalid value \"PINK\"; Value \"PINK\" does not exist in \"Color\" enum.",
            await RequestError("query($c: Color) { echo(color: $c) }", new { c = "PINK" }));
    }

    [Fact]
    public async Task An_input_type_with_a_create_function_arrives_as_its_clr_value()
    {
        Assert.Equal("point: Point(1.5d, 0d)",
            await Echo("query($p: Point) { echo(point: $p) }", """{"p": {"x": 1.5}}"""));
    }

    [Fact]
    public async Task Every_invalid_variable_is_reported()
    {
        var r = await Run(CoercionSchema.Schema, "query($a: Int!, $b: Int, $c: Color) { required(nnInt: $a) echo(int: $b, color: $c) }",
            new { b = "x", c = 1 });
        Assert.False(r.HasData);
        Assert.Equal(3, r.Errors!.Count);
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(1, 7), r.Errors[0].Locations![0]);
    }
}
