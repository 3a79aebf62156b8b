using System.Text.RegularExpressions;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The indexes a full rebuild builds on the new cells table: a copy of every index rollup_cell has (read from the
/// catalog, so an index a later migration adds is carried too). An index behind a constraint (the primary key) is built
/// as a plain unique index and then made the constraint (<c>ADD CONSTRAINT … USING INDEX</c>), so that another
/// connection can build it while this one builds the rest. <see cref="Swap"/> replaces rollup_cell by the new table and
/// gives every index and constraint its old name.
/// </summary>
internal sealed partial record NextIndexes(IReadOnlyList<string> KeyIndexes, IReadOnlyList<string> OtherIndexes, IReadOnlyList<string> Attach, string Swap)
{
    private const string Next = RollupSql.NextCells;

    public static async Task<NextIndexes> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var (keys, others, attach) = (new List<string>(), new List<string>(), new List<string>());
        var renames = new List<string> { "DROP TABLE rollup_cell", $"ALTER TABLE {Next} RENAME TO rollup_cell", "ALTER TABLE rollup_cell RESET (autovacuum_enabled)" };
        await using var cmd = new NpgsqlCommand(RollupSql.CellIndexes, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var (name, def, constraint, kind) = (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
            var onNext = OnRollupCell().Replace(def, m => $"CREATE {m.Groups[1].Value}INDEX {constraint ?? name}_next ON {Next} ");
            if (onNext == def) throw new InvalidOperationException($"unexpected index definition on rollup_cell: {def}");
            if (constraint is null)
            {
                others.Add(onNext);
                renames.Add($"ALTER INDEX {name}_next RENAME TO {name}");
                continue;
            }
            var type = kind switch
            {
                "p" => "PRIMARY KEY",
                "u" => "UNIQUE",
                _ => throw new InvalidOperationException($"unexpected constraint {constraint} ({kind}) behind an index of rollup_cell"),
            };
            keys.Add(onNext);
            attach.Add($"ALTER TABLE {Next} ADD CONSTRAINT {constraint}_next {type} USING INDEX {constraint}_next");
            renames.Add($"ALTER TABLE rollup_cell RENAME CONSTRAINT {constraint}_next TO {constraint}");
        }
        return new NextIndexes(keys, others, attach, string.Join(";\n", renames));
    }

    /// <summary>
    /// Settings of a transaction that builds indexes: each sort in memory (the 64 MB default spilled every index's sort
    /// of ~1.4M entries to disk), and no parallel workers (another connection works meanwhile; on two cores workers only
    /// crowded it, no gain measured: 5.3 and 5.3 s for the three builds without, 5.9 and 5.0 s with).
    /// </summary>
    public static async Task PrepareAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await RollupEngine.ExecAsync(conn, tx, $"SET LOCAL maintenance_work_mem = '{RebuildSql.IndexSortMem}'", ct);
        await RollupEngine.ExecAsync(conn, tx, "SET LOCAL max_parallel_maintenance_workers = 0", ct);
    }

    public static async Task BuildAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<string> builds, CancellationToken ct)
    {
        foreach (var build in builds) await RollupEngine.ExecAsync(conn, tx, build, ct);
    }

    /// <summary>The key indexes made constraints (they must exist, committed or in this transaction), then statistics.</summary>
    public static async Task AttachAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NextIndexes indexes, CancellationToken ct)
    {
        foreach (var attach in indexes.Attach) await RollupEngine.ExecAsync(conn, tx, attach, ct);
        await RollupEngine.ExecAsync(conn, tx, RebuildSql.AnalyzeNextCells, ct);
    }

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX (\S+) ON (\S+\.)?rollup_cell ")]
    private static partial Regex OnRollupCell();
}
