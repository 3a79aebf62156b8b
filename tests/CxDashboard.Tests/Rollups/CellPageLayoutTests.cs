using Npgsql;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// A full rebuild writes the day cells packed and the week, month, quarter and year cells (four fifths of what every
/// refresh updates) with half of each page free, so a refresh updates those in place: HOT, no index entry written.
/// Checked on PostgreSQL's own per-transaction counters and page numbers, not on the engine's output.
/// </summary>
public sealed class CellPageLayoutTests(RolledUpDatabase db) : IClassFixture<RolledUpDatabase>
{
    [Fact]
    public async Task After_a_full_rebuild_every_coarse_cell_can_be_updated_in_place()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // What a refresh does to a coarse cell: a statistic changes (here one that stays non-NULL, so the row keeps its width).
        await using var update = new NpgsqlCommand("UPDATE rollup_cell SET contacts = contacts + 1 WHERE grain <> 'day' AND contacts IS NOT NULL", conn, tx);
        var updated = await update.ExecuteNonQueryAsync();
        await using var counters = new NpgsqlCommand("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'rollup_cell'", conn, tx);
        await using var r = await counters.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        var (all, hot) = (r.GetInt64(0), r.GetInt64(1));
        await r.CloseAsync();
        await tx.RollbackAsync();

        Assert.True(updated > 1000, $"only {updated} coarse cells with contacts in the test set");
        Assert.Equal(updated, all);
        Assert.Equal(all, hot);
    }

    [Fact]
    public async Task Day_cells_are_packed_and_coarse_cells_fill_about_half_of_their_pages()
    {
        // Bytes of the rows per page of the pages each kind occupies (line pointers and headers left out).
        var fill = (await db.RowsAsync("""
            SELECT grain = 'day', sum(pg_column_size(c.*))::float8 / (count(DISTINCT (ctid::text::point)[0]) * current_setting('block_size')::int)
            FROM rollup_cell c GROUP BY grain = 'day'
            """)).ToDictionary(x => (bool)x[0]!, x => (double)x[1]!);

        Assert.InRange(fill[true], 0.85, 1.0);
        Assert.InRange(fill[false], 0.35, 0.52);
        Assert.Equal("{fillfactor=50}", await db.ScalarAsync<string>("SELECT reloptions::text FROM pg_class WHERE oid = 'rollup_cell'::regclass"));
    }
}
