using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>The executor refuses oversized and token-bomb documents before (or while) parsing, never after.</summary>
public sealed class RequestLimitTests
{
    private static readonly Schema Schema = new(Object("Query", Field("a", BuiltInScalars.Int, _ => 1)));

    private static Task<ExecutionResult> Execute(GraphQLExecutor executor, string query) =>
        executor.ExecuteAsync(new ExecutionRequest { Query = query });

    [Fact]
    public async Task A_document_over_the_length_limit_is_refused_without_being_parsed()
    {
        var executor = new GraphQLExecutor(Schema, new GraphQLExecutorOptions { Validation = new ValidationOptions { MaxDocumentLength = 50 } });
        // 60 characters that are not even GraphQL: parsing would report a syntax error instead
        var r = await Execute(executor, "{ a " + new string('}', 56));
        Assert.False(r.HasData);
        Assert.Equal("The document is 60 characters long, which exceeds the maximum length of 50 characters.", Messages(r));
        Assert.Equal(0, executor.CachedDocumentCount); // refusals of huge texts do not push real documents out of the cache

        var fits = await Execute(executor, "{ a }");
        Assert.Equal("""{"a":1}""", Data(fits));
    }

    [Fact]
    public async Task A_token_bomb_stops_at_MaxTokens_with_the_position_of_the_first_token_too_many()
    {
        var executor = new GraphQLExecutor(Schema, new GraphQLExecutorOptions { MaxTokens = 100 });
        // 1 + 200 + 1 tokens, each "a" a valid selection: only the token count can stop it
        var r = await Execute(executor, "{" + string.Concat(Enumerable.Repeat(" a", 200)) + " }");
        Assert.False(r.HasData);
        var error = Assert.Single(r.Errors!);
        Assert.Equal("Syntax Error: Document contains more than 100 tokens. Parsing aborted.", error.Message);
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(1, 201), error.Locations![0]); // token 101 is the 100th "a"

        Assert.Equal("""{"a":1}""", Data(await Execute(executor, "{" + string.Concat(Enumerable.Repeat(" a", 98)) + " }")));
    }

    [Fact]
    public async Task Without_MaxTokens_a_long_document_parses()
    {
        var r = await Execute(new GraphQLExecutor(Schema), "{" + string.Concat(Enumerable.Repeat(" a", 5000)) + " }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"a":1}""", Data(r));
    }
}
