using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_the_request_stops_resolving_and_throws()
    {
        var resolvedAfterCancel = 0;
        using var cts = new CancellationTokenSource();
        var item = Object("Item", AsyncField("late", BuiltInScalars.Int, _ => { Interlocked.Increment(ref resolvedAfterCancel); return Task.FromResult<object?>(1); }));
        var schema = new Schema(Object("Query",
            Field("items", ListOf(item), _ =>
            {
                // the client goes away while this level resolves: the next level must not start
                cts.Cancel();
                return new object[] { 1, 2 };
            }),
            AsyncField("other", BuiltInScalars.Int, async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return 1;
            })));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(schema, "{ items { late } other }", ct: cts.Token));
        Assert.Equal(0, resolvedAfterCancel);
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_before_anything_runs()
    {
        var calls = 0;
        var schema = new Schema(Object("Query", Field("a", BuiltInScalars.Int, _ => ++calls)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new GraphQLExecutor(schema).ExecuteAsync(new ExecutionRequest { Query = "{ a }" }, new CancellationToken(true)));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_resolver_timeout_unrelated_to_the_request_is_an_ordinary_field_error()
    {
        var schema = new Schema(Object("Query",
            AsyncField("a", BuiltInScalars.Int, async _ =>
            {
                using var own = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
                await Task.Delay(Timeout.Infinite, own.Token);
                return 1;
            }),
            Field("b", BuiltInScalars.Int, _ => 2)));
        var r = await Run(schema, "{ a b }");
        Assert.Equal("""{"a":null,"b":2}""", Data(r));
        Assert.Equal(["Unexpected error. @a"], Errors(r));
        Assert.IsType<TaskCanceledException>(r.Errors![0].Exception);
    }
}
