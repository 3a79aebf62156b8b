using Microsoft.Extensions.Logging;
using Npgsql;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// A data source that counts the SQL commands it executes, from Npgsql's own "command execution
/// completed" log events (category Npgsql.Command) — every statement of a batch counts once.
/// </summary>
public sealed class CommandCounter : ILoggerProvider, IDisposable
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public NpgsqlDataSource DataSource(string connectionString)
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Trace));
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseLoggerFactory(factory);
        return builder.Build();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CommandCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == "Npgsql.Command";

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category != "Npgsql.Command") return;
            var message = formatter(state, exception);
            if (message.StartsWith("Command execution completed", StringComparison.Ordinal) ||
                message.StartsWith("Batch execution completed", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref owner.count);
            }
        }
    }
}
