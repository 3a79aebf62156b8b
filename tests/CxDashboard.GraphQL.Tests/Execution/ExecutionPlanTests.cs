using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// The executor keeps grouped field sets and constant arguments with a cached document and runs synchronous
/// resolvers without awaiting: what it reuses must never leak one request's variables into another, and
/// mixing synchronous and asynchronous resolvers must give the same result as either alone.
/// </summary>
public sealed class ExecutionPlanTests
{
    private static readonly Schema Schema = Build();

    private static Schema Build()
    {
        var str = BuiltInScalars.String;
        var item = Object("Item",
            Field("id", NonNull(BuiltInScalars.Int), c => c.ParentAs<int>()),
            Field("label", str, c => "L" + c.ParentAs<int>()),
            AsyncField("slowLabel", str, async c =>
            {
                await Task.Yield();
                return "S" + c.ParentAs<int>();
            }),
            Field("echo", str, c => c.Argument<string>("text")).WithArgs(Arg("text", str)));
        var query = Object("Query",
            Field("items", ListOf(NonNull(item)), _ => new[] { 1, 2, 3 }),
            Field("first", item, _ => 1),
            Field("greet", str, c => "hi " + c.Argument<string>("name")).WithArgs(Arg("name", str, "\"nobody\"")));
        return new Schema(query);
    }

    private static Task<ExecutionResult> Run(GraphQLExecutor executor, string query, object? variables = null) =>
        executor.ExecuteAsync(new ExecutionRequest { Query = query, Variables = variables is null ? null : Raw(variables) });

    [Fact]
    public async Task A_cached_document_collects_skip_and_include_with_each_requests_variables()
    {
        var executor = new GraphQLExecutor(Schema);
        const string query = """
            query($withLabel: Boolean!, $skipId: Boolean!) {
              items { id @skip(if: $skipId) ... @include(if: $withLabel) { label } }
            }
            """;
        // the same text, alternating values, on one executor (one cached document and plan)
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("""{"items":[{"id":1,"label":"L1"},{"id":2,"label":"L2"},{"id":3,"label":"L3"}]}""",
                Data(await Run(executor, query, new { withLabel = true, skipId = false })));
            Assert.Equal("""{"items":[{},{},{}]}""",
                Data(await Run(executor, query, new { withLabel = false, skipId = true })));
            Assert.Equal("""{"items":[{"id":1},{"id":2},{"id":3}]}""",
                Data(await Run(executor, query, new { withLabel = false, skipId = false })));
        }
        Assert.Equal(1, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task Arguments_from_variables_are_coerced_per_request_and_literal_ones_once()
    {
        var executor = new GraphQLExecutor(Schema);
        const string query = """query($n: String) { greet(name: $n) first { echo(text: "fixed") } }""";
        Assert.Equal("""{"greet":"hi ann","first":{"echo":"fixed"}}""", Data(await Run(executor, query, new { n = "ann" })));
        Assert.Equal("""{"greet":"hi bob","first":{"echo":"fixed"}}""", Data(await Run(executor, query, new { n = "bob" })));
        // absent variable: the argument is absent too, so the argument's default applies
        Assert.Equal("""{"greet":"hi nobody","first":{"echo":"fixed"}}""", Data(await Run(executor, query, new { })));
    }

    [Fact]
    public async Task A_request_whose_resolvers_are_all_synchronous_is_complete_when_ExecuteAsync_returns()
    {
        var executor = new GraphQLExecutor(Schema);
        var pending = Run(executor, "{ items { id label } first { label } }");
        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal("""{"items":[{"id":1,"label":"L1"},{"id":2,"label":"L2"},{"id":3,"label":"L3"}],"first":{"label":"L1"}}""",
            Data(await pending));
    }

    [Fact]
    public async Task Synchronous_and_asynchronous_siblings_keep_selection_order_in_objects_and_lists()
    {
        var executor = new GraphQLExecutor(Schema);
        var r = await Run(executor, "{ items { label slowLabel id } first { slowLabel label } }");
        Assert.Null(r.Errors);
        Assert.Equal(
            """{"items":[{"label":"L1","slowLabel":"S1","id":1},{"label":"L2","slowLabel":"S2","id":2},{"label":"L3","slowLabel":"S3","id":3}],"first":{"slowLabel":"S1","label":"L1"}}""",
            Data(r));
    }

    [Fact]
    public async Task An_item_whose_asynchronous_non_null_field_is_null_nulls_the_list_and_is_reported_once()
    {
        var item = Object("Item",
            AsyncField("slowName", NonNull(BuiltInScalars.String), async c =>
            {
                await Task.Yield();
                return c.ParentAs<int>() == 2 ? null : "n" + c.ParentAs<int>();
            }));
        var schema = new Schema(Object("Query",
            Field("items", ListOf(NonNull(item)), _ => new[] { 1, 2, 3 }),
            Field("after", BuiltInScalars.String, _ => "kept")));
        var r = await new GraphQLExecutor(schema).ExecuteAsync(new ExecutionRequest { Query = "{ items { slowName } after }" });
        Assert.Equal("""{"items":null,"after":"kept"}""", Data(r));
        Assert.Equal(["Cannot return null for non-nullable field Item.slowName. @items.1.slowName"], Errors(r));
    }
}
