using System.Globalization;
using CxDashboard.Api.Security;
using CxDashboard.Core.Export;
using Npgsql;

namespace CxDashboard.Api.Export;

/// <summary>The <c>Export:Schedule</c> section: which units get a monthly review, from which day after month end, in which locale.</summary>
public sealed class ReviewScheduleOptions
{
    public const string Section = "Export:Schedule";

    /// <summary>Unit codes to review every month (none: the job does nothing).</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>Day of the month (1–28) from which last month's review is due; it is produced on the first run after that day once the month is rolled up.</summary>
    public int Day { get; set; } = 2;

    public string Locale { get; set; } = "en";

    /// <summary>How often the job looks for due reviews (Quartz cron; hourly by default).</summary>
    public string Cron { get; set; } = "0 5 * * * ?";
}

/// <summary>What one scheduled run did.</summary>
public sealed record ScheduledRun(string Month, int Produced, int Failed, int Skipped, string? Waiting);

/// <summary>
/// Produces the due monthly reviews: last month's, for each configured unit, once the configured day has come and
/// the month's rollup is complete, and only if no review of it is stored yet. Each review is read as the
/// scheduler's identity scoped to that unit's subtree (the same scope gate as any caller) and stored with
/// who, when and which scope. A failure is stored too (listed by <c>GET /api/exports</c>), recorded in
/// <c>job_run</c> and rethrown so the job retries.
/// </summary>
public sealed class ScheduledReviews(IServiceScopeFactory scopes, NpgsqlDataSource db, RollupReadiness readiness,
    Microsoft.Extensions.Options.IOptions<ReviewScheduleOptions> options, ILogger<ScheduledReviews> logger)
{
    public const string JobName = "monthly-review-export";
    public const string Subject = "scheduler";

    public async Task<ScheduledRun> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        var o = options.Value;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (o.Units.Count == 0) return new ScheduledRun(monthText, 0, 0, 0, "no units configured");
        if (today.Day < o.Day) return new ScheduledRun(monthText, 0, 0, o.Units.Count, $"due from day {o.Day}");
        if (!await readiness.IsCompleteAsync(month, ct)) return new ScheduledRun(monthText, 0, 0, o.Units.Count, "month not rolled up yet");

        var jobRun = await StartJobRunAsync(string.Join(",", o.Units) + " " + monthText, ct);
        int produced = 0, failed = 0, skipped = 0;
        var errors = new List<string>();
        foreach (var unit in o.Units)
        {
            if (await StoredAsync(unit, month, o.Locale, ct))
            {
                skipped++;
                continue;
            }
            try
            {
                await ProduceAsync(unit, monthText, o.Locale, ct);
                produced++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                errors.Add($"{unit}: {ex.Message}");
                logger.LogError(ex, "Scheduled review of {Unit} for {Month} failed", unit, monthText);
                await RecordFailureAsync(unit, month, o.Locale, ex.Message);
            }
        }
        await FinishJobRunAsync(jobRun, produced, errors);
        if (failed > 0) throw new InvalidOperationException($"{failed} scheduled review(s) failed: {string.Join("; ", errors)}");
        return new ScheduledRun(monthText, produced, failed, skipped, null);
    }

    private async Task ProduceAsync(string unit, string month, string locale, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var principal = ExportCaller.Principal(Subject, "Scheduled export", "scheduler", [unit]);
        var gate = ExportCaller.GateFor(scope.ServiceProvider, principal);
        var (file, refusal) = await scope.ServiceProvider.GetRequiredService<ReviewExports>().ExportAsync(unit, month, locale, ct);
        if (file is null) throw new InvalidOperationException($"{refusal!.Title}: {refusal.Detail}");
        var callerScope = await gate.ScopeAsync(ct);
        await using var cmd = db.CreateCommand("""
            INSERT INTO stored_export (kind, org_unit_id, unit_code, month, locale, created_by, scope, privacy_floor, status, attempt, file_name, content, size_bytes)
            VALUES ('monthly-review', $1, $2, $3, $4, $5, $6, $7, 'succeeded',
                    1 + (SELECT count(*) FROM stored_export WHERE unit_code = $2 AND month = $3 AND locale = $4), $8, $9, $10)
            """);
        foreach (var v in new object[] { file.Request.Unit.Id, unit, file.Request.Month.First, locale, Subject, ReviewExports.ScopeText(gate, callerScope),
                     gate.AppliesPrivacyFloor, file.FileName, file.Content, (long)file.Content.Length })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> StoredAsync(string unit, DateOnly month, string locale, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM stored_export WHERE unit_code = $1 AND month = $2 AND locale = $3 AND status = 'succeeded')");
        cmd.Parameters.Add(new NpgsqlParameter { Value = unit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = month });
        cmd.Parameters.Add(new NpgsqlParameter { Value = locale });
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private async Task RecordFailureAsync(string unit, DateOnly month, string locale, string error)
    {
        // Only a unit that exists can hold a row (the list is filtered by it); an unknown code shows in job_run alone.
        await using var cmd = db.CreateCommand("""
            INSERT INTO stored_export (kind, org_unit_id, unit_code, month, locale, created_by, scope, privacy_floor, status, attempt, error, size_bytes)
            SELECT 'monthly-review', u.id, u.code, $2, $3, $4, 'subtree of ' || u.code, false, 'failed',
                   1 + (SELECT count(*) FROM stored_export WHERE unit_code = $1 AND month = $2 AND locale = $3), $5, 0
            FROM org_unit u WHERE u.code = $1
            """);
        foreach (var v in new object[] { unit, month, locale, Subject, error }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task<long> StartJobRunAsync(string scope, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("INSERT INTO job_run (job, scope, node, started_at, outcome) VALUES ($1, $2, $3, now(), 'running') RETURNING id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = JobName });
        cmd.Parameters.Add(new NpgsqlParameter { Value = scope });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Environment.MachineName });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task FinishJobRunAsync(long id, int produced, List<string> errors)
    {
        await using var cmd = db.CreateCommand("UPDATE job_run SET finished_at = now(), outcome = $2, rows_read = $3, error = $4 WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = errors.Count == 0 ? "succeeded" : "failed" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (long)produced });
        cmd.Parameters.Add(new NpgsqlParameter { Value = errors.Count == 0 ? DBNull.Value : string.Join("; ", errors) });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
