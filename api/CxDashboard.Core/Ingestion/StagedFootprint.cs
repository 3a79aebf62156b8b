using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Where the staged rows fall, counted while they stream in: rows per UTC month and per (unit, UTC day).
/// The merge would otherwise re-read the whole staging table twice just to learn this (which months
/// qualify for a bulk load, which days to mark for the rollup job).
/// </summary>
public sealed class StagedFootprint
{
    private readonly Dictionary<DateTime, long> months = [];
    private readonly Dictionary<(long Unit, DateOnly Day), long> days = [];

    public IReadOnlyDictionary<DateTime, long> RowsByMonth => months;

    public long Rows { get; private set; }

    /// <summary>The UTC month start of the earliest and the latest row (both null when nothing was staged).</summary>
    public DateTime? FirstMonth => Rows == 0 ? null : months.Keys.Min();

    public DateTime? LastMonth => Rows == 0 ? null : months.Keys.Max();

    public void Add(long unitId, DateTime utc)
    {
        Rows++;
        CollectionsMarshal.GetValueRefOrAddDefault(months, new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc), out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(days, (unitId, DateOnly.FromDateTime(utc)), out _)++;
    }

    /// <summary>
    /// Writes the (unit, day, rows) of the given months into a new temp table <paramref name="table"/>
    /// (dropped at commit), for the dirty-day marking of rows that did not go through the merge statement.
    /// </summary>
    public async Task WriteDaysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, IReadOnlySet<DateTime> ofMonths, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {table} (org_unit_id bigint, day date, n bigint) ON COMMIT DROP", conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var copy = await conn.BeginBinaryImportAsync($"COPY {table} (org_unit_id, day, n) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var ((unit, day), n) in days)
        {
            if (!ofMonths.Contains(new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc))) continue;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(unit, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(day, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(n, NpgsqlDbType.Bigint, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
