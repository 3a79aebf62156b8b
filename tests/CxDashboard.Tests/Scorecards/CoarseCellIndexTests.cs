using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// ix_rollup_cell_coarse_series keeps one (unit, slice)'s month, quarter or year cells adjacent for scorecard reads,
/// and includes no statistic: an index column changed by an update rules out a HOT update for every row of the table,
/// and every refresh updates thousands of coarse cells (migration LooseCoarseCells).
/// </summary>
public sealed class CoarseCellIndexTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    [Fact]
    public async Task The_coarse_cell_index_has_the_series_key_and_includes_no_statistic()
    {
        var rows = await db.RowsAsync("""
            SELECT a.attname, k.ord <= i.indnkeyatts AS is_key
            FROM pg_index i
            JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indexrelid = 'ix_rollup_cell_coarse_series'::regclass
            ORDER BY k.ord
            """);

        Assert.Equal(["subject_id", "grain", "dim", "dim_value", "period_start"], rows.Where(r => (bool)r[1]!).Select(r => (string)r[0]!));
        Assert.DoesNotContain(rows, r => !(bool)r[1]!);
    }

    [Fact]
    public async Task No_index_of_rollup_cell_holds_a_statistic()
    {
        var indexed = await db.RowsAsync("""
            SELECT DISTINCT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = 'rollup_cell'::regclass
            ORDER BY 1
            """);

        Assert.Equal(["dim", "dim_value", "grain", "period_start", "subject_id", "subject_kind"], indexed.Select(r => (string)r[0]!));
    }
}
