using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// A full rebuild splits the facts' months between connections that share its snapshot: what it writes must not depend
/// on how many there are, and the day cells must still lie in day order on disk (a refresh relies on it).
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

    [Fact]
    public async Task Two_connections_write_exactly_the_cells_and_driver_cells_of_one()
    {
        var one = await new RollupEngine(db.DataSource, rebuildConnections: 1).RebuildAsync();
        var (cells, driverCells) = (await db.RowsAsync(AllCells), await db.RowsAsync(AllDriverCells));

        var two = await new RollupEngine(db.DataSource, rebuildConnections: 2).RebuildAsync();

        Assert.Equal((1, 2), (one.Connections, two.Connections));
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
