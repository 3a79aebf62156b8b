using CxDashboard.Core.Metrics;
using CxDashboard.Core.Rollups;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// Every cell against plain SQL over the raw rows: for each grain and slice, the unit's subtree
/// (closure) or the partner's engagements are aggregated straight from survey_response and
/// interaction, written here by hand, and must match the stored cell for cell.
/// </summary>
public sealed class RollupCorrectnessTests(RolledUpDatabase db) : IClassFixture<RolledUpDatabase>
{
    public static TheoryData<string, string> GrainsAndSlices()
    {
        var data = new TheoryData<string, string>();
        foreach (var g in new[] { "day", "week", "month", "quarter", "year" })
            foreach (var d in new[] { "all", "channel", "journey_stage", "segment" }) data.Add(g, d);
        return data;
    }

    private static string SliceOf(string dim) => dim == "all" ? "''" : dim;

    /// <summary>Cell columns as read: a zero statistic is stored as NULL (ADR 0006).</summary>
    private static string Zero(string columns) => string.Join(", ", columns.Split(", ").Select(c => $"coalesce({c}, 0)"));

    [Theory]
    [MemberData(nameof(GrainsAndSlices))]
    public async Task Response_counts_of_every_unit_cell_equal_plain_sql(string grain, string dim)
    {
        var mismatches = await db.ScalarAsync<long>($"""
            WITH truth AS (
                SELECT c.ancestor_id AS unit, date_trunc('{grain}', r.responded_at AT TIME ZONE 'UTC')::date AS p, {SliceOf(dim)} AS v,
                       count(*) AS n, count(nps) AS nps_n, count(*) FILTER (WHERE nps >= 9) AS pro, count(*) FILTER (WHERE nps <= 6) AS det,
                       count(csat) AS csat_n, count(*) FILTER (WHERE csat >= 4) AS top2, coalesce(sum(csat), 0) AS csat_sum,
                       count(ces) AS ces_n, count(*) FILTER (WHERE ces >= 5) AS agree
                FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
                GROUP BY 1, 2, 3),
            cells AS (
                SELECT subject_id AS unit, period_start AS p, dim_value AS v, responses AS n, coalesce(nps_n, 0), coalesce(promoters, 0) AS pro,
                       coalesce(detractors, 0) AS det, coalesce(csat_n, 0), coalesce(csat_top2, 0) AS top2, coalesce(csat_sum, 0),
                       coalesce(ces_n, 0), coalesce(ces_agree, 0) AS agree
                FROM rollup_cell WHERE subject_kind = 0 AND grain = '{grain}' AND dim = '{dim}' AND responses > 0)
            SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM cells UNION ALL (SELECT * FROM cells EXCEPT SELECT * FROM truth)) diff
            """);
        var cells = await db.ScalarAsync<long>($"SELECT count(*) FROM rollup_cell WHERE subject_kind = 0 AND grain = '{grain}' AND dim = '{dim}' AND responses > 0");

        Assert.Equal(0, mismatches);
        Assert.True(cells > 0);
    }

    [Theory]
    [MemberData(nameof(GrainsAndSlices))]
    public async Task Interaction_counts_of_every_unit_cell_equal_plain_sql(string grain, string dim)
    {
        var mismatches = await db.ScalarAsync<long>($"""
            WITH truth AS (
                SELECT c.ancestor_id AS unit, date_trunc('{grain}', i.opened_at AT TIME ZONE 'UTC')::date AS p, {SliceOf(dim)} AS v,
                       count(*) AS contacts,
                       count(*) FILTER (WHERE resolved_first_contact) AS fcr, count(resolved_first_contact) AS fcr_den,
                       count(*) FILTER (WHERE first_response_at - opened_at <= make_interval(secs => sla_target_seconds)) AS sla,
                       count(sla_target_seconds) AS sla_den,
                       count(*) FILTER (WHERE repeat_within_7d) AS rep, count(*) FILTER (WHERE transfers > 0) AS tr,
                       count(*) FILTER (WHERE switched_channel) AS sw, count(*) FILTER (WHERE abandoned) AS ab,
                       count(contained_in_self_service) AS ss, count(*) FILTER (WHERE contained_in_self_service) AS ssc,
                       count(first_response_at) AS rt_n, count(handle_seconds) AS ht_n, coalesce(sum(handle_seconds), 0) AS ht_sum
                FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id
                GROUP BY 1, 2, 3),
            cells AS (
                SELECT subject_id, period_start, dim_value, contacts, {Zero("fcr_num, fcr_den, sla_num, sla_den, repeat_num, transfer_num, " +
                       "switch_num, abandon_num, ss_started, ss_contained, rt_n, ht_n, ht_sum")}
                FROM rollup_cell WHERE subject_kind = 0 AND grain = '{grain}' AND dim = '{dim}' AND contacts > 0)
            SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM cells UNION ALL (SELECT * FROM cells EXCEPT SELECT * FROM truth)) diff
            """);

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public async Task Partner_cells_aggregate_all_engagements_of_the_partner()
    {
        var mismatches = await db.ScalarAsync<long>("""
            WITH truth AS (
                SELECT u.partner_id, date_trunc('month', r.responded_at AT TIME ZONE 'UTC')::date AS p,
                       count(*) AS n, count(*) FILTER (WHERE nps >= 9) AS pro, count(*) FILTER (WHERE nps <= 6) AS det
                FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id WHERE u.kind = 'partner'
                GROUP BY 1, 2),
            cells AS (
                SELECT subject_id, period_start, responses, coalesce(promoters, 0), coalesce(detractors, 0) FROM rollup_cell
                WHERE subject_kind = 1 AND grain = 'month' AND dim = 'all' AND responses > 0)
            SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM cells UNION ALL (SELECT * FROM cells EXCEPT SELECT * FROM truth)) diff
            """);
        var partnersWithCells = await db.ScalarAsync<long>("SELECT count(DISTINCT subject_id) FROM rollup_cell WHERE subject_kind = 1");

        Assert.Equal(0, mismatches);
        Assert.Equal(6, partnersWithCells);
    }

    [Fact]
    public async Task Derived_nps_csat_and_fcr_of_every_monthly_cell_equal_the_sql_formula()
    {
        var rows = await db.RowsAsync($"""
            SELECT {Zero("cell.promoters, cell.detractors, cell.nps_n, cell.csat_top2, cell.csat_n, cell.fcr_num, cell.fcr_den")},
                   t.nps, t.csat, t.fcr
            FROM rollup_cell cell
            JOIN (SELECT c.ancestor_id AS unit, date_trunc('month', r.responded_at AT TIME ZONE 'UTC')::date AS p,
                         100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS nps,
                         100.0 * count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat
                  FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id GROUP BY 1, 2) s
              ON s.unit = cell.subject_id AND s.p = cell.period_start
            CROSS JOIN LATERAL (SELECT s.nps, s.csat,
                   (SELECT 100.0 * count(*) FILTER (WHERE resolved_first_contact) / nullif(count(resolved_first_contact), 0)
                    FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id
                    WHERE c.ancestor_id = cell.subject_id AND date_trunc('month', i.opened_at AT TIME ZONE 'UTC')::date = cell.period_start) AS fcr) t
            WHERE cell.subject_kind = 0 AND cell.grain = 'month' AND cell.dim = 'all'
              AND cell.subject_id IN (SELECT id FROM org_unit WHERE kind IN ('company', 'division'))
            """);

        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            AssertClose(Convert.ToDouble(r[7]), MetricMath.Nps(Convert.ToInt64(r[0]), Convert.ToInt64(r[1]), Convert.ToInt64(r[2])));
            AssertClose(Convert.ToDouble(r[8]), MetricMath.Percent(Convert.ToInt64(r[3]), Convert.ToInt64(r[4])));
            AssertClose(r[9] is null ? null : Convert.ToDouble(r[9]), MetricMath.Percent(Convert.ToInt64(r[5]), Convert.ToInt64(r[6])));
        }
    }

    [Fact]
    public async Task Response_time_percentiles_fall_in_the_bucket_of_the_true_percentile()
    {
        var units = await db.RowsAsync("""
            SELECT cell.subject_id, cell.period_start, array_replace(ARRAY[
                   rt_h00, rt_h01, rt_h02, rt_h03, rt_h04, rt_h05, rt_h06, rt_h07, rt_h08, rt_h09, rt_h10, rt_h11, rt_h12, rt_h13,
                   rt_h14, rt_h15, rt_h16, rt_h17, rt_h18, rt_h19, rt_h20, rt_h21, rt_h22, rt_h23, rt_h24, rt_h25, rt_h26, rt_h27], NULL, 0),
                   (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - opened_at))
                    FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id
                    WHERE c.ancestor_id = cell.subject_id AND first_response_at IS NOT NULL
                      AND date_trunc('month', i.opened_at AT TIME ZONE 'UTC')::date = cell.period_start),
                   (SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - opened_at))
                    FROM interaction i JOIN org_unit_closure c ON c.descendant_id = i.org_unit_id
                    WHERE c.ancestor_id = cell.subject_id AND first_response_at IS NOT NULL
                      AND date_trunc('month', i.opened_at AT TIME ZONE 'UTC')::date = cell.period_start)
            FROM rollup_cell cell
            WHERE cell.subject_kind = 0 AND cell.grain = 'month' AND cell.dim = 'all' AND cell.rt_n > 50
              AND cell.subject_id IN (SELECT id FROM org_unit WHERE kind IN ('company', 'division', 'department'))
            """);

        Assert.True(units.Count > 100);
        foreach (var u in units)
        {
            var counts = ((int[])u[2]!).Select(c => (long)c).ToArray();
            foreach (var (q, truth) in new[] { (0.5, Convert.ToDouble(u[3])), (0.9, Convert.ToDouble(u[4])) })
            {
                var estimate = DurationHistogram.Percentile(counts, q)!.Value;
                var bucket = DurationHistogram.BucketOf(truth);
                // The estimate lies in the true value's bucket (or on its edge, when the rank falls exactly on a boundary).
                Assert.InRange(estimate, DurationHistogram.LowerEdge(bucket) - 1e-9,
                    double.IsInfinity(DurationHistogram.UpperEdge(bucket)) ? double.MaxValue : DurationHistogram.UpperEdge(bucket) + 1e-9);
            }
        }
    }

    [Fact]
    public async Task The_build_is_recorded_as_a_succeeded_job_run()
    {
        var row = Assert.Single(await db.RowsAsync("SELECT job, outcome, rows_read, cells_written, finished_at IS NOT NULL FROM job_run WHERE id = $1", db.Build.JobRunId));
        var facts = await db.ScalarAsync<long>("SELECT (SELECT count(*) FROM survey_response) + (SELECT count(*) FROM interaction)");
        var cells = await db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell");

        Assert.Equal(["rollup-rebuild", "succeeded", facts, cells, true], row);
    }

    private static void AssertClose(double? expected, double? actual)
    {
        if (expected is null) { Assert.Null(actual); return; }
        Assert.NotNull(actual);
        Assert.Equal(expected.Value, actual.Value, 9);
    }
}
