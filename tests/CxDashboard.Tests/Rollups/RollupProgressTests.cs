using System.Net.Http.Json;
using System.Text.Json;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Npgsql;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// A running rebuild shows its progress on GET /api/rollups/runs. The run is held at two points by table locks the
/// test takes (the cells table, then the driver cells table), so each reading is taken at a known place in the run,
/// with no timing involved: the steps done grow, and the rows read and cells written equal plain SQL counts.
/// </summary>
public sealed class RollupProgressTests(CxApp app) : IClassFixture<CxApp>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_running_rebuild_reports_increasing_steps_rows_and_cells_on_the_runs_endpoint(int connections)
    {
        if (await app.ScalarAsync<long>("SELECT count(*) FROM org_unit") == 0) // both cases share the app's database
            await new DemoSeeder(app.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 400, Interactions = 600, Seed = 17 });
        var facts = await app.ScalarAsync<long>("SELECT (SELECT count(*) FROM survey_response) + (SELECT count(*) FROM interaction)");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a hang guard, not an assertion on time
        var client = app.CreateClient("analyst");

        // Hold the run before it rewrites the cells, and before the driver cells.
        await using var cellsLock = await LockAsync("rollup_cell");
        await using var driversLock = await LockAsync("driver_cell");
        var rebuild = Task.Run(() => new RollupEngine(app.DataSource, connections).RebuildAsync(ct: stop.Token));

        await WaitForLockWaitAsync("rollup_cell", rebuild, stop.Token);
        var first = await RunningProgressAsync(client);
        // the first month (on two connections, maybe the second too) read, none written: the new table waits for the lock
        Assert.InRange(first.GetProperty("rowsRead").GetInt64(), 1, facts - 1);
        Assert.Equal(0, first.GetProperty("cellsWritten").GetInt64());      // no cell written yet
        Assert.InRange(first.GetProperty("stepsDone").GetInt32(), 1, first.GetProperty("stepsTotal").GetInt32() - 1);

        await cellsLock.Transaction.CommitAsync();
        await WaitForLockWaitAsync("driver_cell", rebuild, stop.Token);
        var second = await RunningProgressAsync(client);
        Assert.True(second.GetProperty("stepsDone").GetInt32() > first.GetProperty("stepsDone").GetInt32(), $"{first} then {second}");
        Assert.True(second.GetProperty("cellsWritten").GetInt64() > 0, second.ToString());
        Assert.Equal(second.GetProperty("stepsTotal").GetInt32(), first.GetProperty("stepsTotal").GetInt32());

        await driversLock.Transaction.CommitAsync();
        var run = await rebuild;
        var last = (await RunsAsync(client)).Single(r => r.GetProperty("id").GetInt64() == run.JobRunId);
        Assert.Equal("succeeded", last.GetProperty("outcome").GetString());
        var done = last.GetProperty("progress");
        Assert.Equal(done.GetProperty("stepsTotal").GetInt32(), done.GetProperty("stepsDone").GetInt32());
        Assert.Equal("done", done.GetProperty("step").GetString());
        // Every cell was written before the driver cells: the second reading already counted all of them.
        var cells = await app.ScalarAsync<long>("SELECT count(*) FROM rollup_cell");
        Assert.Equal(cells, second.GetProperty("cellsWritten").GetInt64());
        Assert.Equal((facts, cells), (done.GetProperty("rowsRead").GetInt64(), done.GetProperty("cellsWritten").GetInt64()));
    }

    private sealed class TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public NpgsqlTransaction Transaction => transaction;

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task<TableLock> LockAsync(string table)
    {
        var conn = await app.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", conn, tx);
        await cmd.ExecuteNonQueryAsync();
        return new TableLock(conn, tx);
    }

    /// <summary>Until the run waits for the lock on <paramref name="table"/> (or ends, which fails the test).</summary>
    private async Task WaitForLockWaitAsync(string table, Task run, CancellationToken ct)
    {
        while (await app.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = $1::regclass", table) == 0)
        {
            Assert.False(run.IsCompleted, $"the run ended before it waited for {table}: {run.Exception}");
            await Task.Delay(50, ct);
        }
    }

    private static async Task<JsonElement[]> RunsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/rollups/runs")).EnumerateArray()];

    private static async Task<JsonElement> RunningProgressAsync(HttpClient client)
    {
        var running = Assert.Single(await RunsAsync(client), r => r.GetProperty("outcome").GetString() == "running");
        Assert.Equal("rollup-rebuild", running.GetProperty("job").GetString());
        return running.GetProperty("progress");
    }
}
