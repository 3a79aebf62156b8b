namespace CxDashboard.Migrations.Sql;

/// <summary>
/// Every incremental refresh adds the change of one day to that day's cells and to the week, month, quarter and year
/// cells holding it: four fifths of the cells it writes are coarse cells. An update can be HOT (the new row version on
/// the same page, no index entry written) only if no indexed column changes and the page has room. So the coarse-series
/// index keeps its key but no longer includes the counts (a scorecard now fetches its few hundred cells from the table
/// instead of answering from the index alone), and the table's fillfactor is 50: a full rebuild writes the day cells
/// packed and then, at this fillfactor, the coarse cells with half of each page free (FullRebuild), and the cells a
/// refresh inserts (a new day) get room for the next refreshes too. Cells already stored stay where they are until the
/// next full rebuild; no cell changes. Down restores the INCLUDE and the default fillfactor.
/// Migration <c>LooseCoarseCells</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class LooseCoarseCellSql
{
    public const string Up = """
        DROP INDEX ix_rollup_cell_coarse_series;
        CREATE INDEX ix_rollup_cell_coarse_series ON rollup_cell (subject_id, grain, dim, dim_value, period_start)
        WHERE subject_kind = 0 AND grain IN ('month', 'quarter', 'year');
        ALTER TABLE rollup_cell SET (fillfactor = 50);
        """;

    public const string Down = """
        ALTER TABLE rollup_cell RESET (fillfactor);
        DROP INDEX ix_rollup_cell_coarse_series;
        CREATE INDEX ix_rollup_cell_coarse_series ON rollup_cell (subject_id, grain, dim, dim_value, period_start)
        INCLUDE (responses, nps_n, promoters, passives, detractors, csat_n, csat_top2, csat_sum,
            csat_sum_sq, ces_n, ces_agree, ces_sum, ces_sum_sq, contacts, fcr_num, fcr_den,
            repeat_num, repeat_den, sla_num, sla_den, transfer_num, switch_num, abandon_num, ss_started,
            ss_contained)
        WHERE subject_kind = 0 AND grain IN ('month', 'quarter', 'year');
        """;
}
