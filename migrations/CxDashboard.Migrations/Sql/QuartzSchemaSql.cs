namespace CxDashboard.Migrations.Sql;

/// <summary>
/// Quartz.NET's ADO job store tables (prefix <c>qrtz_</c>), from the PostgreSQL script Quartz itself
/// ships for schema provisioning — idempotent (CREATE … IF NOT EXISTS), so nothing is hand-copied
/// and the host only validates the schema at start.
/// </summary>
/// <remarks>
/// The one migration SQL not written out here: it is Quartz's own script, read from the package. It is frozen
/// by its SHA-256 instead: the script of Quartz 4.7.3, which migration <c>Rollups</c> was written against. A
/// Quartz upgrade that changes it stops the migration (and so every test on a fresh database) rather than
/// silently giving new databases another schema than old ones: the upgrade then needs a migration of its own.
/// </remarks>
internal static class QuartzSchemaSql
{
    public const string TablePrefix = "qrtz_";

    public const string ScriptSha256 = "4360D520B163038D19BECB44B85FD7E86491B09960A3A82A5C0319664CA982F0";

    public static IEnumerable<string> UpStatements()
    {
        var assembly = typeof(Quartz.IScheduler).Assembly;
        using var stream = assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("Quartz's PostgreSQL schema script was not found in the Quartz assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray()));
        if (sha != ScriptSha256)
        {
            throw new InvalidOperationException(
                $"Quartz's PostgreSQL schema script changed (SHA-256 {sha}, migration Rollups was written against {ScriptSha256}): " +
                "write a migration for the new Quartz schema instead of letting this one change.");
        }
        copy.Position = 0;
        using var reader = new StreamReader(copy);
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
