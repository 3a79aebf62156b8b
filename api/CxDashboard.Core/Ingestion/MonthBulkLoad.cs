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
    /// Moves the staged rows of every qualifying month into a new partition and records those months in
    /// the temp table <c>bulk_month (lo, hi)</c>, so the regular merge leaves their rows alone and the
    /// dirty-day marking still sees them. Returns the number of rows loaded this way.
    /// </summary>
    public async Task<long> RunAsync(TextWriter? progress, CancellationToken ct)
    {
        var t = spec.Table;
        var time = spec.TimeColumn;
        await ExecAsync("CREATE TEMP TABLE bulk_month (lo timestamptz, hi timestamptz, part text) ON COMMIT DROP", ct);
        var candidates = new List<(DateTime Lo, DateTime Hi, string Part)>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT m.lo, m.lo + interval '1 month', format('%s_y%sm%s', '{t}', to_char(m.lo AT TIME ZONE 'UTC', 'YYYY'), to_char(m.lo AT TIME ZONE 'UTC', 'MM'))
            FROM (SELECT {MonthOf(time)} AS lo FROM stage GROUP BY 1 HAVING count(*) >= @min) m
            ORDER BY 1
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("min", MinRows);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) candidates.Add((r.GetDateTime(0), r.GetDateTime(1), r.GetString(2)));
        }
        if (candidates.Count == 0) return 0;

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
        if (built.Count == 0) return 0;

        // Staged rows are in file order, so every month is spread over the whole staging table: one pass
        // through a private partitioned table routes them all, where one INSERT per month would re-read
        // the staging table for each month.
        var router = $"{t}_bulk_load";
        await ExecAsync($"CREATE TABLE {router} (LIKE {t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ({time})", ct);
        foreach (var (lo, hi, part) in built)
        {
            await ExecAsync($"CREATE TABLE {part}_load PARTITION OF {router} FOR VALUES FROM ({Literal(lo)}) TO ({Literal(hi)})", ct);
            await ExecAsync("INSERT INTO bulk_month VALUES (@lo, @hi, @part)", ct, ("lo", lo), ("hi", hi), ("part", part));
        }
        progress?.WriteLine($"import: first load of {built.Count} month(s) of {t}: building their partitions beside it…");
        var sequence = await ScalarAsync<string>($"SELECT pg_get_serial_sequence('{t}', 'id')", ct);
        var cols = string.Join(", ", spec.Columns.Select(c => c.Name));
        var loaded = await ExecAsync($"""
            INSERT INTO {router} (id, {cols})
            SELECT nextval('{sequence}'::regclass), {cols} FROM stage s
            WHERE EXISTS (SELECT 1 FROM bulk_month b WHERE b.lo = {MonthOf("s." + time)})
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
        return loaded;
    }

    /// <summary>The UTC month start of a timestamptz expression: equal for every row of one monthly partition.</summary>
    public static string MonthOf(string column) => $"(date_trunc('month', {column} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')";

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
