using System.Collections.Concurrent;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// A resolver's unexpected exception reaches the client as "Unexpected error." (path and locations kept) and
/// the log with its full exception; a GraphQLException is raised on purpose and keeps its message.
/// </summary>
public sealed class ExceptionMaskingTests
{
    private const string Secret = "connection to db-7.internal:5432 refused for user cx_admin";

    private static Schema Build() => new(Object("Query",
        Field("ok", BuiltInScalars.String, _ => "fine"),
        Field("broken", BuiltInScalars.String, _ => throw new InvalidOperationException(Secret)),
        Field("notFound", BuiltInScalars.String, _ => throw new GraphQLException(
            new GraphQLError("No unit 42 in your scope.", extensions: new Dictionary<string, object?> { ["code"] = "NOT_FOUND" }))),
        Field("badScalar", new ThrowingScalar(), _ => "x"),
        Field("badInt", BuiltInScalars.Int, _ => "abc")));

    /// <summary>A custom scalar whose serializer has a bug (not a coercion refusal).</summary>
    private sealed class ThrowingScalar() : ScalarType("Fragile")
    {
        public override object? Serialize(object value) => throw new NullReferenceException(Secret);
        public override object? ParseValue(object value) => value;
        public override object? ParseLiteral(CxDashboard.GraphQL.Language.ValueNode literal) => null;
    }

    private static Task<ExecutionResult> Execute(string query, GraphQLExecutorOptions? options = null, IServiceProvider? services = null) =>
        new GraphQLExecutor(Build(), options).ExecuteAsync(new ExecutionRequest { Query = query, Services = services });

    [Fact]
    public async Task An_unexpected_resolver_exception_reads_unexpected_error_with_path_and_locations_only()
    {
        var r = await Execute("{ ok\n  broken }");
        Assert.Equal("""{"ok":"fine","broken":null}""", Data(r));
        var error = Assert.Single(r.Errors!);
        Assert.Equal("Unexpected error.", error.Message);
        Assert.Equal(["broken"], error.Path!);
        Assert.Equal(new CxDashboard.GraphQL.Language.SourceLocation(2, 3), error.Locations![0]);
        Assert.Null(error.Extensions);
        Assert.DoesNotContain("db-7", System.Text.Json.JsonSerializer.Serialize(r.Errors));
        Assert.Equal(Secret, error.Exception!.Message); // kept for the log, never serialized
    }

    [Fact]
    public async Task A_deliberate_GraphQLException_keeps_its_message_and_code()
    {
        var r = await Execute("{ notFound }");
        var error = Assert.Single(r.Errors!);
        Assert.Equal("No unit 42 in your scope.", error.Message);
        Assert.Equal("NOT_FOUND", error.Extensions!["code"]);
        Assert.Equal(["notFound"], error.Path!);
    }

    [Fact]
    public async Task A_scalar_coercion_refusal_keeps_its_message_but_a_serializer_bug_is_masked()
    {
        var r = await Execute("{ badInt badScalar }");
        Assert.Equal(["Int cannot represent non-integer value: \"abc\" @badInt", "Unexpected error. @badScalar"], Errors(r));
    }

    [Fact]
    public async Task Exception_details_go_to_extensions_only_when_the_host_asks()
    {
        var r = await Execute("{ broken }", new GraphQLExecutorOptions { IncludeExceptionDetails = true });
        var error = Assert.Single(r.Errors!);
        Assert.Equal("Unexpected error.", error.Message);
        var details = Assert.IsType<Dictionary<string, object?>>(error.Extensions!["exception"]);
        Assert.Equal("System.InvalidOperationException", details["type"]);
        Assert.Equal(Secret, details["message"]);
        Assert.Contains(nameof(ExceptionMaskingTests), (string)details["stackTrace"]!);

        var deliberate = await Execute("{ notFound }", new GraphQLExecutorOptions { IncludeExceptionDetails = true });
        Assert.False(deliberate.Errors![0].Extensions!.ContainsKey("exception"));
    }

    [Fact]
    public async Task The_masked_exception_is_logged_with_the_field_path_through_the_request_services()
    {
        var sink = new ListLogger();
        using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(sink))
            .BuildServiceProvider();
        await Execute("{ ok broken notFound }", services: services);

        var entry = Assert.Single(sink.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("GraphQL resolver failed at broken", entry.Message);
        Assert.Equal(Secret, entry.Exception!.Message);
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    /// <summary>Collects what the executor logs.</summary>
    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
        public void Dispose() { }
    }
}
