using System.Text;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Http;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// Every recursion a request can drive is bounded: documents and variables nested 100,000 deep are refused with an
/// error that says so (and where), never a stack overflow (which would end this test host: the run counts that as a
/// failure), and the same executor then answers a normal query. The deepest documents the limit lets through run
/// on a thread with a sixth of the default stack.
/// </summary>
public sealed class NestingLimitTests
{
    private const int Deep = 100_000;
    private const int Limit = ParserOptions.DefaultMaxDepth;

    private static readonly object Root = new();

    private static readonly Schema Schema = SchemaFromSdl.Build("""
        type Query {
          node: Query!
          echo(s: String, in: Filter, n: [[Int]]): String
          ok: Int
        }
        input Filter { s: String  and: [Filter]  not: Filter }
        """, new SdlSchemaOptions
    {
        Resolvers = (type, field) => field switch
        {
            "node" => _ => ValueTask.FromResult<object?>(Root),
            "echo" => _ => ValueTask.FromResult<object?>("echoed"),
            "ok" => _ => ValueTask.FromResult<object?>(1),
            _ => null,
        },
    });

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>Runs a request on a fresh executor, then a normal query on the same executor.</summary>
    private static async Task<GraphQLError> RefusedThenAlive(string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var executor = new GraphQLExecutor(Schema);
        var r = await executor.ExecuteAsync(new ExecutionRequest { Query = query, Variables = variables });
        Assert.False(r.HasData);
        var error = Assert.Single(r.Errors!);
        var after = await executor.ExecuteAsync(new ExecutionRequest { Query = "{ ok node { ok } }" });
        Assert.Equal("""{"ok":1,"node":{"ok":1}}""", Data(after));
        return error;
    }

    private static string TooDeepSyntax => $"Syntax Error: Document nests more than {Limit} levels (selection sets, lists, input objects, list types). Parsing aborted.";

    [Fact]
    public async Task A_list_literal_nested_100000_deep_in_a_String_argument_is_a_syntax_error_at_the_first_bracket_too_deep()
    {
        const string prefix = "{ echo(s: ";
        var error = await RefusedThenAlive(prefix + Repeat("[", Deep) + "\"x\"" + Repeat("]", Deep) + ") }");
        Assert.Equal(TooDeepSyntax, error.Message);
        // "{" is level 1, so the 128th "[" is level 129
        Assert.Equal(new SourceLocation(1, prefix.Length + Limit), error.Locations![0]);
    }

    [Fact]
    public async Task An_object_literal_nested_100000_deep_is_a_syntax_error()
    {
        var error = await RefusedThenAlive("{ echo(in: " + Repeat("{not: ", Deep) + "{s: \"x\"}" + Repeat("}", Deep) + ") }");
        Assert.Equal(TooDeepSyntax, error.Message);
        Assert.Equal(new SourceLocation(1, "{ echo(in: ".Length + 1 + (Limit - 1) * "{not: ".Length), error.Locations![0]);
    }

    [Fact]
    public async Task Selection_sets_nested_100000_deep_are_a_syntax_error()
    {
        var error = await RefusedThenAlive(Repeat("{ node ", Deep) + "{ ok }" + Repeat(" }", Deep));
        Assert.Equal(TooDeepSyntax, error.Message);
        Assert.Equal(new SourceLocation(1, Limit * "{ node ".Length + 1), error.Locations![0]);
    }

    [Fact]
    public async Task Inline_fragments_nested_100000_deep_are_a_syntax_error()
    {
        var error = await RefusedThenAlive(Repeat("{ ... on Query ", Deep) + "{ ok }" + Repeat(" }", Deep));
        Assert.Equal(TooDeepSyntax, error.Message);
    }

    [Fact]
    public async Task A_list_type_nested_100000_deep_is_a_syntax_error()
    {
        var error = await RefusedThenAlive("query($v: " + Repeat("[", Deep) + "Int" + Repeat("]", Deep) + ") { ok }");
        Assert.Equal(TooDeepSyntax, error.Message);
    }

    [Fact]
    public async Task A_list_nested_100000_deep_in_a_directive_argument_is_a_syntax_error()
    {
        var error = await RefusedThenAlive("{ ok @skip(if: " + Repeat("[", Deep) + "true" + Repeat("]", Deep) + ") }");
        Assert.Equal(TooDeepSyntax, error.Message);
    }

    [Fact]
    public async Task A_chain_of_100000_fragment_spreads_is_refused_by_validation_at_the_first_spread()
    {
        var sb = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < Deep - 1; i++) sb.Append("fragment F").Append(i).Append(" on Query { ...F").Append(i + 1).Append(" }\n");
        sb.Append("fragment F").Append(Deep - 1).Append(" on Query { ok }\n");
        var error = await RefusedThenAlive(sb.ToString());
        // the operation's set (1) holds ...F0, whose chain adds one selection set per fragment
        Assert.Equal($"The document nests {Deep + 1} levels deep (selection sets, lists, input objects and list types, fragments expanded), more than the limit of {Limit}.", error.Message);
        Assert.Equal(new SourceLocation(1, 3), error.Locations![0]);
    }

    [Fact]
    public async Task Fragments_each_within_the_limit_that_nest_past_it_together_are_refused()
    {
        // each fragment nests 10 deep on its own; F0 → F1 → … → F19 adds up to about 200
        var sb = new StringBuilder("{ ...F0 }\n");
        const int n = 20;
        for (var i = 0; i < n; i++)
        {
            var inner = i < n - 1 ? $"...F{i + 1}" : "ok";
            sb.Append($"fragment F{i} on Query {{ ").Append(Repeat("node { ", 9)).Append(inner).Append(Repeat(" }", 9)).Append(" }\n");
        }
        var error = await RefusedThenAlive(sb.ToString());
        Assert.Equal($"The document nests {1 + n * 10} levels deep (selection sets, lists, input objects and list types, fragments expanded), more than the limit of {Limit}.", error.Message);
    }

    [Fact]
    public async Task A_fragment_cycle_is_still_reported_as_a_cycle()
    {
        var r = await new GraphQLExecutor(Schema).ExecuteAsync(new ExecutionRequest
        {
            Query = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
        });
        Assert.Equal("Cannot spread fragment \"A\" within itself via \"B\".", Messages(r));
    }

    [Fact]
    public async Task An_input_object_variable_nested_100000_deep_is_a_variable_error_with_a_short_value()
    {
        object? value = new Dictionary<string, object?> { ["s"] = "x" };
        for (var i = 0; i < Deep; i++) value = new Dictionary<string, object?> { ["not"] = value };
        var error = await RefusedThenAlive("query($f: Filter) { echo(in: $f) }",
            new Dictionary<string, object?> { ["f"] = value });
        Assert.StartsWith("Variable \"$f\" got invalid value { not: { not: [Object] } } at \"f" + Repeat(".not", Limit) + "\"; ", error.Message);
        Assert.EndsWith("The value nests lists and input objects deeper than the document nesting limit.", error.Message);
        Assert.Equal(new SourceLocation(1, 7), error.Locations![0]);
    }

    [Fact]
    public async Task A_list_variable_nested_100000_deep_is_refused_with_graphql_js_inspect_of_the_value()
    {
        object? value = 1L;
        for (var i = 0; i < Deep; i++) value = new List<object?> { value };
        var error = await RefusedThenAlive("query($n: [[Int]]) { echo(n: $n) }",
            new Dictionary<string, object?> { ["n"] = value });
        Assert.Equal("Variable \"$n\" got invalid value [[[Array]]] at \"n[0][0]\"; Int cannot represent non-integer value: [[[Array]]]", error.Message);
    }

    [Fact]
    public async Task A_document_built_in_code_100000_deep_is_refused_by_validation_without_recursing()
    {
        SelectionSetNode set = new() { Selections = [Field("ok", null)] };
        for (var i = 0; i < Deep; i++) set = new SelectionSetNode { Selections = [Field("node", set)] };
        var document = new DocumentNode
        {
            Definitions =
            [
                new OperationDefinitionNode
                {
                    Operation = OperationType.Query, VariableDefinitions = [], Directives = [], SelectionSet = set,
                },
            ],
        };
        var executor = new GraphQLExecutor(Schema);
        var r = await executor.ExecuteAsync(new ExecutionRequest { Document = document });
        var error = Assert.Single(r.Errors!);
        Assert.Equal($"The document nests {Deep + 1} levels deep (selection sets, lists, input objects and list types, fragments expanded), more than the limit of {Limit}.", error.Message);
        Assert.Equal("""{"ok":1}""", Data(await executor.ExecuteAsync(new ExecutionRequest { Query = "{ ok }" })));

        static FieldNode Field(string name, SelectionSetNode? sub) => new()
        {
            Name = new NameNode { Value = name }, Arguments = [], Directives = [], SelectionSet = sub,
        };
    }

    /// <summary>
    /// The deepest documents the limit accepts, parsed, validated, executed (variables coerced) and written as JSON on
    /// a thread of 256 KB: a sixth of the 1.5 MB .NET gives its threads (request threads included) on Linux. Were the
    /// stack to run out, the test host would die and the run would count it failed. (Probed once with smaller stacks:
    /// parsing and validation fit in 128 KB, executing 128 nested selection sets does not.)
    /// </summary>
    [Fact]
    public void The_deepest_accepted_documents_run_on_a_256_KB_stack() => RunDeepest(256);

    private static void RunDeepest(int kb)
    {
        object? filter = new Dictionary<string, object?> { ["s"] = "x" };
        for (var i = 0; i < Limit - 1; i++) filter = new Dictionary<string, object?> { ["not"] = filter };
        var fragments = new StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < Limit - 2; i++) fragments.Append($"fragment F{i} on Query {{ ...F{i + 1} }}\n");
        fragments.Append($"fragment F{Limit - 2} on Query {{ ok }}\n");

        (string Query, IReadOnlyDictionary<string, object?>? Variables, string Expected)[] cases =
        [
            (Repeat("{ node ", Limit - 1) + "{ ok }" + Repeat(" }", Limit - 1), null, "\"ok\":1"),
            (Repeat("{ ... on Query ", Limit - 1) + "{ ok }" + Repeat(" }", Limit - 1), null, "\"ok\":1"),
            ("{ echo(s: " + Repeat("[", Limit - 1) + "\"x\"" + Repeat("]", Limit - 1) + ") }", null, "String cannot represent a non string value"),
            ("{ echo(in: " + Repeat("{not: ", Limit - 2) + "{s: \"x\"}" + Repeat("}", Limit - 2) + ") }", null, "\"echo\":\"echoed\""),
            ("query($f: Filter) { echo(in: $f) }", new Dictionary<string, object?> { ["f"] = filter }, "\"echo\":\"echoed\""),
            ("query($v: " + Repeat("[", Limit) + "Int" + Repeat("]", Limit) + ") { ok }", null, "is never used."),
            (fragments.ToString(), null, "\"ok\":1"),
        ];
        var outputs = new string[cases.Length];
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var executor = new GraphQLExecutor(Schema);
                for (var i = 0; i < cases.Length; i++)
                {
                    // resolvers here are synchronous, so the whole request runs on this thread
                    var task = executor.ExecuteAsync(new ExecutionRequest { Query = cases[i].Query, Variables = cases[i].Variables });
                    Assert.True(task.IsCompleted);
                    outputs[i] = Encoding.UTF8.GetString(ExecutionResultWriter.ToUtf8(task.Result));
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: kb * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        for (var i = 0; i < cases.Length; i++) Assert.Contains(cases[i].Expected, outputs[i]);
    }
}
