using System.Diagnostics;
using Npgsql;

namespace CxDashboard.Benchmarks;

/// <summary>A fresh, migrated database for one benchmark on the server in CXD_BENCH_PG, plus the host CLI.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string admin;
    private readonly string name;
    private readonly bool owned;

    private BenchDatabase(string admin, string name, bool owned = true)
    {
        this.admin = admin;
        this.name = name;
        this.owned = owned;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string label)
    {
        var db = new BenchDatabase(Admin(), $"cx_bench_{label}_{Environment.ProcessId}");
        await db.AdminAsync($"DROP DATABASE IF EXISTS {db.name} WITH (FORCE)");
        await db.AdminAsync($"CREATE DATABASE {db.name}");
        var (code, _, err) = await db.HostAsync("migrate");
        if (code != 0) throw new InvalidOperationException("migrate failed: " + err);
        return db;
    }

    /// <summary>An existing database on the same server, used as it is and kept afterwards (repeated runs without re-seeding).</summary>
    public static BenchDatabase Existing(string name) => new(Admin(), name, owned: false);

    private static string Admin() =>
        Environment.GetEnvironmentVariable("CXD_BENCH_PG") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("CXD_TEST_PG") is { Length: > 0 } test ? test
        : throw new InvalidOperationException(
            "Neither CXD_BENCH_PG nor CXD_TEST_PG is set; run benchmarks through tests/bench.sh (starts its own PostgreSQL) " +
            "or point CXD_BENCH_PG at a server (admin connection string without database).");

    /// <summary>Runs the built host with a CLI verb against this database; returns exit code and output.</summary>
    public Task<(int Code, string Out, string Err)> HostAsync(params string[] args) => HostAsync(args, echoStderr: false);

    /// <param name="echoStderr">Pass the host's stderr (progress of seed and rollup) straight through instead of capturing it.</param>
    public async Task<(int Code, string Out, string Err)> HostAsync(string[] args, bool echoStderr)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = !echoStderr };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Cx"] = ConnectionString;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = echoStderr ? Task.FromResult("") : p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0; // counts over 10M+ rows on a loaded machine outlast the 30 s default
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task<DateTime> ScalarDateAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        return (DateTime)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await r.ReadAsync())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task AdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (owned) await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
