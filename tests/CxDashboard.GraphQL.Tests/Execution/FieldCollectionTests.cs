using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>https://spec.graphql.org/October2021/#CollectFields()</summary>
public sealed class FieldCollectionTests
{
    private static readonly Schema Schema = new(Object("Query",
        Field("a", BuiltInScalars.String, _ => "A"),
        Field("b", BuiltInScalars.String, _ => "B"),
        Field("c", BuiltInScalars.String, _ => "C")));

    [Theory]
    [InlineData("{ a b @skip(if: true) c }", """{"a":"A","c":"C"}""")]
    [InlineData("{ a b @skip(if: false) }", """{"a":"A","b":"B"}""")]
    [InlineData("{ a b @include(if: false) }", """{"a":"A"}""")]
    [InlineData("{ a b @include(if: true) }", """{"a":"A","b":"B"}""")]
    [InlineData("{ a b @include(if: true) @skip(if: true) }", """{"a":"A"}""")]
    [InlineData("{ a ... @skip(if: true) { b } c }", """{"a":"A","c":"C"}""")]
    [InlineData("{ a ...F @include(if: false) } fragment F on Query { b }", """{"a":"A"}""")]
    [InlineData("{ b @skip(if: true) ... { b } }", """{"b":"B"}""")]
    public async Task Skip_and_include_literals(string query, string expected)
    {
        var r = await Run(Schema, query);
        Assert.Null(r.Errors);
        Assert.Equal(expected, Data(r));
    }

    [Fact]
    public async Task Skip_and_include_read_variables()
    {
        const string query = "query($s: Boolean!, $i: Boolean!) { a @skip(if: $s) b @include(if: $i) c }";
        Assert.Equal("""{"b":"B","c":"C"}""", Data(await Run(Schema, query, new { s = true, i = true })));
        Assert.Equal("""{"a":"A","c":"C"}""", Data(await Run(Schema, query, new { s = false, i = false })));
    }

    [Fact]
    public async Task Fragments_merge_in_first_occurrence_order()
    {
        var r = await Run(Schema, "{ c ...F a ... on Query { b c } } fragment F on Query { b a }");
        Assert.Equal("""{"c":"C","b":"B","a":"A"}""", Data(r));
    }
}
