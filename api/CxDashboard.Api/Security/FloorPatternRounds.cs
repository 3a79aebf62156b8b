using CxDashboard.Core.Jobs;
using Npgsql;

namespace CxDashboard.Api.Security;

/// <summary>
/// Records the warmer's rounds in <c>job_run</c> (job <see cref="Job"/>), so operators see on the data-jobs screen and in
/// <c>GET /api/rollups/runs</c> that patterns are being built, how long a round took and whether it failed.
/// </summary>
/// <remarks>
/// A round is written as <c>running</c> when it starts and closed when it ends. A round that built nothing (every scope
/// already ready, e.g. a host was disabled) removes its row again: such rounds say nothing an operator needs, and a
/// table of them would bury the rounds that built something or failed, which always stay.
/// <para>
/// Several api nodes build at once, so a node cannot tell by the job alone whether another node's <c>running</c> row is
/// alive (the rollup can: it holds a cluster-wide lock). Each round holds a session advisory lock keyed by its row id on
/// its own connection for as long as it runs; a <c>running</c> row whose lock nobody holds belongs to a node that died (its
/// session ended), and the next round on any node closes it as abandoned (<see cref="JobRunLog.AbandonedPrefix"/>).
/// </para>
/// </remarks>
public sealed class FloorPatternRounds(NpgsqlDataSource db)
{
    public const string Job = "privacy-patterns";

    // Advisory lock class of the rounds ("cxpf"); the second key is the row id.
    public const int LockClass = 0x6378_7066;

    /// <summary>Closes the rounds of dead nodes, then records this one as running (and holds its lock until it ends).</summary>
    public async Task<FloorPatternRound> StartAsync(CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        try
        {
            // One statement: the row becomes visible to other nodes only at its commit, when its lock is already held.
            long id;
            await using (var start = new NpgsqlCommand($"""
                WITH r AS (INSERT INTO job_run (job, node, started_at, outcome) VALUES (@job, @node, now(), 'running') RETURNING id)
                SELECT id, pg_advisory_lock({LockClass}, (id % 2147483647)::int) FROM r
                """, conn))
            {
                start.Parameters.AddWithValue("job", Job);
                start.Parameters.AddWithValue("node", $"{Environment.MachineName}:{Environment.ProcessId}");
                await using var r = await start.ExecuteReaderAsync(ct);
                await r.ReadAsync(ct);
                id = r.GetInt64(0);
            }
            await using (var abandoned = new NpgsqlCommand($"""
                UPDATE job_run j SET outcome = 'failed', finished_at = now(),
                       error = '{JobRunLog.AbandonedPrefix} the node running it stopped before it finished'
                WHERE j.job = @job AND j.outcome = 'running' AND j.id <> @id
                  AND NOT EXISTS (SELECT 1 FROM pg_locks l
                                  WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                    AND l.classid = {LockClass}::oid AND l.objid = ((j.id % 2147483647)::int)::oid AND l.objsubid = 2)
                """, conn))
            {
                abandoned.Parameters.AddWithValue("job", Job);
                abandoned.Parameters.AddWithValue("id", id);
                await abandoned.ExecuteNonQueryAsync(ct);
            }
            return new FloorPatternRound(db, conn, id, LockClass);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }
}

/// <summary>One recorded round: <see cref="SucceededAsync"/> or <see cref="FailedAsync"/>, then dispose (releases its lock).</summary>
public sealed class FloorPatternRound(NpgsqlDataSource db, NpgsqlConnection held, long id, int lockClass) : IAsyncDisposable
{
    public long Id => id;

    /// <summary>
    /// Closes the round with its counts (scope text, watermark = the rollup version it built for); one that built nothing
    /// and failed nowhere is removed instead (see <see cref="FloorPatternRounds"/>).
    /// </summary>
    public async Task SucceededAsync(int targets, FloorWarmResult result)
    {
        if (result.Built == 0 && result.Failures.Count == 0)
        {
            await ExecAsync("DELETE FROM job_run WHERE id = @id", ("id", id));
            return;
        }
        var scope = $"{targets} target(s); {result.Built} built; {result.Ready} already ready; rollup version {(result.Version is { } v ? v.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "none")}";
        // A scope that could not be built fails the round (the others were built): its callers keep waiting for it.
        var error = result.Failures.Count == 0 ? null
            : $"{result.Failures.Count} scope(s) could not be built; first: {result.Failures[0].Label}: {result.Failures[0].Error}";
        await ExecAsync("""
            UPDATE job_run SET outcome = @outcome, finished_at = clock_timestamp(), scope = @scope, watermark = @version, error = @error WHERE id = @id
            """,
            ("outcome", error is null ? "succeeded" : "failed"), ("scope", scope), ("version", (object?)result.Version ?? DBNull.Value),
            ("error", (object?)error ?? DBNull.Value), ("id", id));
    }

    /// <summary>Closes the round as failed with the error; stopped by the node shutting down, it is closed as abandoned.</summary>
    public Task FailedAsync(Exception ex) =>
        ExecAsync("UPDATE job_run SET outcome = 'failed', finished_at = clock_timestamp(), error = @error WHERE id = @id",
            ("error", ex is OperationCanceledException ? $"{JobRunLog.AbandonedPrefix} the node stopped during the round" : $"{ex.GetType().Name}: {ex.Message}"),
            ("id", id));

    // On a fresh pooled connection: the held one may be the one a database hiccup broke.
    private async Task ExecAsync(string sql, params (string Name, object Value)[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.Add(value is DateTime t
                ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = DateTime.SpecifyKind(t, DateTimeKind.Utc) }
                : new NpgsqlParameter(name, value));
        }
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Pooled connections keep their session (no reset on close): the lock is released here, not by closing.
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({lockClass}, (@id % 2147483647)::int)", held);
            unlock.Parameters.AddWithValue("id", id);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // the connection broke: its session ended, and the lock with it
        }
        await held.DisposeAsync();
    }
}
