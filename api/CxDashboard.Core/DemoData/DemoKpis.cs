using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.DemoData;

/// <summary>
/// The demo KPI cascade: company NPS and CSAT (shared, weight 2) cascade to every division,
/// department and partner engagement; departments also own the process KPIs that drive them.
/// Values and targets are in display units: NPS points, percentages 0–100, seconds.
/// </summary>
public static class DemoKpis
{
    private const string StatusRule = """{"type":"percentOfTarget","onTrack":1.0,"atRisk":0.95}""";
    private const string NpsStatusRule = """{"type":"absoluteGap","onTrack":0,"atRisk":-5}""";

    // (metric, drives, target) for department process KPIs.
    private static readonly (string Metric, string Drives, decimal Target)[] ProcessKpis =
    [
        ("fcr", "csat", 75m), ("sla", "csat", 80m), ("response_time", "nps", 120m), ("repeat_rate", "nps", 15m), ("containment", "csat", 65m),
    ];

    public static async Task<int> InsertAsync(NpgsqlDataSource dataSource, IReadOnlyList<DemoUnit> units, Dictionary<string, long> ids,
        DateOnly[] months, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var count = 0;
        var outcomeKpi = new Dictionary<(string Unit, string Metric), long>();

        async Task<long> Add(string unit, string metric, long? parent, decimal weight, bool shared, string owner, string rule, decimal target)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO kpi (org_unit_id, metric_code, parent_kpi_id, weight, is_shared, owner, status_rule)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id
                """, conn, tx);
            cmd.Parameters.Add(new() { Value = ids[unit] });
            cmd.Parameters.Add(new() { Value = metric });
            cmd.Parameters.Add(new() { Value = (object?)parent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            cmd.Parameters.Add(new() { Value = weight });
            cmd.Parameters.Add(new() { Value = shared });
            cmd.Parameters.Add(new() { Value = owner });
            cmd.Parameters.Add(new() { Value = rule });
            var id = (long)(await cmd.ExecuteScalarAsync(ct))!;
            await using var targets = new NpgsqlCommand("""
                INSERT INTO kpi_target (kpi_id, grain, period_start, target) SELECT $1, 'month', m, $2 FROM unnest($3::date[]) AS m
                """, conn, tx);
            targets.Parameters.Add(new() { Value = id });
            targets.Parameters.Add(new() { Value = target });
            targets.Parameters.Add(new() { Value = months });
            await targets.ExecuteNonQueryAsync(ct);
            count++;
            return id;
        }

        foreach (var u in units)
        {
            if (u.Kind == "team") continue; // teams are measured, but KPIs are owned from department level up
            var parentNps = u.ParentCode is { } p && outcomeKpi.TryGetValue((p, "nps"), out var pn) ? pn : (long?)null;
            var parentCsat = u.ParentCode is { } p2 && outcomeKpi.TryGetValue((p2, "csat"), out var pc) ? pc : (long?)null;
            var owner = $"{u.Name} lead";
            outcomeKpi[(u.Code, "nps")] = await Add(u.Code, "nps", parentNps, 2m, true, owner, NpsStatusRule, 30m);
            outcomeKpi[(u.Code, "csat")] = await Add(u.Code, "csat", parentCsat, 2m, true, owner, StatusRule, 75m);
            if (u.Kind is "department")
            {
                foreach (var (metric, drives, target) in ProcessKpis)
                {
                    await Add(u.Code, metric, outcomeKpi[(u.Code, drives)], 1m, false, owner, StatusRule, target);
                }
            }
            else if (u.Kind is "partner")
            {
                await Add(u.Code, "fcr", outcomeKpi[(u.Code, "csat")], 1m, false, owner, StatusRule, 75m);
                await Add(u.Code, "sla", outcomeKpi[(u.Code, "csat")], 1m, false, owner, StatusRule, 80m);
            }
        }

        // A few check-ins so the continuous-improvement view has history.
        string[] departments = ["DEP-RETAIL-STORES", "DEP-CARE-CONTACT", "DEP-LOGISTICS-DELIVERY"];
        foreach (var (dep, i) in departments.Select((d, i) => (d, i)))
        {
            foreach (var m in months[^2..])
            {
                await using var checkin = new NpgsqlCommand("""
                    INSERT INTO kpi_checkin (kpi_id, period_start, value, status, note, author) VALUES ($1, $2, NULL, $3, $4, $5)
                    """, conn, tx);
                checkin.Parameters.Add(new() { Value = outcomeKpi[(dep, "csat")] });
                checkin.Parameters.Add(new() { Value = m });
                checkin.Parameters.Add(new() { Value = i == 0 ? "on_track" : "at_risk" });
                checkin.Parameters.Add(new() { Value = i == 0 ? "Stable; coaching programme continues." : "Backlog after peak season; extra staff from next week." });
                checkin.Parameters.Add(new() { Value = $"{units.First(u => u.Code == dep).Name} lead" });
                await checkin.ExecuteNonQueryAsync(ct);
            }
        }

        await tx.CommitAsync(ct);
        return count;
    }
}
