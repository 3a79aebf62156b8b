using Npgsql;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// The first big load of a month: rows of a month whose partition is still empty (or missing) are
/// staged straight into a fresh, index-less table shaped like the fact table (ids reserved from the fact
/// table's sequence a block at a time); after the COPY its indexes are built once (a sort) instead of
/// being maintained row by row, and it replaces the empty partition. Inserting through the partitioned
/// parent with both indexes live costs about twice as much, and routing the rows from the staging
/// table into such tables afterwards cost another 2.6–3 s per million rows (measured: tests/bench.sh
/// import). Everything runs in the import's transaction: a failed import drops these tables with it,
/// and nobody else sees them before it commits.
/// </summary>
/// <remarks>
/// Locking: the first time a month with a buffer full of rows looks empty, the fact table is locked
/// SHARE ROW EXCLUSIVE (after ensure_month_partitions' advisory lock, the order every partition creator
/// takes them in; the import's own advisory lock is older still, see FactImporter). That
/// keeps every other writer out, so the month stays empty until the swap, while readers go on. Only the
/// swap (drop the empty partition, attach the new one) takes ACCESS EXCLUSIVE on the parent, held until
/// commit, as creating a partition already does.
/// A month that ends up with fewer than <see cref="MinRows"/> rows gives them back to the staging table
/// and is merged like any other. The swapped-in partition's CHECK constraints are its own copies
/// (merged at ATTACH) rather than inherited-only ones; they are identical, so this changes nothing for rows.
/// </remarks>
public sealed class MonthBulkLoad(NpgsqlConnection conn, NpgsqlTransaction tx, FactSpec spec)
{
    /// <summary>Below this many rows for one month, building and swapping a table costs more than it saves.</summary>
    public const long MinRows = 10_000;

    /// <summary>The temporary table every other row is staged into (created by the importer).</summary>
    public const string StageTable = "stage";

    private const long MaxIdBlock = 65_536;

    private readonly Dictionary<DateTime, string> loadTables = [];

    /// <summary>Most load tables (new partitions) one import builds; later months go through the staging table.</summary>
    public int MaxLoadTables { get; init; } = int.MaxValue;
    private bool locked;
    private string? sequence;
    private long nextId, endId, block = StagingBuffer.Capacity / 2;

    /// <summary>
    /// Called by the COPY writer when a month (UTC month start) has filled its first buffer
    /// (<see cref="StagingBuffer.Capacity"/> rows; smaller months never get here): the table the month's
    /// rows are staged into — a new load table when the month's partition is empty or missing, else
    /// <see cref="StageTable"/>.
    /// </summary>
    public async Task<string> TableForAsync(DateTime month, CancellationToken ct)
    {
        var t = spec.Table;
        var part = PartitionName(month);
        if (loadTables.Count >= MaxLoadTables || !await EmptyOrMissingAsync(part, ct)) return StageTable;
        if (!locked)
        {
            await ExecAsync($"SELECT pg_advisory_xact_lock(hashtext('ensure_month_partitions:{t}')); LOCK TABLE {t} IN SHARE ROW EXCLUSIVE MODE", ct);
            locked = true;
            // Another writer may have filled the month between the look and the lock.
            if (!await EmptyOrMissingAsync(part, ct)) return StageTable;
        }
        sequence ??= await ScalarAsync<string>($"SELECT pg_get_serial_sequence('{t}', 'id')", ct);
        var load = part + "_load";
        var time = spec.TimeColumn;
        // The CHECK holds the month's bounds: a row of another month fails here rather than in the
        // fact table, and ATTACH trusts it instead of scanning the table (it is dropped after the attach).
        await ExecAsync($"""
            CREATE TABLE {load} (LIKE {t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
            ALTER TABLE {load} ADD CONSTRAINT {load}_month CHECK ({time} >= {Literal(month)} AND {time} < {Literal(month.AddMonths(1))});
            """, ct);
        loadTables[month] = load;
        return load;
    }

    /// <summary>
    /// Hands out <paramref name="n"/> ids of the fact table's sequence for rows of the load tables;
    /// returns the first. Ids are reserved from the sequence in blocks that double in size up to
    /// <see cref="MaxIdBlock"/>, so a million rows cost the writer about 20 round trips, and at most one
    /// block's tail is left unused (a gap in the ids, as a rolled-back insert leaves).
    /// nextval and setval are one step for every other writer: they insert through the fact table,
    /// which this import has locked against writers since it made its first load table.
    /// </summary>
    public async Task<long> ReserveIdsAsync(int n, CancellationToken ct)
    {
        if (nextId + n > endId)
        {
            block = Math.Max(n, Math.Min(block * 2, MaxIdBlock));
            nextId = await ScalarAsync<long>($"SELECT setval('{sequence}'::regclass, nextval('{sequence}'::regclass) + {block - 1}) - {block - 1}", ct);
            endId = nextId + block;
        }
        var first = nextId;
        nextId += n;
        return first;
    }

    /// <summary>
    /// After the COPY: months with fewer than <see cref="MinRows"/> rows move their rows into the
    /// staging table (the regular merge is cheaper for them). Returns the months that stay bulk.
    /// </summary>
    public async Task<IReadOnlySet<DateTime>> SettleAsync(StagedFootprint footprint, CancellationToken ct)
    {
        var cols = string.Join(", ", spec.Columns.Select(c => c.Name));
        foreach (var (month, load) in loadTables.Where(l => footprint.RowsByMonth[l.Key] < MinRows).ToList())
        {
            await ExecAsync($"INSERT INTO {StageTable} ({cols}) SELECT {cols} FROM {load}; DROP TABLE {load}", ct);
            loadTables.Remove(month);
        }
        return loadTables.Keys.ToHashSet();
    }

    /// <summary>Every staged row (the staging table and the load tables), as a subquery of <paramref name="columns"/>.</summary>
    public string StagedRows(string columns) =>
        "(" + string.Join(" UNION ALL ", loadTables.Values.Prepend(StageTable).Select(x => $"SELECT {columns} FROM {x}")) + ")";

    /// <summary>
    /// Builds the indexes of the load tables and swaps them in as the months' partitions. Run after the
    /// matching (which must not see the load tables' rows as already stored). Returns the rows swapped in.
    /// </summary>
    public async Task<long> SwapInAsync(StagedFootprint footprint, TextWriter? progress, CancellationToken ct)
    {
        if (loadTables.Count == 0) return 0;
        var t = spec.Table;
        var time = spec.TimeColumn;
        progress?.WriteLine($"import: first load of {loadTables.Count} month(s) of {t}: indexing their partitions beside it…");
        foreach (var load in loadTables.Values)
        {
            await ExecAsync($"""
                ALTER TABLE {load} ADD CONSTRAINT {load}_pkey PRIMARY KEY (id, {time});
                CREATE INDEX {load}_external ON {load} (source, external_id);
                """, ct);
        }
        foreach (var (lo, load) in loadTables.OrderBy(l => l.Key))
        {
            var part = PartitionName(lo);
            // Held since TableForAsync: still empty. Checked anyway, as a drop must never lose rows.
            if (!await EmptyOrMissingAsync(part, ct)) throw new InvalidOperationException($"partition {part} received rows during the import");
            // Same names as a partition made by ensure_month_partitions; ATTACH adopts the matching
            // indexes as the partitions of the parent's indexes, and trusts the month CHECK for the bounds.
            await ExecAsync($"""
                DROP TABLE IF EXISTS {part};
                ALTER TABLE {load} RENAME TO {part};
                ALTER INDEX {load}_pkey RENAME TO {part}_pkey;
                ALTER INDEX {load}_external RENAME TO {part}_source_external_id_idx;
                ALTER TABLE {t} ATTACH PARTITION {part} FOR VALUES FROM ({Literal(lo)}) TO ({Literal(lo.AddMonths(1))});
                ALTER TABLE {part} DROP CONSTRAINT {load}_month;
                """, ct);
        }
        return loadTables.Keys.Sum(m => footprint.RowsByMonth[m]);
    }

    /// <summary>Same names as ensure_month_partitions gives.</summary>
    private string PartitionName(DateTime month) => $"{spec.Table}_y{month:yyyy}m{month:MM}";

    /// <summary>True when <paramref name="part"/> does not exist, or is a partition of the fact table without rows.</summary>
    private async Task<bool> EmptyOrMissingAsync(string part, CancellationToken ct)
    {
        var state = await ScalarAsync<string>($"""
            SELECT CASE WHEN to_regclass('{part}') IS NULL THEN 'missing'
                        WHEN EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('{part}') AND inhparent = '{spec.Table}'::regclass) THEN 'partition'
                        ELSE 'other' END
            """, ct);
        return state == "missing" || (state == "partition" && await ScalarAsync<bool>($"SELECT NOT EXISTS (SELECT 1 FROM ONLY {part})", ct));
    }

    private static string Literal(DateTime utc) => $"'{utc:yyyy-MM-dd HH:mm:ss}+00'";

    private async Task ExecAsync(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
