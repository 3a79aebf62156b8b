using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

public sealed class ResolverTests
{
    public sealed class Person
    {
        public string Name { get; init; } = "";
        public int Age { get; init; }
        public string Greeting() => "hi " + Name;
        public Task<int> LuckyAsync() => Task.FromResult(7);
        public string Fails() => throw new ArgumentException("no greeting today");
    }

    private static Schema PersonSchema()
    {
        var person = Object("Person",
            Field("name", BuiltInScalars.String),
            Field("age", BuiltInScalars.Int),
            Field("greeting", BuiltInScalars.String),
            Field("luckyAsync", BuiltInScalars.Int),
            Field("fails", BuiltInScalars.String),
            Field("missing", BuiltInScalars.String));
        return new Schema(Object("Query",
            Field("person", person, _ => new Person { Name = "Ada", Age = 36 }),
            Field("map", person, _ => new Dictionary<string, object?> { ["name"] = "Map", ["age"] = 1 }),
            Field("readOnlyMap", person, _ => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["name"] = "RO" })));
    }

    [Fact]
    public async Task Default_resolver_reads_properties_case_insensitively_methods_and_dictionary_entries()
    {
        var r = await Run(PersonSchema(), "{ person { name age greeting luckyAsync missing } map { name age } readOnlyMap { name age } }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"person":{"name":"Ada","age":36,"greeting":"hi Ada","luckyAsync":7,"missing":null},"map":{"name":"Map","age":1},"readOnlyMap":{"name":"RO","age":null}}""", Data(r));
    }

    [Fact]
    public async Task A_method_exception_found_by_the_default_resolver_is_masked_and_kept_for_logging()
    {
        var r = await Run(PersonSchema(), "{ person { fails } }");
        Assert.Equal(["Unexpected error. @person.fails"], Errors(r));
        Assert.IsType<ArgumentException>(r.Errors![0].Exception);
    }

    [Fact]
    public async Task A_GraphQLException_keeps_its_own_errors_and_extensions_and_gets_the_field_path()
    {
        var ext = new Dictionary<string, object?> { ["code"] = "FORBIDDEN" };
        var schema = new Schema(Object("Query",
            Field("secret", BuiltInScalars.String, _ => throw new GraphQLException([
                new GraphQLError("not allowed", extensions: ext),
                new GraphQLError("and another"),
            ]))));
        var r = await Run(schema, "{ secret }");
        Assert.Equal("""{"secret":null}""", Data(r));
        Assert.Equal(["not allowed @secret", "and another @secret"], Errors(r));
        Assert.Equal("FORBIDDEN", r.Errors![0].Extensions!["code"]);
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(1, 3), r.Errors[0].Locations![0]);
    }

    [Fact]
    public async Task Sibling_resolvers_run_concurrently_and_the_response_keeps_selection_order()
    {
        var started = 0;
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<object?> Slow(string value)
        {
            if (Interlocked.Increment(ref started) == 2) bothStarted.TrySetResult();
            // each resolver waits until the other one has started too: only possible when they overlap
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(value == "first" ? 50 : 1);
            return value;
        }
        var schema = new Schema(Object("Query",
            AsyncField("a", BuiltInScalars.String, _ => Slow("first")),
            AsyncField("b", BuiltInScalars.String, _ => Slow("second"))));
        var r = await Run(schema, "{ b a z: a }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"b":"second","a":"first","z":"first"}""", Data(r));
    }

    [Fact]
    public async Task Aliases_and_repeated_fields_merge_by_response_key()
    {
        var calls = 0;
        var schema = new Schema(Object("Query",
            Field("n", BuiltInScalars.Int, _ => Interlocked.Increment(ref calls))));
        var r = await Run(schema, "{ n x: n n }");
        Assert.Equal("""{"n":1,"x":2}""", Data(r));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Typename_is_the_runtime_object_type_name()
    {
        var r = await Run(PersonSchema(), "{ __typename person { __typename name } }");
        Assert.Equal("""{"__typename":"Query","person":{"__typename":"Person","name":"Ada"}}""", Data(r));
    }

    [Fact]
    public async Task Root_value_is_the_parent_of_root_fields()
    {
        var schema = new Schema(Object("Query", Field("name", BuiltInScalars.String)));
        var r = await Run(schema, "{ name }", root: new Person { Name = "root" });
        Assert.Equal("""{"name":"root"}""", Data(r));
    }

    [Fact]
    public async Task Enum_results_are_serialized_to_their_names_and_unknown_values_are_errors()
    {
        var color = new EnumType("Color");
        color.AddValue(new EnumValueDefinition("RED", ConsoleColor.Red));
        color.AddValue(new EnumValueDefinition("BLUE", ConsoleColor.Blue));
        var schema = new Schema(Object("Query",
            Field("colors", ListOf(color), _ => new object[] { ConsoleColor.Blue, ConsoleColor.Red, ConsoleColor.Green })));
        var r = await Run(schema, "{ colors }");
        Assert.Equal("""{"colors":["BLUE","RED",null]}""", Data(r));
        Assert.Equal(["Enum \"Color\" cannot represent value: Green @colors.2"], Errors(r));
    }

    [Fact]
    public async Task Async_enumerables_complete_as_lists()
    {
        static async IAsyncEnumerable<string> Stream()
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
                yield return "s" + i;
            }
        }
        var schema = new Schema(Object("Query", Field("items", ListOf(BuiltInScalars.String), _ => Stream())));
        var r = await Run(schema, "{ items }");
        Assert.Equal("""{"items":["s0","s1","s2"]}""", Data(r));
    }

    [Fact]
    public async Task Parsed_documents_are_cached_by_query_text_and_the_cache_is_bounded()
    {
        var schema = new Schema(Object("Query", Field("a", BuiltInScalars.Int, _ => 1)));
        var executor = new GraphQLExecutor(schema, new GraphQLExecutorOptions { DocumentCacheSize = 2 });
        await executor.ExecuteAsync(new ExecutionRequest { Query = "{ a }" });
        await executor.ExecuteAsync(new ExecutionRequest { Query = "{ a }" });
        Assert.Equal(1, executor.CachedDocumentCount);
        await executor.ExecuteAsync(new ExecutionRequest { Query = "{ b: a }" });
        await executor.ExecuteAsync(new ExecutionRequest { Query = "{ c: a }" });
        Assert.Equal(2, executor.CachedDocumentCount);
        var r = await executor.ExecuteAsync(new ExecutionRequest { Query = "{ a }" });
        Assert.Equal("""{"a":1}""", Data(r));
    }

    [Fact]
    public async Task A_syntax_error_is_a_request_error_without_data()
    {
        var schema = new Schema(Object("Query", Field("a", BuiltInScalars.Int, _ => 1)));
        var r = await Run(schema, "{ a ");
        Assert.False(r.HasData);
        Assert.Single(r.Errors!);
        Assert.StartsWith("Syntax Error", r.Errors![0].Message);
    }

    [Fact]
    public async Task An_empty_query_is_a_request_error()
    {
        var schema = new Schema(Object("Query", Field("a", BuiltInScalars.Int, _ => 1)));
        var r = await new GraphQLExecutor(schema).ExecuteAsync(new ExecutionRequest { Query = " " });
        Assert.False(r.HasData);
        Assert.Equal("Must provide query string.", Messages(r));
    }
}
