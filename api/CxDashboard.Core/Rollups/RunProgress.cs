using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// A rollup run's progress as it advances: each step is recorded in <c>job_run_progress</c> (steps done of the total, the
/// step under way, fact rows read and cells written so far) by its own short statement outside the run's transaction,
/// so the runs endpoint shows it while the run goes on; the step's name also goes to the caller's callback (CLI, logs).
/// </summary>
internal sealed class RunProgress(NpgsqlDataSource db, long jobRunId, int stepsTotal, Action<string>? callback)
{
    private int done = -1;
    private string step = "starting";
    private long rows;
    private long cells;

    /// <summary>Starts the next step (the previous one is done), with the rows read and cells written so far when known.</summary>
    public Task StepAsync(string name, CancellationToken ct, long? rowsRead = null, long? cellsWritten = null)
    {
        callback?.Invoke(name);
        done = Math.Min(done + 1, stepsTotal - 1);
        step = name;
        rows = rowsRead ?? rows;
        cells = cellsWritten ?? cells;
        return SaveAsync(ct);
    }

    /// <summary>The rows read and cells written so far, within the step under way.</summary>
    public Task CountAsync(long rowsRead, long cellsWritten, CancellationToken ct)
    {
        (rows, cells) = (rowsRead, cellsWritten);
        return SaveAsync(ct);
    }

    /// <summary>Every step done (after the commit).</summary>
    public Task DoneAsync(long rowsRead, long cellsWritten)
    {
        done = stepsTotal;
        step = "done";
        (rows, cells) = (rowsRead, cellsWritten);
        return SaveAsync(CancellationToken.None);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var cmd = db.CreateCommand("""
            INSERT INTO job_run_progress (job_run_id, step, steps_done, steps_total, rows_read, cells_written, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
            ON CONFLICT (job_run_id) DO UPDATE SET step = EXCLUDED.step, steps_done = EXCLUDED.steps_done, steps_total = EXCLUDED.steps_total,
                rows_read = EXCLUDED.rows_read, cells_written = EXCLUDED.cells_written, updated_at = EXCLUDED.updated_at
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = jobRunId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = step });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Max(done, 0) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = stepsTotal });
        cmd.Parameters.Add(new NpgsqlParameter { Value = rows });
        cmd.Parameters.Add(new NpgsqlParameter { Value = cells });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
