using System.Text.Json;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;
using CxDashboard.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace CxDashboard.Tests.Verbatims;

/// <summary>
/// 1M responses (a third with a comment) of 40 teams under 4 departments over 2026, generated in SQL. A verbatim page
/// of the company or a department, for a month or the year, in a band, must come from the comment index: no sequential
/// or bitmap scan of a survey_response partition, and far fewer rows read than the period holds. The pages themselves
/// must equal plain SQL over the raw rows (first page and the page after its cursor).
/// </summary>
public sealed class VerbatimIndexTests(VerbatimIndexTests.MillionResponses db, ITestOutputHelper output) : IClassFixture<VerbatimIndexTests.MillionResponses>
{
    public sealed class MillionResponses : CxDatabase
    {
        public const int Rows = 1_000_000;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await ExecuteAsync("""
                INSERT INTO org_unit (kind, code, name) VALUES ('company', 'VX', 'VX');
                INSERT INTO org_unit (kind, code, name, parent_id) SELECT 'department', 'VD' || d, 'VD' || d, (SELECT id FROM org_unit WHERE code = 'VX') FROM generate_series(0, 3) d;
                INSERT INTO org_unit (kind, code, name, parent_id)
                SELECT 'team', 'VT' || t, 'VT' || t, (SELECT id FROM org_unit WHERE code = 'VD' || (t % 4)) FROM generate_series(0, 39) t;
                SELECT rebuild_org_closure();
                SELECT ensure_month_partitions('survey_response', '2026-01-01', '2026-12-31');
                """);
            // One statement, no client round trips: a team per row in turn, times spread over the year, a comment on every third row.
            await using var insert = DataSource.CreateCommand($"""
                INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, nps, csat, ces, comment)
                SELECT 'v' || g, timestamptz '2026-01-01 00:00:00+00' + (g::bigint * 31 % 31535999) * interval '1 second', t.ids[1 + g % 40],
                       (ARRAY['phone','chat','email'])[1 + (g / 3) % 3], (ARRAY['service','onboarding','renewal'])[1 + (g / 5) % 3],
                       (ARRAY['consumer','premium'])[1 + g % 2],
                       g % 11, 1 + g % 5, 1 + g % 7, CASE WHEN g % 3 = 0 THEN 'comment ' || g END
                FROM generate_series(1, {Rows}) g,
                     (SELECT array_agg(id ORDER BY code) AS ids FROM org_unit WHERE kind = 'team') t
                """);
            insert.CommandTimeout = 0; // a million rows and three indexes on a shared machine outlast the 30 s default
            await insert.ExecuteNonQueryAsync();
            await ExecuteAsync("ANALYZE survey_response");
        }
    }

    private static NpgsqlCommand Page(NpgsqlConnection conn, string prefix, long unit, long[] visible, Period period, VerbatimBand band, (DateTimeOffset At, long Id)? after,
        VerbatimSlices? slices = null)
    {
        slices ??= VerbatimSlices.All;
        var cmd = new NpgsqlCommand(prefix + VerbatimQuery.PageSql(band, slices, after is not null), conn);
        foreach (var (column, value) in slices.Filters()) cmd.Parameters.AddWithValue("slice_" + column, value);
        cmd.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = new[] { unit } });
        cmd.Parameters.Add(new NpgsqlParameter("visible", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = visible });
        cmd.Parameters.AddWithValue("from", new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        cmd.Parameters.AddWithValue("to", new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        cmd.Parameters.AddWithValue("limit", 26);
        if (after is { } a)
        {
            cmd.Parameters.AddWithValue("after_ts", a.At);
            cmd.Parameters.AddWithValue("after_id", a.Id);
        }
        return cmd;
    }

    /// <summary>Every plan node over a survey_response partition: (node type, rows it read incl. those its filter removed).</summary>
    private static IEnumerable<(string Type, double Read)> FactScans(JsonElement node)
    {
        if (node.TryGetProperty("Relation Name", out var rel) && rel.GetString()!.StartsWith("survey_response", StringComparison.Ordinal))
        {
            var loops = node.GetProperty("Actual Loops").GetDouble();
            var rows = node.GetProperty("Actual Rows").GetDouble() + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetDouble() : 0);
            yield return (node.GetProperty("Node Type").GetString()!, rows * Math.Max(1, loops));
        }
        if (node.TryGetProperty("Plans", out var plans))
        {
            foreach (var child in plans.EnumerateArray())
            {
                foreach (var scan in FactScans(child)) yield return scan;
            }
        }
    }

    [Theory]
    [InlineData("VX", "2026", VerbatimBand.NpsDetractors)]
    [InlineData("VX", "2026-06", VerbatimBand.All)]
    [InlineData("VD1", "2026", VerbatimBand.CsatSatisfied)]
    [InlineData("VD2", "2026-03", VerbatimBand.CesHard)]
    public async Task A_verbatim_page_reads_the_comment_index_not_the_periods_partitions(string unitCode, string periodText, VerbatimBand band)
    {
        var unit = await db.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", unitCode);
        var visible = (await db.RowsAsync("SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1", unit)).Select(r => (long)r[0]!).ToArray();
        var period = Period.Parse(periodText);
        var inPeriod = await db.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE responded_at >= $1 AND responded_at < $2",
            new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var explain = Page(conn, "EXPLAIN (ANALYZE, FORMAT JSON) ", unit, visible, period, band, null);
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!).RootElement[0].GetProperty("Plan");
        var scans = FactScans(plan).ToList();
        Assert.NotEmpty(scans);
        Assert.All(scans, s => Assert.Contains(s.Type, new[] { "Index Scan", "Index Only Scan" }));
        var read = scans.Sum(s => s.Read);
        // each visible descendant's newest rows per partition of the period, not the period's rows
        Assert.True(read < inPeriod / 20.0, $"read {read:N0} rows of the {inPeriod:N0} in {period}");

        // The page is the plain-SQL page over the raw rows, and so is the page after its cursor.
        var band_ = band switch
        {
            VerbatimBand.NpsDetractors => "nps <= 6", VerbatimBand.CsatSatisfied => "csat >= 4", VerbatimBand.CesHard => "ces <= 3", _ => "true",
        };
        (DateTimeOffset, long)? after = null;
        for (var page = 0; page < 2; page++)
        {
            await using var cmd = Page(conn, "", unit, visible, period, band, after);
            var got = new List<long>();
            await using (var r = await cmd.ExecuteReaderAsync())
            {
                while (await r.ReadAsync()) got.Add(r.GetInt64(1));
            }
            var cursor = after is { } a ? $"AND (responded_at, id) < ('{a.Item1:O}'::timestamptz, {a.Item2})" : "";
            var expected = (await db.RowsAsync($"""
                SELECT id, responded_at FROM survey_response
                WHERE org_unit_id = ANY($1) AND comment IS NOT NULL AND comment <> '' AND responded_at >= $2 AND responded_at < $3 AND {band_} {cursor}
                ORDER BY responded_at DESC, id DESC LIMIT 26
                """, visible, new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
            Assert.Equal(26, expected.Count);
            Assert.Equal(expected.Select(e => (long)e[0]!), got);
            after = (new DateTimeOffset((DateTime)expected[24][1]!, TimeSpan.Zero), (long)expected[24][0]!);
        }
    }

    /// <summary>
    /// The combined filter (band AND channel AND stage AND segment) is a condition on the rows each descendant's backward
    /// index scan returns (no index is keyed by the dimensions): each scan reads back until it has a page of the
    /// combination, so the rows read grow as the combination gets rarer, up to the subtree's comments of the band in the
    /// period when a descendant has none of it; the planner may then take a bitmap of those comments instead. Never a
    /// sequential scan, never rows outside the subtree's comments. Here the segment follows a team's parity, so for
    /// "premium" half the teams have no row of the combination: the worst case, whose figures the test prints.
    /// </summary>
    [Theory]
    [InlineData("VX", "2026", VerbatimBand.NpsDetractors, "phone", "onboarding", "premium")]
    [InlineData("VD2", "2026-03", VerbatimBand.All, "chat", "renewal", null)]
    [InlineData("VD1", "2026-06", VerbatimBand.CsatSatisfied, null, "service", "consumer")]
    public async Task A_combined_filter_page_reads_the_comment_index_and_equals_plain_sql(string unitCode, string periodText, VerbatimBand band, string? channel, string? stage, string? segment)
    {
        var unit = await db.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", unitCode);
        var visible = (await db.RowsAsync("SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1", unit)).Select(r => (long)r[0]!).ToArray();
        var period = Period.Parse(periodText);
        var (from, to) = (new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var slices = new VerbatimSlices(channel, stage, segment);
        var inPeriod = await db.ScalarAsync<long>("SELECT count(*) FROM survey_response WHERE responded_at >= $1 AND responded_at < $2", from, to);
        var bandSql = band switch { VerbatimBand.NpsDetractors => "nps <= 6", VerbatimBand.CsatSatisfied => "csat >= 4", _ => "true" };
        // the subtree's comments of the band in the period: what the page may read at most
        var subtreeComments = await db.ScalarAsync<long>($"""
            SELECT count(*) FROM survey_response WHERE org_unit_id = ANY($1) AND comment IS NOT NULL AND comment <> '' AND responded_at >= $2 AND responded_at < $3 AND {bandSql}
            """, visible, from, to);

        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var explain = Page(conn, "EXPLAIN (ANALYZE, FORMAT JSON) ", unit, visible, period, band, null, slices);
        var analysed = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!).RootElement[0];
        var plan = analysed.GetProperty("Plan");
        var scans = FactScans(plan).ToList();
        Assert.NotEmpty(scans);
        Assert.All(scans, s => Assert.Contains(s.Type, new[] { "Index Scan", "Index Only Scan", "Bitmap Heap Scan" }));
        var read = scans.Sum(s => s.Read);
        var figures = $"{unitCode} {period} {band} {slices}: read {read:N0} rows ({string.Join(", ", scans.GroupBy(s => s.Type).Select(g => $"{g.Count()} {g.Key}"))}); " +
            $"the subtree has {subtreeComments:N0} comments of the band in the period, the period {inPeriod:N0} rows; " +
            $"{analysed.GetProperty("Execution Time").GetDouble():N1} ms (EXPLAIN ANALYZE, a shared machine)";
        output.WriteLine(figures);
        Assert.True(read <= subtreeComments + visible.Length * 26, figures);

        (DateTimeOffset, long)? after = null;
        for (var page = 0; page < 2; page++)
        {
            await using var cmd = Page(conn, "", unit, visible, period, band, after, slices);
            var got = new List<long>();
            await using (var r = await cmd.ExecuteReaderAsync())
            {
                while (await r.ReadAsync()) got.Add(r.GetInt64(1));
            }
            var cursor = after is { } a ? $"AND (responded_at, id) < ('{a.Item1:O}'::timestamptz, {a.Item2})" : "";
            var expected = await db.RowsAsync($"""
                SELECT id, responded_at FROM survey_response
                WHERE org_unit_id = ANY($1) AND comment IS NOT NULL AND comment <> '' AND responded_at >= $2 AND responded_at < $3 AND {bandSql}
                  AND ($4::text IS NULL OR channel = $4) AND ($5::text IS NULL OR journey_stage = $5) AND ($6::text IS NULL OR segment = $6) {cursor}
                ORDER BY responded_at DESC, id DESC LIMIT 26
                """, visible, from, to, channel, stage, segment);
            Assert.Equal(26, expected.Count);
            Assert.Equal(expected.Select(e => (long)e[0]!), got);
            after = (new DateTimeOffset((DateTime)expected[24][1]!, TimeSpan.Zero), (long)expected[24][0]!);
        }
    }
}
