using Npgsql;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Imports survey responses or interactions: rows are validated while streaming into a temporary
/// staging table over binary COPY, then merged set-based in the same transaction. Identical rows
/// (same source and external id, no column different) are left alone; changed rows replace the
/// old version (moving partition if their date moved); every row version written or replaced is logged, signed, in
/// the fact's change table for the rollup job (months loaded in bulk mark their unit-days in <c>dirty_day</c>). Nothing is committed when the file has errors, unless the
/// caller asked for quarantine.
/// </summary>
public sealed class FactImporter(NpgsqlDataSource dataSource, FactSpec spec, ImportOptions options)
{
    public async Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken ct = default)
    {
        var loop = new RecordLoop(request, spec.Fields, options);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var ctx = new ImportContext(await UnitIdsAsync(conn, ct), request.Source, request.Quarantine, loop.AddError) { Scope = request.Scope };
        await using var tx = await conn.BeginTransactionAsync(ct);

        // One import per table at a time, taken first: a concurrent import of the same external ids must
        // see this one's rows (it waits here, then its statements read them), or both would insert; and
        // this transaction must hold no lock on the fact table before it has this lock, or a concurrent
        // import that is adding a partition (which needs an exclusive lock on it) and this one would deadlock.
        // The staging table is declared from the spec, not copied from the fact table, for the same reason;
        // its id column only gives it the load tables' row layout (StagingBuffer), the merge never reads it.
        await using (var create = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(hashtext('cx_import:{spec.Table}'));
            CREATE TEMP TABLE {MonthBulkLoad.StageTable} (id bigint, {string.Join(", ", spec.Columns.Select(c => $"{c.Name} {c.SqlType}"))}) ON COMMIT DROP;
            """, conn, tx))
        {
            create.CommandTimeout = 0; // waits for the import ahead of it
            await create.ExecuteNonQueryAsync(ct);
        }

        var values = new object?[spec.Columns.Length];
        var footprint = new StagedFootprint();
        var bulk = new MonthBulkLoad(conn, tx, spec) { MaxLoadTables = options.MaxNewPartitions };
        var window = options.WindowAt(await ServerNowAsync(conn, tx, ct));
        bool headerOk;
        await using (var pipe = new StagingPipe(conn, spec.Columns, timeIndex: 2, bulk, ct))
        {
            headerOk = await loop.RunAsync((reader, _) =>
            {
                spec.Parse(reader, ctx, values);
                if (reader.RecordHasErrors) return Task.CompletedTask;
                footprint.Add((long)values[3]!, (DateTime)values[2]!);
                var queued = pipe.AddAsync(values, ct);
                return queued.IsCompletedSuccessfully ? Task.CompletedTask : queued.AsTask();
            }, ct, window);
            if (headerOk) await pipe.FlushAsync(ct);
        }

        var mode = request.Quarantine ? "quarantine" : "all-or-nothing";
        if (headerOk && await TooManyNewPartitionsAsync(conn, tx, request.FileName, footprint, ct) is { } tooMany)
        {
            loop.AddError(tooMany);
            headerOk = false;
        }
        if (!headerOk || (loop.ErrorCount > 0 && !request.Quarantine))
        {
            await tx.RollbackAsync(ct);
            return loop.Report(mode, false);
        }

        request.Progress?.WriteLine($"import {Path.GetFileName(request.FileName)}: merging {footprint.Rows:N0} staged rows into {spec.Table}…");
        var counts = footprint.Rows == 0 ? new MergeCounts(0, 0, 0, 0) : await MergeAsync(conn, tx, footprint, bulk, request.Progress, ct);
        await tx.CommitAsync(ct);
        return loop.Report(mode, true) with
        {
            Inserted = counts.Inserted, Updated = counts.Updated, Unchanged = counts.Unchanged, Late = counts.Late,
        };
    }

    private async Task<MergeCounts> MergeAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, StagedFootprint footprint, MonthBulkLoad bulk, TextWriter? progress, CancellationToken ct)
    {
        var t = spec.Table;
        var time = spec.TimeColumn;
        var cols = spec.Columns.Select(c => c.Name).ToArray();
        var list = string.Join(", ", cols);
        var changed = spec.ChangeColumns;
        var changedList = string.Join(", ", changed);
        // Months seen for the first time, in bulk, were staged into their own tables; small ones rejoin the stage.
        var bulkMonths = await bulk.SettleAsync(footprint, ct);
        // Matches are usually few (re-sent or corrected rows), so only they are materialised; new rows
        // go straight from staging into the partitioned table with an anti-join.
        await ExecAsync(conn, tx, $"""
            -- Staged files are large: sort and hash in memory rather than on disk.
            SET LOCAL work_mem = '256MB';
            -- Row counts are what the plans below depend on; a small sample gives them at a tenth of the cost.
            SET LOCAL default_statistics_target = 10;
            ANALYZE stage;
            CREATE TEMP TABLE matched ON COMMIT DROP AS
            SELECT s.source, s.external_id, s.org_unit_id, s.{time}, e.id AS e_id, e.{time} AS e_time, e.org_unit_id AS e_unit,
                   ROW({Prefixed("s", cols.Skip(2))}) IS DISTINCT FROM ROW({Prefixed("e", cols.Skip(2))}) AS changed
            FROM {bulk.StagedRows(list)} s JOIN {t} e ON e.source = s.source AND e.external_id = s.external_id;
            ANALYZE matched;
            -- The replaced versions go to the change log with sign -1 (the refresh subtracts them from their old cells).
            WITH gone AS (
                DELETE FROM {t} e USING matched m WHERE m.changed AND e.id = m.e_id AND e.{time} = m.e_time
                RETURNING {Prefixed("e", changed)}
            )
            INSERT INTO {spec.ChangeTable} (sign, {changedList}) SELECT -1, {changedList} FROM gone;
            """, ct);

        // After the matching, which must not find the bulk rows in the fact table.
        var bulkRows = await bulk.SwapInAsync(footprint, progress, ct);
        // Only the months that have rows (not every month between the first and the last).
        await ExecAsync(conn, tx, $"SELECT ensure_month_partitions('{t}', m, m) FROM unnest(@months) m", ct,
            ("months", footprint.RowsByMonth.Keys.Order().ToArray()));
        await footprint.WriteDaysAsync(conn, tx, "bulk_day", bulkMonths, ct);
        // When every row went the bulk way, the insert below would only read an empty staging table.
        var written = bulkRows == footprint.Rows ? $"SELECT {changedList} FROM stage WHERE false" : $"""
                INSERT INTO {t} ({list})
                SELECT {list} FROM stage s
                WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE NOT m.changed AND m.source = s.source AND m.external_id = s.external_id)
                -- Key order lets each partition's (source, external_id) index append at its right edge.
                ORDER BY s.source, s.external_id
                RETURNING {changedList}
                """;
        // Rows merged through the staging table go to the change log (sign +1): the refresh adds them without reading
        // the fact tables. Rows of months loaded in bulk (first loads of a month, MonthBulkLoad) mark their unit-days
        // in dirty_day instead: those unit-days held nothing before, so re-reading them reads just the new rows, and a
        // first load of millions of rows is not written twice.
        var sql = $"""
            WITH written AS (
                {written}
            ), logged AS (
                INSERT INTO {spec.ChangeTable} (sign, {changedList}) SELECT 1, {changedList} FROM written
            ), days AS (
                SELECT org_unit_id, ({time} AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM written GROUP BY 1, 2
                UNION ALL
                SELECT org_unit_id, day, n FROM bulk_day
            ), marked AS (
                INSERT INTO dirty_day (org_unit_id, day, fact)
                SELECT org_unit_id, day, '{spec.Fact}' FROM bulk_day
                ON CONFLICT (org_unit_id, day, fact) DO UPDATE SET marked_at = now()
            )
            SELECT coalesce(sum(n), 0)::bigint - (SELECT count(*) FROM matched WHERE changed),
                   (SELECT count(*) FROM matched WHERE changed),
                   (SELECT count(*) FROM matched WHERE NOT changed),
                   coalesce(sum(n) FILTER (WHERE day < (date_trunc('month', now() AT TIME ZONE 'UTC'))::date), 0)::bigint
            FROM days;
            """;
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.CommandTimeout = 0; // large files: the merge may legitimately take minutes
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("merge returned no counts");
        return new MergeCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The months of staged rows that have no partition yet; more than <see cref="ImportOptions.MaxNewPartitions"/>
    /// of them rejects the file (each partition costs locks and catalog entries until commit).
    /// </summary>
    private async Task<ImportError?> TooManyNewPartitionsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string file, StagedFootprint footprint,
        CancellationToken ct)
    {
        if (footprint.RowsByMonth.Count <= options.MaxNewPartitions) return null;
        var months = footprint.RowsByMonth.Keys.Order().ToArray();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*)::int FROM unnest(@names) n WHERE to_regclass(n) IS NULL", conn, tx);
        cmd.Parameters.AddWithValue("names", months.Select(m => $"{spec.Table}_y{m:yyyy}m{m:MM}").ToArray());
        var missing = (int)(await cmd.ExecuteScalarAsync(ct))!;
        return missing <= options.MaxNewPartitions ? null
            : new ImportError(file, 1, null, null, ImportProblem.TooManyNewPartitions,
                $"the rows fall in {missing} months without a partition of {spec.Table} ({months[0]:yyyy-MM} … {months[^1]:yyyy-MM}); " +
                $"one import may add at most {options.MaxNewPartitions} (setting Imports:MaxNewPartitions): split the file by period",
                ("months", missing), ("table", spec.Table), ("first", $"{months[0]:yyyy-MM}"), ("last", $"{months[^1]:yyyy-MM}"), ("max", options.MaxNewPartitions));
    }

    private static async Task<DateTime> ServerNowAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT now()", conn, tx);
        return (DateTime)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static string Prefixed(string alias, IEnumerable<string> cols) => string.Join(", ", cols.Select(c => $"{alias}.{c}"));

    internal static async Task<Dictionary<string, long>> UnitIdsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT code, id FROM org_unit", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids[r.GetString(0)] = r.GetInt64(1);
        return ids;
    }

    private sealed record MergeCounts(long Inserted, long Updated, long Unchanged, long Late);
}
