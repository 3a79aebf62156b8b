namespace CxDashboard.Migrations.Sql;

/// <summary>
/// Rollup cells and the rollup engine's state (CellColumns in CxDashboard.Core must match these columns).
/// Migration <c>Rollups</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class RollupCellSql
{
    public const string Up = """
        CREATE TABLE rollup_cell (
            subject_kind smallint NOT NULL CONSTRAINT ck_rollup_cell_subject_kind CHECK (subject_kind IN (0, 1)),
            subject_id bigint NOT NULL,
            grain text NOT NULL CONSTRAINT ck_rollup_cell_grain CHECK (grain IN ('day', 'week', 'month', 'quarter', 'year')),
            period_start date NOT NULL,
            dim text NOT NULL CONSTRAINT ck_rollup_cell_dim CHECK (dim IN ('all', 'channel', 'journey_stage', 'segment')),
            dim_value text NOT NULL,
            responses integer NOT NULL DEFAULT 0,
            nps_n integer NOT NULL DEFAULT 0,
            promoters integer NOT NULL DEFAULT 0,
            passives integer NOT NULL DEFAULT 0,
            detractors integer NOT NULL DEFAULT 0,
            csat_n integer NOT NULL DEFAULT 0,
            csat_top2 integer NOT NULL DEFAULT 0,
            csat_sum double precision NOT NULL DEFAULT 0,
            csat_sum_sq double precision NOT NULL DEFAULT 0,
            ces_n integer NOT NULL DEFAULT 0,
            ces_agree integer NOT NULL DEFAULT 0,
            ces_sum double precision NOT NULL DEFAULT 0,
            ces_sum_sq double precision NOT NULL DEFAULT 0,
            contacts integer NOT NULL DEFAULT 0,
            fcr_num integer NOT NULL DEFAULT 0,
            fcr_den integer NOT NULL DEFAULT 0,
            repeat_num integer NOT NULL DEFAULT 0,
            repeat_den integer NOT NULL DEFAULT 0,
            sla_num integer NOT NULL DEFAULT 0,
            sla_den integer NOT NULL DEFAULT 0,
            transfer_num integer NOT NULL DEFAULT 0,
            switch_num integer NOT NULL DEFAULT 0,
            abandon_num integer NOT NULL DEFAULT 0,
            ss_started integer NOT NULL DEFAULT 0,
            ss_contained integer NOT NULL DEFAULT 0,
            rt_n integer NOT NULL DEFAULT 0,
            rt_sum double precision NOT NULL DEFAULT 0,
            ht_n integer NOT NULL DEFAULT 0,
            ht_sum double precision NOT NULL DEFAULT 0,
            rt_h00 integer NOT NULL DEFAULT 0,
            rt_h01 integer NOT NULL DEFAULT 0,
            rt_h02 integer NOT NULL DEFAULT 0,
            rt_h03 integer NOT NULL DEFAULT 0,
            rt_h04 integer NOT NULL DEFAULT 0,
            rt_h05 integer NOT NULL DEFAULT 0,
            rt_h06 integer NOT NULL DEFAULT 0,
            rt_h07 integer NOT NULL DEFAULT 0,
            rt_h08 integer NOT NULL DEFAULT 0,
            rt_h09 integer NOT NULL DEFAULT 0,
            rt_h10 integer NOT NULL DEFAULT 0,
            rt_h11 integer NOT NULL DEFAULT 0,
            rt_h12 integer NOT NULL DEFAULT 0,
            rt_h13 integer NOT NULL DEFAULT 0,
            rt_h14 integer NOT NULL DEFAULT 0,
            rt_h15 integer NOT NULL DEFAULT 0,
            rt_h16 integer NOT NULL DEFAULT 0,
            rt_h17 integer NOT NULL DEFAULT 0,
            rt_h18 integer NOT NULL DEFAULT 0,
            rt_h19 integer NOT NULL DEFAULT 0,
            rt_h20 integer NOT NULL DEFAULT 0,
            rt_h21 integer NOT NULL DEFAULT 0,
            rt_h22 integer NOT NULL DEFAULT 0,
            rt_h23 integer NOT NULL DEFAULT 0,
            rt_h24 integer NOT NULL DEFAULT 0,
            rt_h25 integer NOT NULL DEFAULT 0,
            rt_h26 integer NOT NULL DEFAULT 0,
            rt_h27 integer NOT NULL DEFAULT 0,
            ht_h00 integer NOT NULL DEFAULT 0,
            ht_h01 integer NOT NULL DEFAULT 0,
            ht_h02 integer NOT NULL DEFAULT 0,
            ht_h03 integer NOT NULL DEFAULT 0,
            ht_h04 integer NOT NULL DEFAULT 0,
            ht_h05 integer NOT NULL DEFAULT 0,
            ht_h06 integer NOT NULL DEFAULT 0,
            ht_h07 integer NOT NULL DEFAULT 0,
            ht_h08 integer NOT NULL DEFAULT 0,
            ht_h09 integer NOT NULL DEFAULT 0,
            ht_h10 integer NOT NULL DEFAULT 0,
            ht_h11 integer NOT NULL DEFAULT 0,
            ht_h12 integer NOT NULL DEFAULT 0,
            ht_h13 integer NOT NULL DEFAULT 0,
            ht_h14 integer NOT NULL DEFAULT 0,
            ht_h15 integer NOT NULL DEFAULT 0,
            ht_h16 integer NOT NULL DEFAULT 0,
            ht_h17 integer NOT NULL DEFAULT 0,
            ht_h18 integer NOT NULL DEFAULT 0,
            ht_h19 integer NOT NULL DEFAULT 0,
            ht_h20 integer NOT NULL DEFAULT 0,
            ht_h21 integer NOT NULL DEFAULT 0,
            ht_h22 integer NOT NULL DEFAULT 0,
            ht_h23 integer NOT NULL DEFAULT 0,
            ht_h24 integer NOT NULL DEFAULT 0,
            ht_h25 integer NOT NULL DEFAULT 0,
            ht_h26 integer NOT NULL DEFAULT 0,
            ht_h27 integer NOT NULL DEFAULT 0,
            CONSTRAINT pk_rollup_cell PRIMARY KEY (subject_kind, subject_id, grain, period_start, dim, dim_value)
        );
        COMMENT ON COLUMN rollup_cell.subject_kind IS '0 = org unit (the unit and everything under it), 1 = partner (all its engagements)';
        CREATE INDEX ix_rollup_cell_grain_period ON rollup_cell (grain, period_start);

        CREATE TABLE rollup_state (
            id integer PRIMARY KEY CONSTRAINT ck_rollup_state_single CHECK (id = 1),
            closure_fingerprint text NOT NULL,
            watermark timestamptz NOT NULL,
            refreshed_at timestamptz NOT NULL
        );
        """;

    public const string Down = """
        DROP TABLE IF EXISTS rollup_state;
        DROP TABLE IF EXISTS rollup_cell;
        """;
}
