using CxDashboard.Core.Drivers;
using CxDashboard.Core.Values;

namespace CxDashboard.Tests.Drivers;

/// <summary>
/// Months, quarters and years read driver cells; their figures must be what plain SQL over the raw rows gives: responses
/// of the unit's subtree in the period joined to their interactions opened from 35 days before the response's month to the
/// end of the period (the rule the raw-fact analysis always had), split by each condition.
/// </summary>
public sealed class DriverCellsTests(DriverDatabase db) : IClassFixture<DriverDatabase>
{
    private const int Floor = 5;

    /// <summary>Per (unit, period start, condition, holds[, own unit, month]): CSAT n and top-2, NPS n, promoters, detractors.</summary>
    private static string PlainSql(string units, string parts) => $"""
        WITH p AS (SELECT q::date AS first, (q + $2::interval)::date AS next FROM generate_series($1::date, '2026-10-01'::date, $2::interval) q),
        links AS (
            SELECT c.ancestor_id AS unit, p.first, r.org_unit_id AS own, date_trunc('month', r.responded_at AT TIME ZONE 'UTC') AS month,
                   r.csat, r.nps, r.ces, i.resolved_first_contact, i.transfers, i.switched_channel, i.sla_target_seconds,
                   extract(epoch FROM i.first_response_at - i.opened_at) AS response_seconds
            FROM survey_response r
            JOIN interaction i ON i.external_id = r.interaction_external_id
            JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            JOIN p ON r.responded_at >= p.first::timestamp AT TIME ZONE 'UTC' AND r.responded_at < p.next::timestamp AT TIME ZONE 'UTC'
            WHERE c.ancestor_id IN ({units})
              AND i.opened_at >= (date_trunc('month', r.responded_at AT TIME ZONE 'UTC') - interval '35 days') AT TIME ZONE 'UTC'
              AND i.opened_at < p.next::timestamp AT TIME ZONE 'UTC')
        SELECT unit, first, v.name, v.holds, count(csat) AS csat_n, count(*) FILTER (WHERE csat >= 4), count(nps) AS nps_n,
               count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(*)
        FROM links CROSS JOIN LATERAL (VALUES
            ('linked', true),
            ('fcr', resolved_first_contact),
            ('sla', CASE WHEN sla_target_seconds IS NULL THEN NULL ELSE coalesce(response_seconds <= sla_target_seconds, false) END),
            ('transferred', transfers > 0),
            ('switched', switched_channel),
            ('low_effort', ces >= 5)) v(name, holds)
        WHERE v.holds IS NOT NULL
        GROUP BY unit, first, v.name, v.holds {parts}
        """;

    private static readonly Dictionary<DriverCondition, string> Keys = new()
    {
        [DriverCondition.ResolvedFirstContact] = "fcr", [DriverCondition.WithinSla] = "sla", [DriverCondition.Transferred] = "transferred",
        [DriverCondition.SwitchedChannel] = "switched", [DriverCondition.LowEffort] = "low_effort",
    };

    private static DateOnly D(object? o) => o is DateOnly d ? d : DateOnly.FromDateTime((DateTime)o!);

    private sealed record Group(long CsatN, long Top2, long NpsN, long Promoters, long Detractors, long Rows);

    private async Task<Dictionary<(long, DateOnly, string, bool), Group>> ExpectedAsync(string units, string first, string step)
    {
        var rows = await db.RowsAsync(PlainSql(units, ""), DateOnly.Parse(first), step);
        return rows.ToDictionary(r => ((long)r[0]!, D(r[1]), (string)r[2]!, (bool)r[3]!),
            r => new Group((long)r[4]!, (long)r[5]!, (long)r[6]!, (long)r[7]!, (long)r[8]!, (long)r[9]!));
    }

    private static void AssertSplit(OutcomeSplit split, Group? with, Group? without, bool nps, string what)
    {
        long N(Group? g) => g is null ? 0 : nps ? g.NpsN : g.CsatN;
        double? V(Group? g) => N(g) == 0 ? null : nps ? 100.0 * (g!.Promoters - g.Detractors) / g.NpsN : 100.0 * g!.Top2 / g.CsatN;
        Assert.True(N(with) == split.NWith, $"{what}: n with {split.NWith}, plain SQL {N(with)}");
        Assert.True(N(without) == split.NWithout, $"{what}: n without {split.NWithout}, plain SQL {N(without)}");
        Assert.Equal(V(with) is null, split.ValueWith is null);
        Assert.Equal(V(without) is null, split.ValueWithout is null);
        if (V(with) is { } w) Assert.Equal(w, split.ValueWith!.Value, 9);
        if (V(without) is { } wo) Assert.Equal(wo, split.ValueWithout!.Value, 9);
    }

    private async Task<int> CompareAsync(IReadOnlyList<long> units, string grain, string first, string step, int? floor)
    {
        var expected = await ExpectedAsync(string.Join(",", units), first, step);
        var service = new DriverService(db.DataSource);
        var compared = 0;
        foreach (var unit in units)
        {
            for (var p = Period.Of(grain, DateOnly.Parse(first)); p.First <= new DateOnly(2026, 10, 1); p = Period.Of(grain, p.Last.AddDays(1)))
            {
                var a = await service.AnalyseAsync(unit, p, floor);
                Assert.Equal(expected.GetValueOrDefault((unit, p.First, "linked", true))?.Rows ?? 0, a.LinkedResponses);
                foreach (var d in a.Drivers)
                {
                    var with = expected.GetValueOrDefault((unit, p.First, Keys[d.Condition], true));
                    var without = expected.GetValueOrDefault((unit, p.First, Keys[d.Condition], false));
                    if (!d.Csat.Suppressed) AssertSplit(d.Csat, with, without, false, $"{unit} {p} {d.Condition} CSAT");
                    if (!d.Nps.Suppressed) AssertSplit(d.Nps, with, without, true, $"{unit} {p} {d.Condition} NPS");
                    Assert.Equal((with?.CsatN ?? 0, without?.CsatN ?? 0), (d.Csat.NWith, d.Csat.NWithout));
                }
                compared++;
            }
        }
        return compared;
    }

    private async Task<List<long>> DepartmentsAsync() =>
        [.. (await db.RowsAsync("SELECT id FROM org_unit WHERE kind = 'department' ORDER BY id")).Select(r => (long)r[0]!)];

    [Fact]
    public async Task Drivers_from_cells_equal_plain_sql_over_raw_rows_for_every_department_and_quarter()
    {
        var departments = await DepartmentsAsync();
        Assert.True(departments.Count >= 5);
        var compared = await CompareAsync(departments, "quarter", "2025-10-01", "3 months", null);
        Assert.Equal(departments.Count * 5, compared);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM driver_cell WHERE grain = 'month'") > 0);
    }

    [Fact]
    public async Task Drivers_from_cells_equal_plain_sql_for_every_department_month_and_the_company_year()
    {
        var departments = await DepartmentsAsync();
        await CompareAsync(departments, "month", "2025-10-01", "1 month", null);
        var company = await db.ScalarAsync<long>("SELECT id FROM org_unit WHERE parent_id IS NULL");
        await CompareAsync([company], "year", "2026-01-01", "1 year", null);
    }

    [Fact]
    public async Task Under_the_floor_a_split_is_suppressed_exactly_when_one_of_its_unit_months_is_below_it()
    {
        var departments = await DepartmentsAsync();
        // the parts of every split: each own unit's responses in each month, from the raw rows
        var parts = await db.RowsAsync($"""
            SELECT unit, first, name, holds, bool_or(csat_n > 0 AND csat_n < {Floor}), bool_or(nps_n > 0 AND nps_n < {Floor})
            FROM ({PlainSql(string.Join(",", departments), ", own, month")}) x
            GROUP BY unit, first, name, holds
            """, DateOnly.Parse("2025-10-01"), "3 months");
        var hidden = parts.ToDictionary(r => ((long)r[0]!, D(r[1]), (string)r[2]!, (bool)r[3]!), r => ((bool)r[4]!, (bool)r[5]!));
        var service = new DriverService(db.DataSource);
        var (suppressed, shown) = (0, 0);
        foreach (var unit in departments)
        {
            for (var p = Period.Of("quarter", new DateOnly(2025, 10, 1)); p.First <= new DateOnly(2026, 10, 1); p = Period.Of("quarter", p.Last.AddDays(1)))
            {
                var a = await service.AnalyseAsync(unit, p, Floor);
                foreach (var d in a.Drivers)
                {
                    var w = hidden.GetValueOrDefault((unit, p.First, Keys[d.Condition], true));
                    var wo = hidden.GetValueOrDefault((unit, p.First, Keys[d.Condition], false));
                    Assert.Equal(w.Item1 || wo.Item1, d.Csat.Suppressed);
                    Assert.Equal(w.Item2 || wo.Item2, d.Nps.Suppressed);
                    if (d.Csat.Suppressed) Assert.Null(d.Csat.ValueWith);
                    if (d.Csat.Suppressed) suppressed++; else shown++;
                }
            }
        }
        Assert.True(suppressed > 0 && shown > 0, $"the data must exercise both ({suppressed} suppressed, {shown} shown)");
    }
}
