using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>https://spec.graphql.org/October2021/#sec-Handling-Field-Errors</summary>
public sealed class NullPropagationTests
{
    private static readonly Schema Schema = Build();

    private static Schema Build()
    {
        var str = BuiltInScalars.String;
        var obj = new ObjectType("Obj");
        obj.AddField(Field("ok", str, _ => "ok"));
        obj.AddField(Field("fails", str, _ => throw new GraphQLException(new GraphQLError("boom"))));
        obj.AddField(Field("nonNullFails", NonNull(str), _ => throw new GraphQLException(new GraphQLError("boom!"))));
        obj.AddField(Field("nonNullNull", NonNull(str), _ => null));
        obj.AddField(Field("nested", obj, _ => new object()));
        obj.AddField(Field("nonNullNested", NonNull(obj), _ => new object()));
        obj.AddField(Field("badInt", BuiltInScalars.Int, _ => "abc"));
        obj.AddField(Field("nonNullBadInt", NonNull(BuiltInScalars.Int), _ => 1.5));

        var item = Object("Item",
            Field("id", NonNull(BuiltInScalars.Int), c => c.ParentAs<int>()),
            Field("name", NonNull(str), c => c.ParentAs<int>() == 2 ? null : "n" + c.ParentAs<int>()));
        int[] items = [1, 2, 3];

        var query = Object("Query",
            Field("nullableObj", obj, _ => new object()),
            Field("nonNullObj", NonNull(obj), _ => new object()),
            Field("list", ListOf(item), _ => items),
            Field("nonNullItems", ListOf(NonNull(item)), _ => items),
            Field("nonNullList", NonNull(ListOf(NonNull(item))), _ => items),
            Field("ints", ListOf(NonNull(BuiltInScalars.Int)), _ => new object?[] { 1, null, 3 }),
            Field("nullableInts", ListOf(BuiltInScalars.Int), _ => new object?[] { 1, "x", 3 }),
            Field("notAList", ListOf(BuiltInScalars.Int), _ => 7),
            Field("hello", str, _ => "world"));
        return new Schema(query);
    }

    [Fact]
    public async Task Error_in_a_nullable_field_gives_null_there_and_one_error_with_its_path()
    {
        var r = await Run(Schema, "{ nullableObj { ok fails } }");
        Assert.Equal("""{"nullableObj":{"ok":"ok","fails":null}}""", Data(r));
        Assert.Equal(["boom @nullableObj.fails"], Errors(r));
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(1, 20), r.Errors![0].Locations![0]);
    }

    [Fact]
    public async Task Error_in_a_non_null_field_nulls_the_nearest_nullable_parent()
    {
        var r = await Run(Schema, "{ hello nullableObj { ok nonNullFails } }");
        Assert.Equal("""{"hello":"world","nullableObj":null}""", Data(r));
        Assert.Equal(["boom! @nullableObj.nonNullFails"], Errors(r));
    }

    [Fact]
    public async Task Null_returned_for_a_non_null_field_is_a_field_error_naming_the_field()
    {
        var r = await Run(Schema, "{ nullableObj { nonNullNull } }");
        Assert.Equal("""{"nullableObj":null}""", Data(r));
        Assert.Equal(["Cannot return null for non-nullable field Obj.nonNullNull. @nullableObj.nonNullNull"], Errors(r));
    }

    [Fact]
    public async Task Null_bubbles_through_every_non_null_level_to_data_and_is_reported_once()
    {
        var r = await Run(Schema, "{ hello nonNullObj { nonNullNested { nonNullNested { nonNullFails } } } }");
        Assert.True(r.HasData);
        Assert.Equal("null", Data(r));
        Assert.Equal(["boom! @nonNullObj.nonNullNested.nonNullNested.nonNullFails"], Errors(r));
    }

    [Fact]
    public async Task Null_stops_at_a_nullable_object_between_non_null_ones()
    {
        var r = await Run(Schema, "{ nonNullObj { ok nested { nonNullNested { nonNullFails } } } }");
        Assert.Equal("""{"nonNullObj":{"ok":"ok","nested":null}}""", Data(r));
        Assert.Equal(["boom! @nonNullObj.nested.nonNullNested.nonNullFails"], Errors(r));
    }

    [Fact]
    public async Task Nullable_list_items_become_null_individually_with_the_index_in_the_path()
    {
        var r = await Run(Schema, "{ list { id name } }");
        Assert.Equal("""{"list":[{"id":1,"name":"n1"},null,{"id":3,"name":"n3"}]}""", Data(r));
        Assert.Equal(["Cannot return null for non-nullable field Item.name. @list.1.name"], Errors(r));
    }

    [Fact]
    public async Task A_failing_non_null_item_nulls_the_nullable_list()
    {
        var r = await Run(Schema, "{ nonNullItems { name } hello }");
        Assert.Equal("""{"nonNullItems":null,"hello":"world"}""", Data(r));
        Assert.Equal(["Cannot return null for non-nullable field Item.name. @nonNullItems.1.name"], Errors(r));
    }

    [Fact]
    public async Task A_failing_item_of_a_non_null_list_nulls_the_data()
    {
        var r = await Run(Schema, "{ hello nonNullList { id name } }");
        Assert.Equal("null", Data(r));
        Assert.Equal(["Cannot return null for non-nullable field Item.name. @nonNullList.1.name"], Errors(r));
    }

    [Fact]
    public async Task A_null_leaf_item_in_a_list_of_non_null_leaves_nulls_the_list()
    {
        var r = await Run(Schema, "{ ints }");
        Assert.Equal("""{"ints":null}""", Data(r));
        Assert.Equal(["Cannot return null for non-nullable field Query.ints. @ints.1"], Errors(r));
    }

    [Fact]
    public async Task A_leaf_that_cannot_be_serialized_is_a_field_error()
    {
        var r = await Run(Schema, "{ nullableObj { badInt ok } nullableInts }");
        Assert.Equal("""{"nullableObj":{"badInt":null,"ok":"ok"},"nullableInts":[1,null,3]}""", Data(r));
        Assert.Equal([
            "Int cannot represent non-integer value: \"abc\" @nullableObj.badInt",
            "Int cannot represent non-integer value: \"x\" @nullableInts.1",
        ], Errors(r).Order().ToArray());
    }

    [Fact]
    public async Task A_non_null_leaf_that_cannot_be_serialized_nulls_its_parent()
    {
        var r = await Run(Schema, "{ nullableObj { ok nonNullBadInt } }");
        Assert.Equal("""{"nullableObj":null}""", Data(r));
        Assert.Equal(["Int cannot represent non-integer value: 1.5 @nullableObj.nonNullBadInt"], Errors(r));
    }

    [Fact]
    public async Task A_non_list_value_for_a_list_field_is_a_field_error()
    {
        var r = await Run(Schema, "{ notAList hello }");
        Assert.Equal("""{"notAList":null,"hello":"world"}""", Data(r));
        Assert.StartsWith("Expected Iterable, but did not find one for field \"Query.notAList\"", Messages(r));
    }
}
