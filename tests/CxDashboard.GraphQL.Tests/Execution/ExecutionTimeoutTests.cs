using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// GraphQLExecutorOptions.ExecutionTimeout: past the budget, resolvers and DataLoader batches see their token
/// cancelled and the answer is one TIMEOUT error (never "Unexpected error."), while the caller's own cancellation
/// still throws.
/// </summary>
public sealed class ExecutionTimeoutTests
{
    private static GraphQLExecutor Executor(Schema schema, int milliseconds) =>
        new(schema, new GraphQLExecutorOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(milliseconds) });

    [Fact]
    public async Task A_resolver_past_the_budget_ends_the_operation_with_a_TIMEOUT_error()
    {
        var sawCancellation = false;
        var schema = new Schema(Object("Query",
            Field("quick", BuiltInScalars.Int, _ => 1),
            AsyncField("slow", BuiltInScalars.Int, async ctx =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    sawCancellation = true;
                    throw;
                }
                return 1;
            })));
        var r = await Executor(schema, 50).ExecuteAsync(new ExecutionRequest { Query = "{ quick slow }" });
        Assert.True(r.HasData);
        Assert.Null(r.Data);
        var error = Assert.Single(r.Errors!);
        Assert.Equal("The operation ran longer than its time budget of 0.05 s and was stopped; ask for less (a shorter period, fewer units or fields).", error.Message);
        Assert.Equal("TIMEOUT", error.Extensions!["code"]);
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(1, 1), error.Locations![0]);
        Assert.True(sawCancellation);
    }

    [Fact]
    public async Task A_DataLoader_batch_past_the_budget_is_cancelled_and_reported_as_TIMEOUT()
    {
        var batchCancelled = false;
        var item = Object("Item", AsyncField("detail", BuiltInScalars.Int, async ctx =>
            await ctx.DataLoader<int, int>("details", async (keys, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    batchCancelled = true;
                    throw;
                }
                return keys.ToDictionary(k => k, k => k);
            }).LoadAsync((int)ctx.Parent!)));
        var schema = new Schema(Object("Query", Field("items", ListOf(item), _ => new object[] { 1, 2, 3 })));
        var r = await Executor(schema, 50).ExecuteAsync(new ExecutionRequest { Query = "{ items { detail } }" });
        Assert.Equal(["The operation ran longer than its time budget of 0.05 s and was stopped; ask for less (a shorter period, fewer units or fields)."], Errors(r));
        Assert.Equal("TIMEOUT", r.Errors![0].Extensions!["code"]);
        Assert.True(batchCancelled);
    }

    [Fact]
    public async Task Within_the_budget_nothing_changes_and_the_callers_cancellation_still_throws()
    {
        var schema = new Schema(Object("Query",
            AsyncField("a", BuiltInScalars.Int, async ctx =>
            {
                await Task.Delay(1, ctx.CancellationToken);
                return 1;
            }),
            AsyncField("wait", BuiltInScalars.Int, async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return 1;
            })));
        var executor = Executor(schema, 60_000);
        Assert.Equal("""{"a":1}""", Data(await executor.ExecuteAsync(new ExecutionRequest { Query = "{ a }" })));

        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.ExecuteAsync(new ExecutionRequest { Query = "{ wait }" }, caller.Token));
    }
}

/// <summary>GraphQLExecutorOptions.TranslateException: exceptions the host recognises reach the client in its words.</summary>
public sealed class ExceptionTranslationTests
{
    private sealed class RefusedValueException(string message) : Exception(message);

    [Fact]
    public async Task A_recognised_exception_replaces_unexpected_error_and_others_stay_masked()
    {
        var schema = new Schema(Object("Query",
            Field("refused", BuiltInScalars.String, _ => throw new RefusedValueException("db says no")),
            Field("bug", BuiltInScalars.String, _ => throw new InvalidOperationException("internal detail"))));
        var executor = new GraphQLExecutor(schema, new GraphQLExecutorOptions
        {
            TranslateException = e => e is RefusedValueException
                ? new GraphQLError("That value cannot be stored.", extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT" })
                : null,
        });
        var r = await executor.ExecuteAsync(new ExecutionRequest { Query = "{ refused bug }" });
        Assert.Equal("""{"refused":null,"bug":null}""", Data(r));
        Assert.Equal(["That value cannot be stored. @refused", "Unexpected error. @bug"], Errors(r));
        Assert.Equal("BAD_USER_INPUT", r.Errors![0].Extensions!["code"]);
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(1, 3), r.Errors[0].Locations![0]);
    }
}
