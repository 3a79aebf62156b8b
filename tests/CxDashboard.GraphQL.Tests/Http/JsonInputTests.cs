using System.Text.Json;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Http;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Tests.Http;

public class JsonInputTests
{
    [Fact]
    public void Json_decodes_to_the_engines_raw_value_types()
    {
        using var document = JsonDocument.Parse("""
            {"int": 42, "big": 9007199254740993, "huge": 1e400, "negative": -7, "float": 2.5, "whole": 3.0,
             "s": "text", "t": true, "f": false, "n": null, "list": [1, "a", null, [2]], "map": {"k": {"deep": 1}}}
            """);
        var map = JsonInput.ToMap(document.RootElement);
        Assert.Equal(42L, map["int"]);
        Assert.Equal(9007199254740993L, map["big"]);
        Assert.Equal(-7L, map["negative"]);
        Assert.Equal(2.5, map["float"]);
        Assert.Equal(3.0, map["whole"]);
        Assert.IsType<double>(map["whole"]);
        Assert.Equal(double.PositiveInfinity, map["huge"]);
        Assert.Equal("text", map["s"]);
        Assert.Equal(true, map["t"]);
        Assert.Equal(false, map["f"]);
        Assert.True(map.ContainsKey("n"));
        Assert.Null(map["n"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["list"]);
        Assert.Equal([1L, "a", null], list.Take(3));
        Assert.Equal([2L], Assert.IsAssignableFrom<IReadOnlyList<object?>>(list[3]));
        var nested = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(map["map"]);
        Assert.Equal(1L, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(nested["k"])["deep"]);
    }

    [Fact]
    public void Results_serialize_errors_first_then_data_in_field_order()
    {
        var data = new OrderedDictionary<string, object?>
        {
            ["z"] = 1, ["a"] = new object?[] { 1.5, null, "s", true }, ["m"] = new OrderedDictionary<string, object?> { ["y"] = 2L, ["b"] = false },
        };
        var result = new ExecutionResult
        {
            Data = data, HasData = true,
            Errors = [new GraphQLError("bad", [new SourceLocation(2, 3)], ["a", 1, "x"], new Dictionary<string, object?> { ["code"] = "E" })],
            Extensions = new Dictionary<string, object?> { ["cost"] = 3 },
        };
        var json = System.Text.Encoding.UTF8.GetString(ExecutionResultWriter.ToUtf8(result));
        Assert.Equal("""{"errors":[{"message":"bad","locations":[{"line":2,"column":3}],"path":["a",1,"x"],"extensions":{"code":"E"}}],"data":{"z":1,"a":[1.5,null,"s",true],"m":{"y":2,"b":false}},"extensions":{"cost":3}}""", json);
    }

    [Fact]
    public void Data_is_omitted_without_HasData_and_null_when_execution_nulled_the_root()
    {
        Assert.Equal("""{"errors":[{"message":"x"}]}""",
            System.Text.Encoding.UTF8.GetString(ExecutionResultWriter.ToUtf8(ExecutionResult.RequestError([new GraphQLError("x")]))));
        Assert.Equal("""{"data":null}""",
            System.Text.Encoding.UTF8.GetString(ExecutionResultWriter.ToUtf8(new ExecutionResult { HasData = true })));
    }
}
