using Npgsql;

namespace CxDashboard.Core.Jobs;

/// <summary>
/// The one reader of <c>job_run</c> (the rollup engine, the scheduled reviews and the privacy-pattern warmer write it):
/// recent runs, each with its progress, for the runs endpoint and the last rollup run for the health check.
/// </summary>
public sealed class JobRunLog(NpgsqlDataSource db)
{
    /// <summary>How the rollup engine marks a run whose node stopped before it finished (closed by the next run).</summary>
    public const string AbandonedPrefix = "abandoned:";

    /// <summary>
    /// The newest runs first, at most <paramref name="limit"/>; only jobs whose name starts with <paramref name="jobPrefix"/>
    /// when given; without <paramref name="includeIdle"/>, no run that succeeded having read and written nothing (the
    /// every-minute refresh that found no changed day: 1,440 a day, which would bury the runs that did something); none
    /// whose name starts with <paramref name="exceptPrefix"/> when given.
    /// </summary>
    public Task<IReadOnlyList<JobRun>> RecentAsync(int limit, string? jobPrefix = null, bool includeIdle = true, string? exceptPrefix = null, CancellationToken ct = default) =>
        QueryAsync(limit, jobPrefix, skipAbandoned: false, includeIdle, ct, exceptPrefix);

    /// <summary>
    /// The newest run of the jobs starting with <paramref name="jobPrefix"/> that says something about the job
    /// itself: runs abandoned by a stopped node are skipped (the job is run again; they are not its failures).
    /// </summary>
    public async Task<JobRun?> LastCountingAsync(string jobPrefix, CancellationToken ct = default) =>
        (await QueryAsync(1, jobPrefix, skipAbandoned: true, includeIdle: true, ct)).FirstOrDefault();

    private async Task<IReadOnlyList<JobRun>> QueryAsync(int limit, string? jobPrefix, bool skipAbandoned, bool includeIdle, CancellationToken ct, string? exceptPrefix = null)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, job, scope, node, started_at, finished_at, j.rows_read, j.cells_written, watermark, outcome, error,
                   p.step, p.steps_done, p.steps_total, p.rows_read, p.cells_written, p.updated_at
            FROM job_run j LEFT JOIN job_run_progress p ON p.job_run_id = j.id
            WHERE ($2::text IS NULL OR starts_with(job, $2)) AND ($6::text IS NULL OR NOT starts_with(job, $6))
              AND NOT ($3 AND outcome = 'failed' AND coalesce(starts_with(error, $4), false))
              -- idle: read and wrote nothing; a run that keeps no counts (privacy-pattern builds: NULL) is not idle
              AND ($5 OR NOT coalesce(outcome = 'succeeded' AND j.rows_read = 0 AND j.cells_written = 0, false))
            ORDER BY j.id DESC LIMIT $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)jobPrefix ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = skipAbandoned });
        cmd.Parameters.Add(new NpgsqlParameter { Value = AbandonedPrefix });
        cmd.Parameters.Add(new NpgsqlParameter { Value = includeIdle });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)exceptPrefix ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var runs = new List<JobRun>();
        while (await r.ReadAsync(ct))
        {
            runs.Add(new JobRun
            {
                Id = r.GetInt64(0),
                Job = r.GetString(1),
                Scope = r.IsDBNull(2) ? null : r.GetString(2),
                Node = r.IsDBNull(3) ? null : r.GetString(3),
                StartedAt = r.GetFieldValue<DateTimeOffset>(4),
                FinishedAt = r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
                RowsRead = r.IsDBNull(6) ? null : r.GetInt64(6),
                CellsWritten = r.IsDBNull(7) ? null : r.GetInt64(7),
                Watermark = r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
                Outcome = r.GetString(9),
                Error = r.IsDBNull(10) ? null : r.GetString(10),
                Progress = r.IsDBNull(11) ? null : new JobRunProgress
                {
                    JobRunId = r.GetInt64(0), Step = r.GetString(11), StepsDone = r.GetInt32(12), StepsTotal = r.GetInt32(13),
                    RowsRead = r.GetInt64(14), CellsWritten = r.GetInt64(15), UpdatedAt = r.GetFieldValue<DateTimeOffset>(16),
                },
            });
        }
        return runs;
    }
}
