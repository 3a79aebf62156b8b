using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>Operation selection, allowed operation types and serial mutations.</summary>
public sealed class OperationTests
{
    private static Schema WithMutations(List<string> log)
    {
        async Task<object?> Step(string name, int delayMs)
        {
            log.Add("start " + name);
            await Task.Delay(delayMs);
            log.Add("end " + name);
            return name;
        }
        var query = Object("Query", Field("q", BuiltInScalars.String, _ => "q"));
        var mutation = Object("Mutation",
            AsyncField("slow", BuiltInScalars.String, _ => Step("slow", 150)),
            AsyncField("fast", BuiltInScalars.String, _ => Step("fast", 0)),
            Field("fails", NonNull(BuiltInScalars.String), _ => throw new GraphQLException(new GraphQLError("mutation failed"))));
        return new Schema(query, mutation);
    }

    [Fact]
    public async Task Mutation_root_fields_run_one_after_another_in_document_order()
    {
        var log = new List<string>();
        var r = await Run(WithMutations(log), "mutation { a: slow b: fast c: slow }");
        Assert.Equal("""{"a":"slow","b":"fast","c":"slow"}""", Data(r));
        Assert.Equal(["start slow", "end slow", "start fast", "end fast", "start slow", "end slow"], log);
    }

    [Fact]
    public async Task A_failing_non_null_mutation_field_nulls_data_and_later_mutations_do_not_run()
    {
        var log = new List<string>();
        var r = await Run(WithMutations(log), "mutation { a: fast fails b: slow }");
        Assert.Equal("null", Data(r));
        Assert.Equal(["mutation failed @fails"], Errors(r));
        Assert.Equal(["start fast", "end fast"], log);
    }

    [Fact]
    public async Task Query_sibling_fields_overlap_unlike_mutations()
    {
        var log = new List<string>();
        var secondEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Log(string entry) { lock (log) log.Add(entry); }
        // "first" waits for "second" to finish: only possible when the executor starts "second" while "first"
        // is still running. Run one after the other, "first" would time out (an error, not a slower pass).
        var q = Object("Query",
            AsyncField("first", BuiltInScalars.String, async _ =>
            {
                Log("start first");
                await secondEnded.Task.WaitAsync(TimeSpan.FromSeconds(10));
                Log("end first");
                return "1";
            }),
            AsyncField("second", BuiltInScalars.String, async _ =>
            {
                Log("start second");
                await Task.Yield();
                Log("end second");
                secondEnded.TrySetResult();
                return "2";
            }));
        var r = await Run(new Schema(q), "{ first second }");
        Assert.Empty(Errors(r));
        Assert.Equal("""{"first":"1","second":"2"}""", Data(r));
        Assert.Equal(["start first", "start second", "end second", "end first"], log);
    }

    [Fact]
    public async Task Without_an_operation_name_a_document_with_several_operations_is_rejected()
    {
        var r = await Run(WithMutations([]), "query A { q } query B { q }");
        Assert.False(r.HasData);
        Assert.Equal("Must provide operation name if query contains multiple operations.", Messages(r));
    }

    [Fact]
    public async Task The_named_operation_is_executed()
    {
        var log = new List<string>();
        var r = await Run(WithMutations(log), "query A { a: q } mutation B { fast }", operationName: "A");
        Assert.Equal("""{"a":"q"}""", Data(r));
        Assert.Empty(log);
    }

    [Fact]
    public async Task An_unknown_operation_name_is_a_request_error()
    {
        var r = await Run(WithMutations([]), "query A { q }", operationName: "B");
        Assert.False(r.HasData);
        Assert.Equal("Unknown operation named \"B\".", Messages(r));
    }

    [Fact]
    public async Task A_document_with_only_fragments_is_refused_for_its_unused_fragment_before_operation_selection()
    {
        // graphql-js 16 answers the same: {"errors":[{"message":"Fragment \"F\" is never used.","locations":[{"line":1,"column":1}]}]}
        var r = await Run(WithMutations([]), "fragment F on Query { q }");
        Assert.False(r.HasData);
        var error = Assert.Single(r.Errors!);
        Assert.Equal("Fragment \"F\" is never used.", error.Message);
        Assert.Equal((1, 1), (error.Locations![0].Line, error.Locations[0].Column));
    }

    [Fact]
    public async Task Operation_types_outside_the_allowed_set_are_refused_before_anything_runs()
    {
        var log = new List<string>();
        var executor = new GraphQLExecutor(WithMutations(log));
        var r = await executor.ExecuteAsync(new ExecutionRequest
        {
            Query = "mutation { fast }",
            AllowedOperations = new HashSet<OperationType> { OperationType.Query },
        });
        Assert.False(r.HasData);
        Assert.Equal("Operation type \"mutation\" is not allowed for this request; allowed: query.", Messages(r));
        Assert.Equal("OPERATION_NOT_ALLOWED", r.Errors![0].Extensions!["code"]);
        Assert.Empty(log);
    }

    [Fact]
    public async Task Subscriptions_are_refused_with_a_clear_error()
    {
        var sub = Object("Subscription", Field("tick", BuiltInScalars.Int, _ => 1));
        var schema = new Schema(Object("Query", Field("q", BuiltInScalars.String, _ => "q")), null, sub);
        var r = await Run(schema, "subscription { tick }");
        Assert.False(r.HasData);
        Assert.Equal("Subscription operations are not supported by this server; use a query or a mutation.", Messages(r));
    }
}
