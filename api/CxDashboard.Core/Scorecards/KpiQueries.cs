using CxDashboard.Core.Values;
using Npgsql;

namespace CxDashboard.Core.Scorecards;

/// <summary>Batch reads of KPI definitions, targets and check-ins (one SQL command per batch, for DataLoaders).</summary>
public sealed class KpiQueries(NpgsqlDataSource db)
{
    public async Task<Dictionary<long, KpiDefinition>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {ScorecardReader.KpiColumns}
            FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id JOIN metric m ON m.code = k.metric_code
            WHERE k.id = ANY($1)
            """);
        cmd.Parameters.Add(new() { Value = ids.ToArray() });
        return (await ScorecardReader.ReadKpisAsync(cmd, ct)).ToDictionary(k => k.Id);
    }

    public async Task<ILookup<long, KpiDefinition>> ByUnitsAsync(IReadOnlyCollection<long> unitIds, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {ScorecardReader.KpiColumns}
            FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id JOIN metric m ON m.code = k.metric_code
            WHERE k.org_unit_id = ANY($1) ORDER BY k.id
            """);
        cmd.Parameters.Add(new() { Value = unitIds.ToArray() });
        return (await ScorecardReader.ReadKpisAsync(cmd, ct)).ToLookup(k => k.UnitId);
    }

    public async Task<ILookup<long, KpiTarget>> TargetsAsync(IReadOnlyCollection<long> kpiIds, string? grain, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT kpi_id, grain, period_start, target FROM kpi_target
            WHERE kpi_id = ANY($1) AND ($2::text IS NULL OR grain = $2) ORDER BY kpi_id, grain, period_start
            """);
        cmd.Parameters.Add(new() { Value = kpiIds.ToArray() });
        cmd.Parameters.Add(new() { Value = (object?)grain ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<KpiTarget>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new KpiTarget { KpiId = r.GetInt64(0), Grain = r.GetString(1), PeriodStart = r.GetFieldValue<DateOnly>(2), Target = r.GetDecimal(3) });
        }
        return list.ToLookup(t => t.KpiId);
    }

    /// <summary>Check-ins of each KPI, newest first, at most <paramref name="perKpi"/> each.</summary>
    public async Task<ILookup<long, KpiCheckinView>> CheckinsAsync(IReadOnlyCollection<long> kpiIds, int perKpi, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, kpi_id, period_start, value, status, note, author, created_at FROM (
                SELECT c.*, row_number() OVER (PARTITION BY kpi_id ORDER BY created_at DESC, id DESC) AS rn
                FROM kpi_checkin c WHERE kpi_id = ANY($1)) x
            WHERE rn <= $2 ORDER BY kpi_id, created_at DESC, id DESC
            """);
        cmd.Parameters.Add(new() { Value = kpiIds.ToArray() });
        cmd.Parameters.Add(new() { Value = perKpi });
        return (await ScorecardReader.ReadCheckinsAsync(cmd, ct)).ToLookup(c => c.KpiId);
    }

    /// <summary>The unit a KPI belongs to (for the caller's scope check), or null when there is no such KPI.</summary>
    public async Task<long?> UnitOfAsync(long kpiId, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("SELECT org_unit_id FROM kpi WHERE id = $1");
        cmd.Parameters.Add(new() { Value = kpiId });
        return await cmd.ExecuteScalarAsync(ct) is long id ? id : null;
    }
}
