using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// The duration bucket expression of the rollups (an edge search since session 13) against the numeric expression it
/// replaced, written out here as it was: the same bucket at every edge, a microsecond (or a second) on either side of it,
/// and for every interaction of a demo set, so no stored cell changes.
/// </summary>
public sealed class DurationBucketTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    private static string NumericBucket(string seconds) =>
        $"CASE WHEN {seconds} IS NULL THEN NULL WHEN {seconds} < 1 THEN 0 ELSE LEAST(27, 1 + floor(ln({seconds}) / ln(1.6))::int) END";

    private const string Origin = "'2026-03-28 12:00:00+00'::timestamptz";

    [Fact]
    public async Task Response_time_buckets_equal_the_numeric_form_at_every_edge()
    {
        // Every 1.6^k s exactly (k = 0 … 27, as the interval a timestamptz difference makes: days past 24 h), its
        // microsecond floor and the two microseconds on either side.
        var sql = $"""
            WITH edge AS (SELECT k, floor(power(1.6::numeric, k) * 1000000)::bigint AS us FROM generate_series(0, 27) k),
            d AS (SELECT DISTINCT ({Origin} + (us + s) * interval '1 microsecond') - {Origin} AS d FROM edge, generate_series(-2, 2) s WHERE us + s >= 0)
            SELECT count(*)::int, count(*) FILTER (WHERE old IS DISTINCT FROM new)::int, count(*) FILTER (WHERE d >= interval '1 day')::int
            FROM (SELECT d, {NumericBucket("extract(epoch FROM d)")} AS old, {DurationHistogram.SqlBucketOfInterval("d")} AS new FROM d) x
            """;
        var (checkedValues, differ, pastADay) = await Triple(sql);
        Assert.True(checkedValues > 130, $"{checkedValues} values checked");
        Assert.True(pastADay > 5, "durations of more than a day are among them");
        Assert.Equal(0, differ);
    }

    [Fact]
    public async Task Handle_time_buckets_equal_the_numeric_form_at_every_edge()
    {
        var sql = $"""
            WITH edge AS (SELECT floor(power(1.6::numeric, k))::int AS s FROM generate_series(0, 27) k),
            h AS (SELECT DISTINCT s + o AS h FROM edge, generate_series(-2, 2) o WHERE s + o >= 0)
            SELECT count(*)::int, count(*) FILTER (WHERE old IS DISTINCT FROM new)::int, 0
            FROM (SELECT {NumericBucket("h")} AS old, {DurationHistogram.SqlBucketOfWholeSeconds("h")} AS new FROM h) x
            """;
        var (checkedValues, differ, _) = await Triple(sql);
        Assert.True(checkedValues > 100, $"{checkedValues} values checked");
        Assert.Equal(0, differ);
    }

    [Theory]
    [InlineData("NULL", null)]
    [InlineData("'0.999999 s'", 0)]
    [InlineData("'1 s'", 1)]
    [InlineData("'1.599999 s'", 1)]
    [InlineData("'1.6 s'", 2)] // ln(1.6) / ln(1.6) is exactly 1
    [InlineData("'2.56 s'", 2)] // 1.6², whose numeric logarithm came out a hair under 2
    [InlineData("'2.560001 s'", 3)]
    [InlineData("'100 s'", 10)] // 1.6^9 = 68.72 ≤ 100 < 1.6^10 = 109.95
    [InlineData("'2 days 8 hours'", 26)] // 1.6^25 = 126,765 ≤ 201,600 s < 1.6^26 = 202,824 s
    [InlineData("'2 days 9 hours'", 27)] // 205,200 s
    public async Task Hand_worked_response_time_buckets(string interval, int? bucket) =>
        Assert.Equal(bucket, await db.ScalarAsync<int?>($"SELECT {DurationHistogram.SqlBucketOfInterval($"{interval}::interval")}"));

    [Fact]
    public async Task Every_interaction_of_a_demo_set_keeps_its_buckets()
    {
        await new DemoSeeder(db.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 2_000, Interactions = 20_000, Seed = 5 });
        var sql = $"""
            SELECT count(*)::int, count(*) FILTER (WHERE rt_old IS DISTINCT FROM rt_new OR ht_old IS DISTINCT FROM ht_new)::int,
                   count(DISTINCT rt_new)::int + count(DISTINCT ht_new)::int
            FROM (SELECT {NumericBucket("extract(epoch FROM (first_response_at - opened_at))")} AS rt_old,
                         {DurationHistogram.SqlBucketOfInterval("first_response_at - opened_at")} AS rt_new,
                         {NumericBucket("handle_seconds")} AS ht_old, {DurationHistogram.SqlBucketOfWholeSeconds("handle_seconds")} AS ht_new
                  FROM interaction) x
            """;
        var (interactions, differ, buckets) = await Triple(sql);
        Assert.True(interactions > 19_000, $"{interactions} interactions");
        Assert.True(buckets > 20, $"only {buckets} distinct buckets: the data does not spread over the histogram");
        Assert.Equal(0, differ);
    }

    private async Task<(int, int, int)> Triple(string sql)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2));
    }
}
