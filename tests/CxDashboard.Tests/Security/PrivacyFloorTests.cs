using System.Globalization;
using System.Text.Json;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.Security;

/// <summary>Demo data (seed 11) with extra personas to probe who gets the privacy floor.</summary>
public sealed class FloorApp : CxApp
{
    public static readonly SeedOptions Seed = new() { Responses = 8_000, Interactions = 8_000, Seed = 11 };

    protected override void Configure(IWebHostBuilder web)
    {
        foreach (var (persona, role, units, partners) in new[]
        {
            ("auditor", "Auditor", "CO", ""),                // a role the service does not know
            ("no_role", "", "CO", ""),                       // no role at all
            ("partner_exec", "executive", "", "PRT-ACME"),   // a granted role, but scoped to a partner
            ("shouting_exec", "EXECUTIVE", "CO", ""),        // a granted role in other letters
        })
        {
            web.UseSetting($"Auth:Personas:{persona}:Name", persona);
            web.UseSetting($"Auth:Personas:{persona}:Role", role);
            if (units != "") web.UseSetting($"Auth:Personas:{persona}:Units:0", units);
            if (partners != "") web.UseSetting($"Auth:Personas:{persona}:Partners:0", partners);
        }
        web.UseSetting("Auth:Personas:retail_analyst:Name", "Ray Retail-Analyst");
        web.UseSetting("Auth:Personas:retail_analyst:Role", "analyst");
        web.UseSetting("Auth:Personas:retail_analyst:Units:0", "DIV-RETAIL");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(Seed);
        await new RollupEngine(DataSource).RebuildAsync();
    }
}

/// <summary>The privacy floor through POST /graphql: who gets it, which periods it allows, and what it hides.</summary>
public sealed class PrivacyFloorTests(FloorApp app) : IClassFixture<FloorApp>
{
    private const string Engagement = "ENG-PRT-ACME-CARE-CONTACT";
    private static readonly string Month = $"{FloorApp.Seed.End:yyyy-MM}";

    private async Task<string?> ErrorCodeOfDayAsync(string persona, string period)
    {
        var body = await app.GraphQLAsync(persona, $"{{ unit(code: \"{Engagement}\") {{ value(metric: \"nps\", period: \"{period}\") {{ value n }} }} }}");
        return body.Errors().Select(e => e.Code()).FirstOrDefault();
    }

    [Fact]
    public async Task A_floor_caller_reads_weeks_months_quarters_and_years_but_no_single_day_or_day_range()
    {
        var day = $"{FloorApp.Seed.End:yyyy-MM}-02";
        Assert.Equal("FORBIDDEN", await ErrorCodeOfDayAsync("partner_manager", day));
        Assert.Equal("FORBIDDEN", await ErrorCodeOfDayAsync("partner_manager", $"{day}..{FloorApp.Seed.End:yyyy-MM-dd}"));
        foreach (var aligned in new[] { Month, "2026-W40", "2026-Q3", "2026" })
        {
            Assert.Null(await ErrorCodeOfDayAsync("partner_manager", aligned));
        }
        var series = await app.GraphQLAsync("partner_manager", $"{{ partner(code: \"PRT-ACME\") {{ series(metric: \"nps\", grain: DAY, periods: 7, end: \"{Month}\") {{ value }} }} }}");
        Assert.Equal("FORBIDDEN", series.Errors().Single().Code());
        Assert.Contains("ISO weeks, months, quarters and years", series.Errors().Single().GetProperty("message").GetString());
        Assert.Null(await ErrorCodeOfDayAsync("executive", day));
    }

    [Theory]
    [InlineData("auditor", true)]
    [InlineData("no_role", true)]
    [InlineData("partner_exec", true)]
    [InlineData("partner_manager", true)]
    [InlineData("shouting_exec", false)]
    [InlineData("analyst", false)]
    public async Task The_floor_applies_to_every_caller_without_a_granted_role(string persona, bool floor)
    {
        // Single days are the observable difference: refused under the floor, served without it.
        var body = await app.GraphQLAsync(persona, $"{{ partner(code: \"PRT-ACME\") {{ value(metric: \"nps\", period: \"{FloorApp.Seed.End:yyyy-MM}-03\") {{ n }} }} }}");
        Assert.Equal(floor ? "FORBIDDEN" : null, body.Errors().Select(e => e.Code()).FirstOrDefault());
    }

    [Fact]
    public async Task A_breakdown_never_leaves_a_single_hidden_segment_under_a_published_total()
    {
        var months = Enumerable.Range(0, 13).Select(i => new DateOnly(FloorApp.Seed.End.Year, FloorApp.Seed.End.Month, 1).AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var fields = string.Concat(months.Select((m, i) =>
            $"t{i}: value(metric: \"nps\", period: \"{m}\") {{ value n }} b{i}: breakdown(metric: \"nps\", period: \"{m}\", by: SEGMENT) {{ key value {{ value n }} }}\n"));
        var unit = (await app.GraphQLAsync("partner_manager", $"{{ unit(code: \"{Engagement}\") {{ {fields} }} }}")).Data().GetProperty("unit");
        var primary = 0;
        var complementary = 0;
        for (var i = 0; i < months.Length; i++)
        {
            var total = unit.GetProperty($"t{i}");
            var rows = unit.GetProperty($"b{i}").EnumerateArray().Select(r => (Key: r.GetProperty("key").GetString()!, Value: r.GetProperty("value"))).ToArray();
            // n from the raw rows: the floor hides every segment with 1–4 answers
            foreach (var (key, value) in rows)
            {
                var n = await app.ScalarAsync<long>("""
                    SELECT count(r.nps) FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id
                    WHERE u.code = $1 AND r.segment = $2 AND to_char(r.responded_at AT TIME ZONE 'UTC', 'YYYY-MM') = $3
                    """, Engagement, key, months[i]);
                Assert.Equal(n, value.GetProperty("n").GetInt64());
                if (n is > 0 and < 5)
                {
                    Assert.Equal(JsonValueKind.Null, value.GetProperty("value").ValueKind);
                    primary++;
                }
                else if (n >= 5 && value.GetProperty("value").ValueKind == JsonValueKind.Null) complementary++;
            }
            var hidden = rows.Count(r => r.Value.GetProperty("value").ValueKind == JsonValueKind.Null && r.Value.GetProperty("n").GetInt64() > 0);
            if (total.GetProperty("value").ValueKind != JsonValueKind.Null) Assert.NotEqual(1, hidden);
        }
        Assert.True(primary > 0 && complementary > 0, $"the data must exercise both ({primary} primary, {complementary} complementary)");

        // The same breakdown for a caller with small counts shows every segment.
        var exec = (await app.GraphQLAsync("executive", $"{{ unit(code: \"{Engagement}\") {{ {fields} }} }}")).Data().GetProperty("unit");
        Assert.All(Enumerable.Range(0, months.Length).SelectMany(i => exec.GetProperty($"b{i}").EnumerateArray()).Where(r => r.GetProperty("value").GetProperty("n").GetInt64() > 0),
            r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("value").GetProperty("value").ValueKind));
    }

    [Fact]
    public async Task Driver_groups_below_the_floor_are_suppressed_with_their_gap()
    {
        var id = (await app.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", Engagement)).ToString(CultureInfo.InvariantCulture);
        var months = Enumerable.Range(0, 13).Select(i => new DateOnly(FloorApp.Seed.End.Year, FloorApp.Seed.End.Month, 1).AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var fields = string.Concat(months.Select((m, i) => $"p{i}: drivers(unit: \"{id}\", period: \"{m}\") {{ drivers {{ nps {{ nWith valueWith nWithout valueWithout gap estimatedChange suppressed }} }} }}\n"));
        var partner = (await app.GraphQLAsync("partner_manager", $"{{ {fields} }}")).Data();
        var exec = (await app.GraphQLAsync("executive", $"{{ {fields} }}")).Data();
        var small = 0;
        for (var i = 0; i < months.Length; i++)
        {
            var p = partner.GetProperty($"p{i}").GetProperty("drivers").EnumerateArray().Select(d => d.GetProperty("nps")).ToArray();
            var e = exec.GetProperty($"p{i}").GetProperty("drivers").EnumerateArray().Select(d => d.GetProperty("nps")).ToArray();
            for (var k = 0; k < p.Length; k++)
            {
                var nWith = p[k].GetProperty("nWith").GetInt64();
                var nWithout = p[k].GetProperty("nWithout").GetInt64();
                if (nWith is > 0 and < 5 || nWithout is > 0 and < 5)
                {
                    small++;
                    Assert.True(p[k].GetProperty("suppressed").GetBoolean());
                    foreach (var f in new[] { "valueWith", "valueWithout", "gap", "estimatedChange" }) Assert.Equal(JsonValueKind.Null, p[k].GetProperty(f).ValueKind);
                    Assert.False(e[k].GetProperty("suppressed").GetBoolean());
                    Assert.NotEqual(JsonValueKind.Null, e[k].GetProperty(nWith is > 0 and < 5 ? "valueWith" : "valueWithout").ValueKind);
                }
            }
        }
        Assert.True(small > 0, "the data must hold driver groups below the floor");
        var week = await app.GraphQLAsync("partner_manager", $"{{ drivers(unit: \"{id}\", period: \"2026-W40\") {{ linkedResponses }} }}");
        Assert.Equal("FORBIDDEN", week.Errors().Single().Code());
    }

    [Fact]
    public async Task Verbatims_show_bands_not_scores_and_only_for_groups_of_at_least_the_floor()
    {
        // every (month or quarter, segment) group of the engagement with its number of comments, from the raw rows
        var comments = (await app.RowsAsync("""
            SELECT (r.responded_at AT TIME ZONE 'UTC')::date, r.segment
            FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id
            WHERE u.code = $1 AND r.comment IS NOT NULL AND r.comment <> ''
            """, Engagement)).Select(r => (Day: r[0] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)r[0]!), Segment: (string)r[1]!)).ToArray();
        var periods = comments.SelectMany(c => new[] { CxDashboard.Core.Scorecards.Period.Of("month", c.Day), CxDashboard.Core.Scorecards.Period.Of("quarter", c.Day) }).Distinct().ToArray();
        var groups = periods.SelectMany(p => comments.Where(c => c.Day >= p.First && c.Day <= p.Last).GroupBy(c => c.Segment)
            .Select(g => (Period: p.ToString(), Segment: g.Key, Count: (long)g.Count()))).OrderBy(g => g.Period).ThenBy(g => g.Segment).ToArray();
        Assert.Contains(groups, g => g.Count < 5);
        Assert.Contains(groups, g => g.Count >= 5);
        var fields = string.Concat(groups.Select((g, i) =>
            $"g{i}: verbatims(period: \"{g.Period}\", first: 100, slice: {{ dimension: SEGMENT, value: \"{g.Segment}\" }}) {{ items {{ nps npsBand csat csatBand }} }}\n"));
        var partner = (await app.GraphQLAsync("partner_manager", $"{{ unit(code: \"{Engagement}\") {{ {fields} }} }}")).Data().GetProperty("unit");
        var exec = (await app.GraphQLAsync("executive", $"{{ unit(code: \"{Engagement}\") {{ {fields} }} }}")).Data().GetProperty("unit");
        for (var i = 0; i < groups.Length; i++)
        {
            var shown = partner.GetProperty($"g{i}").GetProperty("items").EnumerateArray().ToArray();
            Assert.Equal(groups[i].Count < 5 ? 0 : Math.Min(100, groups[i].Count), shown.Length);
            Assert.All(shown, v => Assert.Equal(JsonValueKind.Null, v.GetProperty("nps").ValueKind));
            Assert.All(shown, v => Assert.Equal(JsonValueKind.Null, v.GetProperty("csat").ValueKind));
            var full = exec.GetProperty($"g{i}").GetProperty("items").EnumerateArray().ToArray();
            Assert.Equal(Math.Min(100, groups[i].Count), full.Length);
            // the band is the score's band (9–10 promoter, 7–8 passive, 0–6 detractor)
            Assert.All(full.Where(v => v.GetProperty("nps").ValueKind != JsonValueKind.Null), v =>
                Assert.Equal(v.GetProperty("nps").GetInt32() >= 9 ? "promoter" : v.GetProperty("nps").GetInt32() >= 7 ? "passive" : "detractor", v.GetProperty("npsBand").GetString()));
        }
    }
}
