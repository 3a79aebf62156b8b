using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// Resolvers run on the request's execution context: an AsyncLocal set by the caller (as ASP.NET Core's
/// IHttpContextAccessor is, carrying the user whose scope every read is filtered by) is visible in them.
/// </summary>
public sealed class ExecutionContextFlowTests
{
    private static readonly AsyncLocal<string?> Caller = new();

    [Fact]
    public async Task Resolvers_see_async_locals_of_the_request_that_started_them()
    {
        var schema = new Schema(Object("Query",
            Field("sync", BuiltInScalars.String, _ => Caller.Value),
            AsyncField("later", BuiltInScalars.String, async _ => { await Task.Yield(); return Caller.Value; })));

        Caller.Value = "dana";
        var result = await Run(schema, "{ sync later }");

        Assert.Null(result.Errors);
        Assert.Equal("""{"sync":"dana","later":"dana"}""", Data(result));
    }
}
