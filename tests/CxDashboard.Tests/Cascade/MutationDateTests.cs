using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Cascade;

/// <summary>
/// Date inputs of KPI mutations are range-checked against the dates the service accepts (the imports' earliest plausible
/// fact date, 2000-01-01, to the last readable day, 2999-12-31): outside it is a BAD_USER_INPUT error naming the input
/// field, with the mutation's location and path, and nothing is written.
/// </summary>
public sealed class MutationDateTests(KpiApp app) : IClassFixture<KpiApp>
{
    private const string Unit = "DEP-RETAIL-STORES";

    [Theory]
    [InlineData("9999-12-01")]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-01")]
    public async Task A_target_outside_the_accepted_dates_is_refused_with_its_field_and_location_and_nothing_is_written(string day)
    {
        var kpi = await app.KpiIdAsync(Unit, "csat");
        var before = await TargetsAsync(kpi);
        var result = await app.GraphQLAsync("analyst", $$"""
            mutation($k: ID!) {
              setKpiTargets(input: { kpi: $k, grain: MONTH, targets: [{ periodStart: "2026-08-01", target: 81 }, { periodStart: "{{day}}", target: 80 }] }) { target }
            }
            """, new { k = kpi.ToString() });

        var error = Assert.Single(result.Errors());
        Assert.Equal("BAD_USER_INPUT", error.Code());
        Assert.Equal("input.targets[1].periodStart", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal($"input.targets[1].periodStart: {day} is outside the dates this service accepts (2000-01-01 to 2999-12-31)", error.GetProperty("message").GetString());
        Assert.Equal("setKpiTargets", error.GetProperty("path")[0].GetString());
        var location = Assert.Single(error.GetProperty("locations").EnumerateArray());
        Assert.Equal((2, 3), (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").ValueKind);
        Assert.Equal(before, await TargetsAsync(kpi)); // the good target of the same call is not written either
    }

    [Fact]
    public async Task A_checkin_outside_the_accepted_dates_is_refused_and_the_edges_are_accepted()
    {
        var kpi = await app.KpiIdAsync(Unit, "fcr");
        const string checkin = """
            mutation($k: ID!, $d: Date!) { recordCheckin(input: { kpi: $k, periodStart: $d, status: ON_TRACK }) { periodStart } }
            """;
        var count = await app.ScalarAsync<long>("SELECT count(*) FROM kpi_checkin WHERE kpi_id = $1", kpi);

        foreach (var bad in new[] { "9999-12-01", "1999-12-01" })
        {
            var refused = await app.GraphQLAsync("analyst", checkin, new { k = kpi.ToString(), d = bad });
            var error = Assert.Single(refused.Errors());
            Assert.Equal(("BAD_USER_INPUT", "input.periodStart"), (error.Code(), error.GetProperty("extensions").GetProperty("field").GetString()));
            Assert.Contains("outside the dates this service accepts", error.GetProperty("message").GetString());
            Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        }
        Assert.Equal(count, await app.ScalarAsync<long>("SELECT count(*) FROM kpi_checkin WHERE kpi_id = $1", kpi));

        // The window's first and last months are accepted (a check-in is about the month starting on its day).
        foreach (var edge in new[] { "2000-01-01", "2999-12-01" })
        {
            var ok = await app.GraphQLAsync("analyst", checkin, new { k = kpi.ToString(), d = edge });
            Assert.False(ok.TryGetProperty("errors", out var errors), errors.ToString());
            Assert.Equal(edge, ok.Data().GetProperty("recordCheckin").GetProperty("periodStart").GetString());
        }
        Assert.Equal(count + 2, await app.ScalarAsync<long>("SELECT count(*) FROM kpi_checkin WHERE kpi_id = $1", kpi));
    }

    private Task<string?> TargetsAsync(long kpi) =>
        app.ScalarAsync<string>("SELECT string_agg(grain || ':' || period_start || '=' || target, ',' ORDER BY grain, period_start) FROM kpi_target WHERE kpi_id = $1", kpi);
}
