namespace CxDashboard.Migrations.Sql;

/// <summary>
/// Quartz.NET's ADO job store tables (prefix <c>qrtz_</c>), from the PostgreSQL script Quartz itself
/// ships for schema provisioning — idempotent (CREATE … IF NOT EXISTS), so nothing is hand-copied
/// and the host only validates the schema at start.
/// </summary>
internal static class QuartzSchemaSql
{
    public const string TablePrefix = "qrtz_";

    public static IEnumerable<string> UpStatements()
    {
        var assembly = typeof(Quartz.IScheduler).Assembly;
        using var stream = assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("Quartz's PostgreSQL schema script was not found in the Quartz assembly.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        return script.Split("\n--;;", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
    }

    public const string Down = """
        DROP TABLE IF EXISTS qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_paused_job_grps, qrtz_scheduler_state, qrtz_locks,
            qrtz_execution_history, qrtz_job_status, qrtz_misfire_history,
            qrtz_simple_triggers, qrtz_simprop_triggers, qrtz_cron_triggers, qrtz_blob_triggers, qrtz_triggers,
            qrtz_job_details, qrtz_calendars CASCADE;
        """;
}
