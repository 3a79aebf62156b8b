using Npgsql;

namespace CxDashboard.Core.Export;

/// <summary>
/// Whether a month's rollup cells are complete: the last rollup ran after the month ended and nothing of it waits for a
/// refresh (no unit-day of it in dirty_day, no row of it in the importer's change log).
/// </summary>
public sealed class RollupReadiness(NpgsqlDataSource db)
{
    /// <summary>The watermark of the last completed rollup (facts loaded before it are in the cells); null before the first.</summary>
    public async Task<DateTimeOffset?> WatermarkAsync(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("SELECT watermark FROM rollup_state WHERE id = 1");
        return await cmd.ExecuteScalarAsync(ct) is DateTime w ? new DateTimeOffset(DateTime.SpecifyKind(w, DateTimeKind.Utc)) : null;
    }

    /// <summary>True when the month [first, first + 1 month) is fully rolled up.</summary>
    public async Task<bool> IsCompleteAsync(DateOnly monthStart, CancellationToken ct = default)
    {
        var next = monthStart.AddMonths(1);
        await using var cmd = db.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM rollup_state WHERE id = 1 AND watermark >= $1)
               AND NOT EXISTS (SELECT 1 FROM dirty_day WHERE day >= $2 AND day < $3)
               AND NOT EXISTS (SELECT 1 FROM survey_response_change WHERE responded_at >= $4 AND responded_at < $1)
               AND NOT EXISTS (SELECT 1 FROM interaction_change WHERE opened_at >= $4 AND opened_at < $1)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(next.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = monthStart });
        cmd.Parameters.Add(new NpgsqlParameter { Value = next });
        cmd.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(monthStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        return await cmd.ExecuteScalarAsync(ct) is true;
    }
}
