using System.Diagnostics;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands sent to one database while it is alive, from Npgsql's own tracing (ActivitySource
/// "Npgsql"): one per command, and one per batch (a batch is one round trip). Only that database counts, since
/// test classes run in parallel on their own databases; physical connection opens carry no SQL text and are
/// not counted.
/// </summary>
public sealed class SqlCommandCount : IDisposable
{
    private readonly ActivityListener listener;
    private int count;

    public SqlCommandCount(string connectionString)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.TagObjects.Any(t => t.Value is string v && v == database) && a.GetTagItem("db.query.text") is not null)
                    Interlocked.Increment(ref count);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Count => Volatile.Read(ref count);

    public void Dispose() => listener.Dispose();
}
