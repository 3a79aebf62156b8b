using Npgsql;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// The first big load of a month: when a file brings many rows for a month whose partition is still
/// empty, those rows are written into a fresh, index-less table beside the fact table, its indexes
/// are built once (a sort) instead of being maintained row by row, and it then replaces the empty
/// partition. Inserting through the partitioned parent with both indexes live costs about twice as
/// much (measured: tests/bench.sh import). Everything runs in the import's transaction, so a failed
/// import leaves the empty partition as it was.
/// </summary>
/// <remarks>
/// Locking: the parent is first locked SHARE ROW EXCLUSIVE, which keeps every other writer out (so an
/// empty partition stays empty) but lets readers go on while the new tables are filled and indexed.
/// Only the final swap (drop the empty partition, attach the new one) takes ACCESS EXCLUSIVE on the
/// parent, held until commit, as creating a partition already does.
/// The swapped-in partition's CHECK constraints are its own copies (merged at ATTACH) rather than
/// inherited-only ones; they are identical, so this changes nothing for rows.
/// </remarks>
public sealed class MonthBulkLoad(NpgsqlConnection conn, NpgsqlTransaction tx, FactSpec spec)
{
    /// <summary>Below this many rows for one month, building and swapping a table costs more than it saves.</summary>
    public const long MinRows = 10_000;

    /// <summary>
    /// Moves the staged rows of every qualifying month into a new partition. Returns those months (the
    /// regular merge leaves their rows alone: <see cref="InMonths"/>) and the number of rows loaded this way.
    /// </summary>
    public async Task<(IReadOnlySet<DateTime> Months, long Rows)> RunAsync(StagedFootprint footprint, TextWriter? progress, CancellationToken ct)
    {
        var t = spec.Table;
        var time = spec.TimeColumn;
        var none = (new HashSet<DateTime>(), 0L);
        // Same names as ensure_month_partitions gives.
        var rowsByMonth = footprint.RowsByMonth;
        var candidates = rowsByMonth.Where(m => m.Value >= MinRows).OrderBy(m => m.Key)
            .Select(m => (Lo: m.Key, Hi: m.Key.AddMonths(1), Part: $"{t}_y{m.Key:yyyy}m{m.Key:MM}"))
            .ToList();
        if (candidates.Count == 0) return none;

        await ExecAsync($"LOCK TABLE {t} IN SHARE ROW EXCLUSIVE MODE", ct);
        var built = new List<(DateTime Lo, DateTime Hi, string Part)>();
        foreach (var (lo, hi, part) in candidates)
        {
            // ensure_month_partitions made the partition under this name; only an empty one is replaced.
            var empty = await ScalarAsync<bool>($"""
                SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('{part}') AND inhparent = '{t}'::regclass)
                   AND NOT EXISTS (SELECT 1 FROM ONLY {part})
                """, ct);
            if (empty) built.Add((lo, hi, part));
        }
        if (built.Count == 0) return none;

        // Staged rows are in file order, so every month is spread over the whole staging table: one pass
        // through a private partitioned table routes them all, where one INSERT per month would re-read
        // the staging table for each month.
        var router = $"{t}_bulk_load";
        await ExecAsync($"CREATE TABLE {router} (LIKE {t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ({time})", ct);
        foreach (var (lo, hi, part) in built)
        {
            await ExecAsync($"CREATE TABLE {part}_load PARTITION OF {router} FOR VALUES FROM ({Literal(lo)}) TO ({Literal(hi)})", ct);
        }
        progress?.WriteLine($"import: first load of {built.Count} month(s) of {t}: building their partitions beside it…");
        var sequence = await ScalarAsync<string>($"SELECT pg_get_serial_sequence('{t}', 'id')", ct);
        var cols = string.Join(", ", spec.Columns.Select(c => c.Name));
        var months = built.Select(b => b.Lo).ToHashSet();
        // Plain range tests: a per-row month computation (two time zone conversions) cost more than the routing.
        var filter = built.Sum(b => rowsByMonth[b.Lo]) == footprint.Rows ? "" : $"WHERE {InMonths("s." + time, months)}";
        var loaded = await ExecAsync($"""
            INSERT INTO {router} (id, {cols})
            SELECT nextval('{sequence}'::regclass), {cols} FROM stage s
            {filter}
            """, ct);
        foreach (var (lo, hi, part) in built)
        {
            await ExecAsync($"ALTER TABLE {router} DETACH PARTITION {part}_load", ct);
            await ExecAsync($"ALTER TABLE {part}_load ADD CONSTRAINT {part}_load_pkey PRIMARY KEY (id, {time})", ct);
            await ExecAsync($"CREATE INDEX {part}_load_external ON {part}_load (source, external_id)", ct);
        }
        await ExecAsync($"DROP TABLE {router}", ct);
        foreach (var (lo, hi, part) in built)
        {
            // Same names as a partition made by ensure_month_partitions; ATTACH adopts the matching
            // indexes as the partitions of the parent's indexes and checks the rows against the bounds.
            await ExecAsync($"DROP TABLE {part}", ct);
            await ExecAsync($"ALTER TABLE {part}_load RENAME TO {part}", ct);
            await ExecAsync($"ALTER INDEX {part}_load_pkey RENAME TO {part}_pkey", ct);
            await ExecAsync($"ALTER INDEX {part}_load_external RENAME TO {part}_source_external_id_idx", ct);
            await ExecAsync($"ALTER TABLE {t} ATTACH PARTITION {part} FOR VALUES FROM ({Literal(lo)}) TO ({Literal(hi)})", ct);
        }
        return (months, loaded);
    }

    /// <summary>A predicate: the timestamptz <paramref name="column"/> falls in one of the UTC <paramref name="months"/>.</summary>
    public static string InMonths(string column, IEnumerable<DateTime> months) =>
        "(" + string.Join(" OR ", months.Order().Select(lo => $"({column} >= {Literal(lo)} AND {column} < {Literal(lo.AddMonths(1))})")) + ")";

    private static string Literal(DateTime utc) => $"'{utc:yyyy-MM-dd HH:mm:ss}+00'";

    private async Task<int> ExecAsync(string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
