using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// A full rebuild's connections share its snapshot and take the months in turn (the weeks across two months get a part
/// from each, and the driver rows are read in runs of months): what it writes must not depend on how many there are,
/// and the day cells must still lie in day order on disk (a refresh relies on it).
/// </summary>
public sealed class RebuildConnectionsTests : IAsyncLifetime
{
    private readonly CxDatabase db = new();

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await new DemoSeeder(db.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 9_000, Interactions = 15_000, Seed = 11 });
    }

    public Task DisposeAsync() => db.DisposeAsync();

    private const string AllCells = """
        SELECT count(*), string_agg(c::text, E'\n' ORDER BY subject_kind, subject_id, grain, period_start, dim, dim_value) FROM rollup_cell c
        """;

    private const string AllDriverCells = "SELECT count(*), string_agg(d::text, E'\\n' ORDER BY org_unit_id, grain, period_start) FROM driver_cell d";

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task More_connections_write_exactly_the_cells_and_driver_cells_of_one(int connections)
    {
        var one = await new RollupEngine(db.DataSource, rebuildConnections: 1).RebuildAsync();
        var (cells, driverCells) = (await db.RowsAsync(AllCells), await db.RowsAsync(AllDriverCells));

        var two = await new RollupEngine(db.DataSource, rebuildConnections: connections).RebuildAsync();

        Assert.Equal((1, connections), (one.Connections, two.Connections));
        Assert.True((long)cells[0][0]! > 10_000, $"only {cells[0][0]} cells");
        Assert.True((long)driverCells[0][0]! > 1_000, $"only {driverCells[0][0]} driver cells");
        Assert.Equal(cells[0], (await db.RowsAsync(AllCells))[0]);
        Assert.Equal(driverCells[0], (await db.RowsAsync(AllDriverCells))[0]);
        Assert.Equal((one.RowsRead, one.CellsWritten, one.DaysRecomputed), (two.RowsRead, two.CellsWritten, two.DaysRecomputed));
    }

    [Fact]
    public async Task Day_cells_lie_in_day_order_on_disk_before_every_coarser_cell_as_on_one_connection()
    {
        await new RollupEngine(db.DataSource, rebuildConnections: 1).RebuildAsync();
        var one = await LayoutAsync();
        var run = await new RollupEngine(db.DataSource, rebuildConnections: 2).RebuildAsync();
        var two = await LayoutAsync();

        Assert.Equal(2, run.Connections);
        Assert.True(two.DayCells > 20_000 && two.Days > 300, $"only {two.DayCells} day cells over {two.Days} days");
        // Inserted in day order, a few cells still land on an earlier page that had room left (the free space map):
        // a fraction of a percent, where cells in no particular order would be half of them.
        Assert.True(two.Backwards < two.DayCells / 50, $"{two.Backwards} of {two.DayCells} day cells lie after a cell of a later day");
        Assert.True(two.Backwards <= one.Backwards * 1.2 + 20, $"{two.Backwards} day cells out of order on two connections, {one.Backwards} on one");
        Assert.Equal((0L, 0L), (one.CoarseBeforeLastDay, two.CoarseBeforeLastDay));
    }

    [Fact]
    public async Task A_new_cells_table_a_failed_run_left_behind_is_replaced_not_swapped_in()
    {
        await new RollupEngine(db.DataSource, rebuildConnections: 2).RebuildAsync();
        var (cells, driverCells) = (await db.RowsAsync(AllCells), await db.RowsAsync(AllDriverCells));
        // what a run that died after a further connection committed its day cells leaves: the new table, part filled
        await db.ExecuteAsync("""
            CREATE TABLE rollup_cell_next (LIKE rollup_cell INCLUDING ALL EXCLUDING INDEXES);
            INSERT INTO rollup_cell_next SELECT * FROM rollup_cell WHERE grain = 'day' LIMIT 500;
            UPDATE rollup_cell_next SET responses = 999999
            """);

        var run = await new RollupEngine(db.DataSource, rebuildConnections: 2).RebuildAsync();

        Assert.Equal(2, run.Connections);
        Assert.Equal(cells[0], (await db.RowsAsync(AllCells))[0]);
        Assert.Equal(driverCells[0], (await db.RowsAsync(AllDriverCells))[0]);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'rollup_cell_next'"));
        // autovacuum, off on the new table while it is built, is on again once it is the cells table
        Assert.Equal("{fillfactor=50}", await db.ScalarAsync<string>("SELECT reloptions::text FROM pg_class WHERE relname = 'rollup_cell'"));
    }

    [Fact]
    public async Task A_rebuild_stopped_after_the_further_connection_committed_keeps_the_old_cells_and_drops_its_new_table()
    {
        await new RollupEngine(db.DataSource, rebuildConnections: 2).RebuildAsync();
        var (cells, driverCells) = (await db.RowsAsync(AllCells), await db.RowsAsync(AllDriverCells));
        await db.ExecuteAsync("UPDATE survey_response SET nps = 10 WHERE nps < 10"); // a rebuild would change cells

        // Held at the driver cells, after every cell is written and indexed (the further connection committed its day cells).
        await using var hold = await db.DataSource.OpenConnectionAsync();
        await using var holdTx = await hold.BeginTransactionAsync();
        await using (var lockCmd = new Npgsql.NpgsqlCommand("LOCK TABLE driver_cell IN ACCESS EXCLUSIVE MODE", hold, holdTx)) await lockCmd.ExecuteNonQueryAsync();
        using var stop = new CancellationTokenSource();
        var rebuild = Task.Run(() => new RollupEngine(db.DataSource, rebuildConnections: 2).RebuildAsync(ct: stop.Token));
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a hang guard, not an assertion on time
        while (await db.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'driver_cell'::regclass") == 0)
        {
            Assert.False(rebuild.IsCompleted, $"the run ended before it waited for driver_cell: {rebuild.Exception}");
            await Task.Delay(50, guard.Token);
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rebuild);
        await holdTx.RollbackAsync();

        Assert.Equal(cells[0], (await db.RowsAsync(AllCells))[0]);
        Assert.Equal(driverCells[0], (await db.RowsAsync(AllDriverCells))[0]);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'rollup_cell_next'"));
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT outcome FROM job_run ORDER BY id DESC LIMIT 1"));
    }

    private sealed record Layout(long DayCells, long Days, long Backwards, long CoarseBeforeLastDay);

    private async Task<Layout> LayoutAsync()
    {
        // each day cell's day against the day of the cell physically before it
        var r = (await db.RowsAsync("""
            SELECT count(*), count(DISTINCT period_start), count(*) FILTER (WHERE period_start < previous) FROM (
                SELECT period_start, lag(period_start) OVER (ORDER BY ctid) AS previous FROM rollup_cell WHERE grain = 'day') d
            """))[0];
        var coarse = await db.ScalarAsync<long>("""
            SELECT count(*) FROM rollup_cell WHERE grain <> 'day' AND ctid < (SELECT max(ctid) FROM rollup_cell WHERE grain = 'day')
            """);
        return new Layout((long)r[0]!, (long)r[1]!, (long)r[2]!, coarse);
    }
}
