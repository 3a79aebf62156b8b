namespace CxDashboard.Migrations.Sql;

/// <summary>
/// A rollup cell's 85 statistics may be NULL, which means zero (ADR 0006): a full rebuild writes every zero as NULL (one
/// bit in the row's null bitmap instead of 4 or 8 bytes; most of a cell's 56 duration-histogram buckets are zero), so the
/// cells it writes, sums and indexes are about half as wide. Readers read NULL as 0. Rows already stored keep their zeros
/// (they read the same); the next full rebuild writes them anew. Dropping NOT NULL changes only the catalog (no rewrite).
/// Down stores the zeros again and restores NOT NULL.
/// Migration <c>NullZeroCells</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class NullZeroCellSql
{
    public const string Up = """
        ALTER TABLE rollup_cell
        ALTER COLUMN responses DROP NOT NULL, ALTER COLUMN nps_n DROP NOT NULL, ALTER COLUMN promoters DROP NOT NULL,
        ALTER COLUMN passives DROP NOT NULL, ALTER COLUMN detractors DROP NOT NULL, ALTER COLUMN csat_n DROP NOT NULL,
        ALTER COLUMN csat_top2 DROP NOT NULL, ALTER COLUMN csat_sum DROP NOT NULL,
        ALTER COLUMN csat_sum_sq DROP NOT NULL, ALTER COLUMN ces_n DROP NOT NULL,
        ALTER COLUMN ces_agree DROP NOT NULL, ALTER COLUMN ces_sum DROP NOT NULL,
        ALTER COLUMN ces_sum_sq DROP NOT NULL, ALTER COLUMN contacts DROP NOT NULL,
        ALTER COLUMN fcr_num DROP NOT NULL, ALTER COLUMN fcr_den DROP NOT NULL, ALTER COLUMN repeat_num DROP NOT NULL,
        ALTER COLUMN repeat_den DROP NOT NULL, ALTER COLUMN sla_num DROP NOT NULL, ALTER COLUMN sla_den DROP NOT NULL,
        ALTER COLUMN transfer_num DROP NOT NULL, ALTER COLUMN switch_num DROP NOT NULL,
        ALTER COLUMN abandon_num DROP NOT NULL, ALTER COLUMN ss_started DROP NOT NULL,
        ALTER COLUMN ss_contained DROP NOT NULL, ALTER COLUMN rt_n DROP NOT NULL, ALTER COLUMN rt_sum DROP NOT NULL,
        ALTER COLUMN ht_n DROP NOT NULL, ALTER COLUMN ht_sum DROP NOT NULL, ALTER COLUMN rt_h00 DROP NOT NULL,
        ALTER COLUMN rt_h01 DROP NOT NULL, ALTER COLUMN rt_h02 DROP NOT NULL, ALTER COLUMN rt_h03 DROP NOT NULL,
        ALTER COLUMN rt_h04 DROP NOT NULL, ALTER COLUMN rt_h05 DROP NOT NULL, ALTER COLUMN rt_h06 DROP NOT NULL,
        ALTER COLUMN rt_h07 DROP NOT NULL, ALTER COLUMN rt_h08 DROP NOT NULL, ALTER COLUMN rt_h09 DROP NOT NULL,
        ALTER COLUMN rt_h10 DROP NOT NULL, ALTER COLUMN rt_h11 DROP NOT NULL, ALTER COLUMN rt_h12 DROP NOT NULL,
        ALTER COLUMN rt_h13 DROP NOT NULL, ALTER COLUMN rt_h14 DROP NOT NULL, ALTER COLUMN rt_h15 DROP NOT NULL,
        ALTER COLUMN rt_h16 DROP NOT NULL, ALTER COLUMN rt_h17 DROP NOT NULL, ALTER COLUMN rt_h18 DROP NOT NULL,
        ALTER COLUMN rt_h19 DROP NOT NULL, ALTER COLUMN rt_h20 DROP NOT NULL, ALTER COLUMN rt_h21 DROP NOT NULL,
        ALTER COLUMN rt_h22 DROP NOT NULL, ALTER COLUMN rt_h23 DROP NOT NULL, ALTER COLUMN rt_h24 DROP NOT NULL,
        ALTER COLUMN rt_h25 DROP NOT NULL, ALTER COLUMN rt_h26 DROP NOT NULL, ALTER COLUMN rt_h27 DROP NOT NULL,
        ALTER COLUMN ht_h00 DROP NOT NULL, ALTER COLUMN ht_h01 DROP NOT NULL, ALTER COLUMN ht_h02 DROP NOT NULL,
        ALTER COLUMN ht_h03 DROP NOT NULL, ALTER COLUMN ht_h04 DROP NOT NULL, ALTER COLUMN ht_h05 DROP NOT NULL,
        ALTER COLUMN ht_h06 DROP NOT NULL, ALTER COLUMN ht_h07 DROP NOT NULL, ALTER COLUMN ht_h08 DROP NOT NULL,
        ALTER COLUMN ht_h09 DROP NOT NULL, ALTER COLUMN ht_h10 DROP NOT NULL, ALTER COLUMN ht_h11 DROP NOT NULL,
        ALTER COLUMN ht_h12 DROP NOT NULL, ALTER COLUMN ht_h13 DROP NOT NULL, ALTER COLUMN ht_h14 DROP NOT NULL,
        ALTER COLUMN ht_h15 DROP NOT NULL, ALTER COLUMN ht_h16 DROP NOT NULL, ALTER COLUMN ht_h17 DROP NOT NULL,
        ALTER COLUMN ht_h18 DROP NOT NULL, ALTER COLUMN ht_h19 DROP NOT NULL, ALTER COLUMN ht_h20 DROP NOT NULL,
        ALTER COLUMN ht_h21 DROP NOT NULL, ALTER COLUMN ht_h22 DROP NOT NULL, ALTER COLUMN ht_h23 DROP NOT NULL,
        ALTER COLUMN ht_h24 DROP NOT NULL, ALTER COLUMN ht_h25 DROP NOT NULL, ALTER COLUMN ht_h26 DROP NOT NULL,
        ALTER COLUMN ht_h27 DROP NOT NULL;
        """;

    public const string Down = """
        UPDATE rollup_cell SET
        responses = coalesce(responses, 0), nps_n = coalesce(nps_n, 0), promoters = coalesce(promoters, 0),
        passives = coalesce(passives, 0), detractors = coalesce(detractors, 0), csat_n = coalesce(csat_n, 0),
        csat_top2 = coalesce(csat_top2, 0), csat_sum = coalesce(csat_sum, 0), csat_sum_sq = coalesce(csat_sum_sq, 0),
        ces_n = coalesce(ces_n, 0), ces_agree = coalesce(ces_agree, 0), ces_sum = coalesce(ces_sum, 0),
        ces_sum_sq = coalesce(ces_sum_sq, 0), contacts = coalesce(contacts, 0), fcr_num = coalesce(fcr_num, 0),
        fcr_den = coalesce(fcr_den, 0), repeat_num = coalesce(repeat_num, 0), repeat_den = coalesce(repeat_den, 0),
        sla_num = coalesce(sla_num, 0), sla_den = coalesce(sla_den, 0), transfer_num = coalesce(transfer_num, 0),
        switch_num = coalesce(switch_num, 0), abandon_num = coalesce(abandon_num, 0),
        ss_started = coalesce(ss_started, 0), ss_contained = coalesce(ss_contained, 0), rt_n = coalesce(rt_n, 0),
        rt_sum = coalesce(rt_sum, 0), ht_n = coalesce(ht_n, 0), ht_sum = coalesce(ht_sum, 0),
        rt_h00 = coalesce(rt_h00, 0), rt_h01 = coalesce(rt_h01, 0), rt_h02 = coalesce(rt_h02, 0),
        rt_h03 = coalesce(rt_h03, 0), rt_h04 = coalesce(rt_h04, 0), rt_h05 = coalesce(rt_h05, 0),
        rt_h06 = coalesce(rt_h06, 0), rt_h07 = coalesce(rt_h07, 0), rt_h08 = coalesce(rt_h08, 0),
        rt_h09 = coalesce(rt_h09, 0), rt_h10 = coalesce(rt_h10, 0), rt_h11 = coalesce(rt_h11, 0),
        rt_h12 = coalesce(rt_h12, 0), rt_h13 = coalesce(rt_h13, 0), rt_h14 = coalesce(rt_h14, 0),
        rt_h15 = coalesce(rt_h15, 0), rt_h16 = coalesce(rt_h16, 0), rt_h17 = coalesce(rt_h17, 0),
        rt_h18 = coalesce(rt_h18, 0), rt_h19 = coalesce(rt_h19, 0), rt_h20 = coalesce(rt_h20, 0),
        rt_h21 = coalesce(rt_h21, 0), rt_h22 = coalesce(rt_h22, 0), rt_h23 = coalesce(rt_h23, 0),
        rt_h24 = coalesce(rt_h24, 0), rt_h25 = coalesce(rt_h25, 0), rt_h26 = coalesce(rt_h26, 0),
        rt_h27 = coalesce(rt_h27, 0), ht_h00 = coalesce(ht_h00, 0), ht_h01 = coalesce(ht_h01, 0),
        ht_h02 = coalesce(ht_h02, 0), ht_h03 = coalesce(ht_h03, 0), ht_h04 = coalesce(ht_h04, 0),
        ht_h05 = coalesce(ht_h05, 0), ht_h06 = coalesce(ht_h06, 0), ht_h07 = coalesce(ht_h07, 0),
        ht_h08 = coalesce(ht_h08, 0), ht_h09 = coalesce(ht_h09, 0), ht_h10 = coalesce(ht_h10, 0),
        ht_h11 = coalesce(ht_h11, 0), ht_h12 = coalesce(ht_h12, 0), ht_h13 = coalesce(ht_h13, 0),
        ht_h14 = coalesce(ht_h14, 0), ht_h15 = coalesce(ht_h15, 0), ht_h16 = coalesce(ht_h16, 0),
        ht_h17 = coalesce(ht_h17, 0), ht_h18 = coalesce(ht_h18, 0), ht_h19 = coalesce(ht_h19, 0),
        ht_h20 = coalesce(ht_h20, 0), ht_h21 = coalesce(ht_h21, 0), ht_h22 = coalesce(ht_h22, 0),
        ht_h23 = coalesce(ht_h23, 0), ht_h24 = coalesce(ht_h24, 0), ht_h25 = coalesce(ht_h25, 0),
        ht_h26 = coalesce(ht_h26, 0), ht_h27 = coalesce(ht_h27, 0);
        ALTER TABLE rollup_cell
        ALTER COLUMN responses SET NOT NULL, ALTER COLUMN nps_n SET NOT NULL, ALTER COLUMN promoters SET NOT NULL,
        ALTER COLUMN passives SET NOT NULL, ALTER COLUMN detractors SET NOT NULL, ALTER COLUMN csat_n SET NOT NULL,
        ALTER COLUMN csat_top2 SET NOT NULL, ALTER COLUMN csat_sum SET NOT NULL,
        ALTER COLUMN csat_sum_sq SET NOT NULL, ALTER COLUMN ces_n SET NOT NULL, ALTER COLUMN ces_agree SET NOT NULL,
        ALTER COLUMN ces_sum SET NOT NULL, ALTER COLUMN ces_sum_sq SET NOT NULL, ALTER COLUMN contacts SET NOT NULL,
        ALTER COLUMN fcr_num SET NOT NULL, ALTER COLUMN fcr_den SET NOT NULL, ALTER COLUMN repeat_num SET NOT NULL,
        ALTER COLUMN repeat_den SET NOT NULL, ALTER COLUMN sla_num SET NOT NULL, ALTER COLUMN sla_den SET NOT NULL,
        ALTER COLUMN transfer_num SET NOT NULL, ALTER COLUMN switch_num SET NOT NULL,
        ALTER COLUMN abandon_num SET NOT NULL, ALTER COLUMN ss_started SET NOT NULL,
        ALTER COLUMN ss_contained SET NOT NULL, ALTER COLUMN rt_n SET NOT NULL, ALTER COLUMN rt_sum SET NOT NULL,
        ALTER COLUMN ht_n SET NOT NULL, ALTER COLUMN ht_sum SET NOT NULL, ALTER COLUMN rt_h00 SET NOT NULL,
        ALTER COLUMN rt_h01 SET NOT NULL, ALTER COLUMN rt_h02 SET NOT NULL, ALTER COLUMN rt_h03 SET NOT NULL,
        ALTER COLUMN rt_h04 SET NOT NULL, ALTER COLUMN rt_h05 SET NOT NULL, ALTER COLUMN rt_h06 SET NOT NULL,
        ALTER COLUMN rt_h07 SET NOT NULL, ALTER COLUMN rt_h08 SET NOT NULL, ALTER COLUMN rt_h09 SET NOT NULL,
        ALTER COLUMN rt_h10 SET NOT NULL, ALTER COLUMN rt_h11 SET NOT NULL, ALTER COLUMN rt_h12 SET NOT NULL,
        ALTER COLUMN rt_h13 SET NOT NULL, ALTER COLUMN rt_h14 SET NOT NULL, ALTER COLUMN rt_h15 SET NOT NULL,
        ALTER COLUMN rt_h16 SET NOT NULL, ALTER COLUMN rt_h17 SET NOT NULL, ALTER COLUMN rt_h18 SET NOT NULL,
        ALTER COLUMN rt_h19 SET NOT NULL, ALTER COLUMN rt_h20 SET NOT NULL, ALTER COLUMN rt_h21 SET NOT NULL,
        ALTER COLUMN rt_h22 SET NOT NULL, ALTER COLUMN rt_h23 SET NOT NULL, ALTER COLUMN rt_h24 SET NOT NULL,
        ALTER COLUMN rt_h25 SET NOT NULL, ALTER COLUMN rt_h26 SET NOT NULL, ALTER COLUMN rt_h27 SET NOT NULL,
        ALTER COLUMN ht_h00 SET NOT NULL, ALTER COLUMN ht_h01 SET NOT NULL, ALTER COLUMN ht_h02 SET NOT NULL,
        ALTER COLUMN ht_h03 SET NOT NULL, ALTER COLUMN ht_h04 SET NOT NULL, ALTER COLUMN ht_h05 SET NOT NULL,
        ALTER COLUMN ht_h06 SET NOT NULL, ALTER COLUMN ht_h07 SET NOT NULL, ALTER COLUMN ht_h08 SET NOT NULL,
        ALTER COLUMN ht_h09 SET NOT NULL, ALTER COLUMN ht_h10 SET NOT NULL, ALTER COLUMN ht_h11 SET NOT NULL,
        ALTER COLUMN ht_h12 SET NOT NULL, ALTER COLUMN ht_h13 SET NOT NULL, ALTER COLUMN ht_h14 SET NOT NULL,
        ALTER COLUMN ht_h15 SET NOT NULL, ALTER COLUMN ht_h16 SET NOT NULL, ALTER COLUMN ht_h17 SET NOT NULL,
        ALTER COLUMN ht_h18 SET NOT NULL, ALTER COLUMN ht_h19 SET NOT NULL, ALTER COLUMN ht_h20 SET NOT NULL,
        ALTER COLUMN ht_h21 SET NOT NULL, ALTER COLUMN ht_h22 SET NOT NULL, ALTER COLUMN ht_h23 SET NOT NULL,
        ALTER COLUMN ht_h24 SET NOT NULL, ALTER COLUMN ht_h25 SET NOT NULL, ALTER COLUMN ht_h26 SET NOT NULL,
        ALTER COLUMN ht_h27 SET NOT NULL;
        """;
}
