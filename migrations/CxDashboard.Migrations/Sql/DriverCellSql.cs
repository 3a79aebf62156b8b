namespace CxDashboard.Migrations.Sql;

/// <summary>
/// The counts driver analyses read instead of raw facts (DriverCells in CxDashboard.Core must match these columns): one
/// row per unit's own responses and day or month, with per condition and side (held / not held) the CSAT n and top-2
/// and the NPS n, promoters and detractors. Day rows let a refresh recompute the days that changed; reads take month rows.
/// Migration <c>DriverCells</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class DriverCellSql
{
    public const string Up = """
        CREATE TABLE driver_cell (
            org_unit_id bigint NOT NULL,
            grain text NOT NULL CONSTRAINT ck_driver_cell_grain CHECK (grain IN ('day', 'month')),
            period_start date NOT NULL,
            linked integer NOT NULL DEFAULT 0,
            fcr_w_csat_n integer NOT NULL DEFAULT 0,
            fcr_w_csat_top2 integer NOT NULL DEFAULT 0,
            fcr_w_nps_n integer NOT NULL DEFAULT 0,
            fcr_w_promoters integer NOT NULL DEFAULT 0,
            fcr_w_detractors integer NOT NULL DEFAULT 0,
            fcr_wo_csat_n integer NOT NULL DEFAULT 0,
            fcr_wo_csat_top2 integer NOT NULL DEFAULT 0,
            fcr_wo_nps_n integer NOT NULL DEFAULT 0,
            fcr_wo_promoters integer NOT NULL DEFAULT 0,
            fcr_wo_detractors integer NOT NULL DEFAULT 0,
            sla_w_csat_n integer NOT NULL DEFAULT 0,
            sla_w_csat_top2 integer NOT NULL DEFAULT 0,
            sla_w_nps_n integer NOT NULL DEFAULT 0,
            sla_w_promoters integer NOT NULL DEFAULT 0,
            sla_w_detractors integer NOT NULL DEFAULT 0,
            sla_wo_csat_n integer NOT NULL DEFAULT 0,
            sla_wo_csat_top2 integer NOT NULL DEFAULT 0,
            sla_wo_nps_n integer NOT NULL DEFAULT 0,
            sla_wo_promoters integer NOT NULL DEFAULT 0,
            sla_wo_detractors integer NOT NULL DEFAULT 0,
            transferred_w_csat_n integer NOT NULL DEFAULT 0,
            transferred_w_csat_top2 integer NOT NULL DEFAULT 0,
            transferred_w_nps_n integer NOT NULL DEFAULT 0,
            transferred_w_promoters integer NOT NULL DEFAULT 0,
            transferred_w_detractors integer NOT NULL DEFAULT 0,
            transferred_wo_csat_n integer NOT NULL DEFAULT 0,
            transferred_wo_csat_top2 integer NOT NULL DEFAULT 0,
            transferred_wo_nps_n integer NOT NULL DEFAULT 0,
            transferred_wo_promoters integer NOT NULL DEFAULT 0,
            transferred_wo_detractors integer NOT NULL DEFAULT 0,
            switched_w_csat_n integer NOT NULL DEFAULT 0,
            switched_w_csat_top2 integer NOT NULL DEFAULT 0,
            switched_w_nps_n integer NOT NULL DEFAULT 0,
            switched_w_promoters integer NOT NULL DEFAULT 0,
            switched_w_detractors integer NOT NULL DEFAULT 0,
            switched_wo_csat_n integer NOT NULL DEFAULT 0,
            switched_wo_csat_top2 integer NOT NULL DEFAULT 0,
            switched_wo_nps_n integer NOT NULL DEFAULT 0,
            switched_wo_promoters integer NOT NULL DEFAULT 0,
            switched_wo_detractors integer NOT NULL DEFAULT 0,
            low_effort_w_csat_n integer NOT NULL DEFAULT 0,
            low_effort_w_csat_top2 integer NOT NULL DEFAULT 0,
            low_effort_w_nps_n integer NOT NULL DEFAULT 0,
            low_effort_w_promoters integer NOT NULL DEFAULT 0,
            low_effort_w_detractors integer NOT NULL DEFAULT 0,
            low_effort_wo_csat_n integer NOT NULL DEFAULT 0,
            low_effort_wo_csat_top2 integer NOT NULL DEFAULT 0,
            low_effort_wo_nps_n integer NOT NULL DEFAULT 0,
            low_effort_wo_promoters integer NOT NULL DEFAULT 0,
            low_effort_wo_detractors integer NOT NULL DEFAULT 0,
            CONSTRAINT pk_driver_cell PRIMARY KEY (org_unit_id, grain, period_start)
        );
        CREATE INDEX ix_driver_cell_grain_period ON driver_cell (grain, period_start);
        """;

    public const string Down = "DROP TABLE IF EXISTS driver_cell;";
}
