using CxDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test command started (env <c>CXD_TEST_PG</c>). A template database is
/// migrated once per test run; each fixture clones it, which takes milliseconds.
/// </summary>
internal static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? template;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CXD_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "CXD_TEST_PG is not set: these tests need a real PostgreSQL server. Run them with tests/run.sh, " +
                "which starts one, or set CXD_TEST_PG='Host=127.0.0.1;Port=5432;Username=postgres'.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var tmpl = await EnsureTemplateAsync();
        var name = $"{prefix}_{Environment.ProcessId}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 63) name = name[..63];
        // CREATE DATABASE … TEMPLATE fails while another session is connected to the template; retry briefly.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{tmpl}\"");
                return name;
            }
            catch (PostgresException ex) when (ex.SqlState == "55006" && attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (template is not null) return template;
        await Gate.WaitAsync();
        try
        {
            if (template is not null) return template;
            var name = $"cx_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
            var options = new DbContextOptionsBuilder<CxDbContext>().UseCxPostgres(ConnectionStringFor(name)).Options;
            await using (var db = new CxDbContext((DbContextOptions<CxDbContext>)options))
            {
                await db.Database.MigrateAsync();
            }
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); }
                catch (NpgsqlException) { /* the server may already be gone at exit */ }
            };
            template = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
