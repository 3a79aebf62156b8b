using Npgsql;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>A fresh, migrated database for one test class, dropped afterwards.</summary>
public class CxDatabase : IAsyncLifetime
{
    private string? name;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        name = await TestPostgres.CreateDatabaseAsync("cx_test");
        ConnectionString = TestPostgres.ConnectionStringFor(name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public virtual async Task DisposeAsync()
    {
        if (DataSource is not null) await DataSource.DisposeAsync();
        if (name is not null) await TestPostgres.DropDatabaseAsync(name);
    }

    public async Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        await using var cmd = Command(sql, args);
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object?[] args)
    {
        await using var cmd = Command(sql, args);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object?[]>> RowsAsync(string sql, params object?[] args)
    {
        await using var cmd = Command(sql, args);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            for (var i = 0; i < row.Length; i++) if (row[i] is DBNull) row[i] = null;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Positional parameters: <c>$1</c>, <c>$2</c>, … in the SQL.</summary>
    private NpgsqlCommand Command(string sql, object?[] args)
    {
        var cmd = DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }
}
