using System.Net.Sockets;
using Npgsql;

namespace CxDashboard.Api.Hosting;

/// <summary>
/// Tells a database outage (server unreachable, shutting down, starting up, connection lost) from any other
/// failure: an outage is answered with 503 and Retry-After (HTTP) or exit code 3 (CLI), not as a bug.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } agg) return Is(agg.InnerExceptions[0]);
            switch (e)
            {
                // 57P01-03: shutting down, crashed, starting up; 08: connection exceptions; 53300: too many connections.
                case PostgresException pg:
                    return pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { InnerException: SocketException or IOException or EndOfStreamException }:
                    return true;
                case NpgsqlException n when n.Message.StartsWith("Exception while", StringComparison.Ordinal) && n.InnerException is null:
                    return true;
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Host and port of a connection string, for messages (never the password).</summary>
    public static string Describe(string? connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "the configured database";
        }
    }
}
