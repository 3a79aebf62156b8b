using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>https://spec.graphql.org/October2021/#sec-Coercing-Field-Arguments</summary>
public sealed class ArgumentCoercionTests
{
    private static async Task<string> Value(string query, object? variables = null)
    {
        var r = await Run(CoercionSchema.Schema, query, variables);
        Assert.True(r.Errors is null, Messages(r));
        return ((string?)r.Data!.Values.Single())!;
    }

    [Fact]
    public async Task Argument_defaults_apply_when_absent_and_explicit_null_is_kept()
    {
        const string otherDefaults = ", colorDefault: Color.DarkBlue, inputDefault: {a: 7, b: \"dflt\"}, listDefault: [9]";
        Assert.Equal("withDefault: 42" + otherDefaults, await Value("{ defaults }"));
        Assert.Equal("withDefault: null" + otherDefaults, await Value("{ defaults(withDefault: null) }"));
        Assert.Equal("withDefault: 1, colorDefault: Color.Red, inputDefault: null, listDefault: []",
            await Value("{ defaults(withDefault: 1, colorDefault: RED, inputDefault: null, listDefault: []) }"));
    }

    [Fact]
    public async Task Absent_arguments_without_default_are_missing_from_the_map()
    {
        Assert.Equal("", await Value("{ echo }"));
        Assert.Equal("int: null", await Value("{ echo(int: null) }"));
    }

    [Fact]
    public async Task Literals_coerce_to_clr_values()
    {
        Assert.Equal("int: -3, float: 2d, str: \"x\", id: \"12\", color: Color.Red",
            await Value("{ echo(int: -3, float: 2, str: \"x\", id: 12, color: RED) }"));
    }

    [Fact]
    public async Task A_single_literal_for_a_list_argument_becomes_a_list_of_one()
    {
        Assert.Equal("ints: [5]", await Value("{ echo(ints: 5) }"));
        Assert.Equal("matrix: [[1], [2]]", await Value("{ echo(matrix: [1, [2]]) }"));
    }

    [Fact]
    public async Task Input_object_literals_get_field_defaults_and_create_functions_run()
    {
        Assert.Equal("input: {a: 1, b: \"dflt\", c: [2]}", await Value("{ echo(input: {a: 1, c: 2}) }"));
        Assert.Equal("point: Point(3d, 4d)", await Value("{ echo(point: {x: 3, y: 4.0}) }"));
    }

    [Fact]
    public async Task Variables_inside_literals_are_substituted_and_missing_ones_are_absent_or_null()
    {
        Assert.Equal("ints: [1, 2], input: {a: 3, b: \"dflt\"}",
            await Value("query($v: Int, $a: Int!, $b: String) { echo(ints: [1, $v], input: {a: $a, b: $b}) }", new { v = 2, a = 3 }));
        Assert.Equal("ints: [1, null]",
            await Value("query($v: Int) { echo(ints: [1, $v]) }", new { }));
    }

    [Fact]
    public async Task A_nullable_variable_in_a_non_null_argument_with_a_null_value_is_a_field_error()
    {
        // allowed by validation because the variable has a default; the runtime null is still refused
        var r = await Run(CoercionSchema.Schema, "query($x: Int = 1) { required(nnInt: $x) }", """{"x": null}""");
        Assert.Equal("""{"required":null}""", Data(r));
        Assert.Equal(["Argument \"nnInt\" of non-null type \"Int!\" must not be null. @required"], Errors(r));
    }

    [Fact]
    public async Task Argument_converts_coerced_values_to_the_type_the_resolver_asks_for()
    {
        var converted = new List<object?>();
        var field = Field("f", BuiltInScalars.String, ctx =>
        {
            converted.Add(ctx.Argument<long>("int"));
            converted.Add(ctx.Argument<int[]>("ints"));
            converted.Add(ctx.Argument<List<int?>>("ints"));
            converted.Add(ctx.Argument<Dictionary<string, object?>>("input"));
            converted.Add(ctx.Argument<ConsoleColor>("color"));
            converted.Add(ctx.Argument<int?>("absent"));
            return "ok";
        });
        field.WithArgs(
            new InputValueDefinition("int", BuiltInScalars.Int),
            new InputValueDefinition("ints", ListOf(BuiltInScalars.Int)),
            new InputValueDefinition("input", CoercionSchema.Schema.GetType("In")!),
            new InputValueDefinition("color", CoercionSchema.Schema.GetType("Color")!),
            new InputValueDefinition("absent", BuiltInScalars.Int));
        var schema = new Schema(ExecutorKit.Object("Query", field));
        var r = await Run(schema, "{ f(int: 3, ints: [1, 2], input: {a: 1}, color: RED) }");
        Assert.Null(r.Errors);
        Assert.Equal(3L, converted[0]);
        Assert.Equal(new[] { 1, 2 }, (int[])converted[1]!);
        Assert.Equal(new List<int?> { 1, 2 }, (List<int?>)converted[2]!);
        Assert.Equal("dflt", ((Dictionary<string, object?>)converted[3]!)["b"]);
        Assert.Equal(ConsoleColor.Red, converted[4]);
        Assert.Null(converted[5]);
    }
}
