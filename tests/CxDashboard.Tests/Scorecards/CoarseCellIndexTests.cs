using CxDashboard.Core.Rollups;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// Scorecard cells are answered by an index-only scan of ix_rollup_cell_coarse_series only while that index
/// includes every column the scorecard reads from it; a column added to the cells later must be added there too.
/// </summary>
public sealed class CoarseCellIndexTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    [Fact]
    public async Task The_coarse_cell_index_includes_exactly_the_counts_a_scorecard_reads()
    {
        var rows = await db.RowsAsync("""
            SELECT a.attname, a.attnum > 0 AND k.ord <= i.indnkeyatts AS is_key
            FROM pg_index i
            JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indexrelid = 'ix_rollup_cell_coarse_series'::regclass
            ORDER BY k.ord
            """);
        var keys = rows.Where(r => (bool)r[1]!).Select(r => (string)r[0]!).ToList();
        var included = rows.Where(r => !(bool)r[1]!).Select(r => (string)r[0]!).ToList();

        Assert.Equal(["subject_id", "grain", "dim", "dim_value", "period_start"], keys);
        Assert.Equal(CellStore.CountColumns.Select(i => CellColumns.All[i].Name), included);
    }
}
