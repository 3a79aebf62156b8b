namespace CxDashboard.Migrations.Sql;

/// <summary>
/// Scorecards read the month, quarter or year cells of a few dozen (unit, slice) pairs, 13 periods each, and only
/// their counts and sums (the duration histograms only for duration KPIs). The primary key orders a unit's cells by
/// period first, so one (unit, slice)'s periods lie among every other slice's, and each row is fetched from the
/// table. This partial index holds just the unit cells of those grains (about 5% of the cells), keyed so that one
/// (unit, slice)'s periods are adjacent, and includes the counts and sums: an index-only scan answers them
/// (CellStore.SeriesSql). 5 key and 25 included columns: PostgreSQL allows 32 in all, so the durations' n and sum
/// stay out with their histograms. Measured on the demo data (1.26M cells): 11 MB, built in under a second.
/// Migration <c>CoarseCellSeriesIndex</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class CoarseCellIndexSql
{
    public const string Up = """
        CREATE INDEX ix_rollup_cell_coarse_series ON rollup_cell (subject_id, grain, dim, dim_value, period_start)
        INCLUDE (responses, nps_n, promoters, passives, detractors, csat_n, csat_top2, csat_sum,
            csat_sum_sq, ces_n, ces_agree, ces_sum, ces_sum_sq, contacts, fcr_num, fcr_den,
            repeat_num, repeat_den, sla_num, sla_den, transfer_num, switch_num, abandon_num, ss_started,
            ss_contained)
        WHERE subject_kind = 0 AND grain IN ('month', 'quarter', 'year');
        """;

    public const string Down = "DROP INDEX ix_rollup_cell_coarse_series;";
}
