using CxDashboard.Core.Hierarchy;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Imports the org tree: units upserted by code, parents resolved by code (in the file or already
/// stored, in any order), partners upserted by partner code, then the closure table rebuilt — all in
/// one transaction, so a cycle or a dangling parent leaves the stored tree untouched.
/// </summary>
public sealed class OrgUnitImporter(NpgsqlDataSource dataSource, ImportOptions options)
{
    private static readonly FieldSet Fields = new();
    private static readonly Field Code = Fields.Add("code", required: true);
    private static readonly Field Name = Fields.Add("name", required: true);
    private static readonly Field Kind = Fields.Add("kind", required: true);
    private static readonly Field ParentCode = Fields.Add("parent_code");
    private static readonly Field PartnerCode = Fields.Add("partner_code");
    private static readonly Field PartnerName = Fields.Add("partner_name");
    private static readonly Field ValidFrom = Fields.Add("valid_from");
    private static readonly Field ValidTo = Fields.Add("valid_to");

    private sealed record Row(int Line, string Text, string Code, string Name, string Kind, string? ParentCode, int ParentColumn,
        string? PartnerCode, string? PartnerName, DateOnly? ValidFrom, DateOnly? ValidTo, int KindColumn);

    public async Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken ct = default)
    {
        var loop = new RecordLoop(request, Fields, options);
        var rows = new List<Row>();
        var seen = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        // Codes of rows rejected while reading, so that their children say so rather than "unknown parent".
        var rejectedCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        IReadOnlyList<string>? header = null;
        var headerOk = await loop.RunAsync((f, src) =>
        {
            var code = f.Text(Code, out var codeColumn, required: true, maxLength: 100);
            var name = f.Text(Name, required: true, maxLength: 300);
            var kind = f.OneOf(Kind, OrgUnitKind.All);
            var parent = f.Text(ParentCode, maxLength: 100);
            var partner = f.Text(PartnerCode, maxLength: 100);
            var partnerName = f.Text(PartnerName, maxLength: 300);
            var from = f.Date(ValidFrom);
            var to = f.Date(ValidTo);
            if (kind == OrgUnitKind.Partner && partner is null) f.Fail(PartnerCode, ImportProblem.PartnerCodeRequired, "a partner engagement needs partner_code");
            if (kind is not null && kind != OrgUnitKind.Partner && partner is not null) f.Fail(PartnerCode, ImportProblem.PartnerCodeNotAllowed, $"only kind 'partner' units carry a partner (this one is '{kind}')", ("kind", kind));
            if (from is { } a && to is { } b && b < a) f.Fail(ValidTo, ImportProblem.BeforeOther, "is before valid_from", ("other", "valid_from"));
            if (code is not null && parent == code) f.Fail(ParentCode, ImportProblem.OwnParent, "a unit cannot be its own parent");
            if (code is not null && seen.TryGetValue(code, out var first))
            {
                f.Fail(Code, ImportProblem.Duplicate, $"duplicate code '{code}' (first on line {Math.Abs(first.Line)}{(request.Quarantine ? ", which is kept" : "")})",
                    ("value", code), ("line", Math.Abs(first.Line)), ("kept", request.Quarantine));
                // The first line is named too, once (a negative line marks it done); in quarantine mode it is kept.
                if (!request.Quarantine && first.Line > 0)
                {
                    loop.AddError(new ImportError(request.FileName, first.Line, first.Column > 0 ? first.Column : null, Code.Name, ImportProblem.DuplicateAgain,
                        $"duplicate code '{code}' (again on line {f.Line})", ("value", code), ("line", f.Line)));
                    seen[code] = (-first.Line, first.Column);
                }
            }
            else if (code is not null) seen[code] = (f.Line, codeColumn);
            header ??= src.Header;
            if (!f.RecordHasErrors)
            {
                rows.Add(new Row(f.Line, src.RawText, code!, name!, kind!, parent, f.ColumnOf(ParentCode), partner, partnerName, from, to, f.ColumnOf(Kind)));
            }
            else if (code is not null && seen.TryGetValue(code, out var kept) && Math.Abs(kept.Line) == f.Line)
            {
                rejectedCodes.TryAdd(code, f.Line);
            }
            return Task.CompletedTask;
        }, ct);

        var mode = request.Quarantine ? "quarantine" : "all-or-nothing";
        if (!headerOk) return loop.Report(mode, false);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One org import at a time, before the stored tree is read: two files adding the same code, or a
        // company each, cannot both decide they are first.
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('cx_import:org_unit'))", conn, tx))
        {
            lockCmd.CommandTimeout = 0;
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        var stored = await StoredTreeAsync(conn, tx, ct);
        var failures = OrgTreeCheck.Check(request.FileName,
            rows.Select(r => new OrgTreeCheck.Unit(r.Line, r.Code, r.Kind, r.ParentCode, r.ParentColumn, r.KindColumn)).ToList(),
            stored, rejectedCodes);
        var byLine = rows.ToDictionary(r => r.Line);
        foreach (var (unit, error) in failures) loop.RejectRow(unit.Line, byLine[unit.Line].Text, header ?? Fields.Names, [error]);
        if (loop.ErrorCount > 0 && !request.Quarantine)
        {
            await tx.RollbackAsync(ct);
            return loop.Report(mode, false);
        }
        var rejectedLines = failures.Select(f => f.Row.Line).ToHashSet();
        rows = rows.Where(r => !rejectedLines.Contains(r.Line)).ToList();
        if (request.Scope is { } scope)
        {
            rows = await RefuseOutsideScopeAsync(conn, tx, rows, stored, scope, loop, request, header ?? Fields.Names, ct);
            if (loop.ErrorCount > 0 && !request.Quarantine)
            {
                await tx.RollbackAsync(ct);
                return loop.Report(mode, false);
            }
        }

        try
        {
            var (inserted, updated, unchanged, moved) = await MergeAsync(conn, tx, rows, ct);
            await tx.CommitAsync(ct);
            return loop.Report(mode, true) with { Inserted = inserted, Updated = updated, Unchanged = unchanged, Moved = moved };
        }
        catch (PostgresException ex) when (ex.SqlState == "23514" && ex.MessageText.Contains("cycle", StringComparison.Ordinal))
        {
            // The check above should have found it; the database's own trigger is the last line.
            await tx.RollbackAsync(ct);
            var codes = ex.MessageText[(ex.MessageText.IndexOf(':') + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var culprit = rows.FirstOrDefault(r => codes.Contains(r.Code));
            loop.AddError(new ImportError(request.FileName, culprit?.Line ?? 1, culprit?.ParentColumn, "parent_code", ImportProblem.ParentCycle,
                $"these parents would make a cycle: {string.Join(", ", codes)}", ("parent", culprit?.ParentCode), ("cycle", codes)));
            return loop.Report(mode, false);
        }
    }

    /// <summary>
    /// A scoped caller writes only inside its scope: a unit it may touch is a scope root named by its token, a stored
    /// unit inside the scope, or a unit placed under one of those (in the file or stored); a scope root keeps its
    /// stored parent or moves under a unit inside. Every other row is refused on its line (and dropped in quarantine mode).
    /// </summary>
    private static async Task<List<Row>> RefuseOutsideScopeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<Row> rows,
        IReadOnlyDictionary<string, OrgTreeCheck.StoredUnit> stored, ImportScope scope, RecordLoop loop, ImportRequest request,
        IReadOnlyList<string> header, CancellationToken ct)
    {
        var existing = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT code, id FROM org_unit", conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) existing[r.GetString(0)] = r.GetInt64(1);
        }
        var byCode = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var r in rows) byCode.TryAdd(r.Code, r);
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
        // Whether a unit (by code) is inside the scope after this file: its row is allowed, else it is stored inside.
        bool Inside(string code, int depth)
        {
            if (memo.TryGetValue(code, out var known)) return known;
            if (depth > 10_000) return false; // cycles were refused by OrgTreeCheck; this only bounds the walk
            var inside = byCode.TryGetValue(code, out var row)
                ? Allowed(row, depth + 1)
                : scope.RootCodes.Contains(code) || (existing.TryGetValue(code, out var id) && scope.UnitIds.Contains(id));
            return memo[code] = inside;
        }
        bool Allowed(Row row, int depth)
        {
            var touchesInside = scope.RootCodes.Contains(row.Code) || !existing.TryGetValue(row.Code, out var id) || scope.UnitIds.Contains(id);
            if (!touchesInside) return false;
            if (row.ParentCode is { } p && p != row.Code && Inside(p, depth)) return true;
            // a scope root stays where it is (or is created where the file puts it, when new)
            return scope.RootCodes.Contains(row.Code)
                && (!stored.TryGetValue(row.Code, out var s) || s.ParentCode == row.ParentCode);
        }
        var refused = rows.Where(r => !Allowed(r, 0)).ToList();
        foreach (var o in refused)
        {
            var reason = $"unit '{o.Code}' {ImportScope.Refusal}" + (o.ParentCode is { } p ? $" (or its parent '{p}' is)" : "");
            loop.RejectRow(o.Line, o.Text, header,
                [new ImportError(request.FileName, o.Line, null, "code", ImportProblem.OutsideScope, reason, ("unit", o.Code), ("parent", o.ParentCode))]);
        }
        var refusedLines = refused.Select(r => r.Line).ToHashSet();
        return rows.Where(r => !refusedLines.Contains(r.Line)).ToList();
    }

    /// <summary>Every stored unit's parent code and kind.</summary>
    private static async Task<Dictionary<string, OrgTreeCheck.StoredUnit>> StoredTreeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var tree = new Dictionary<string, OrgTreeCheck.StoredUnit>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT u.code, p.code, u.kind FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id", conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) tree[r.GetString(0)] = new OrgTreeCheck.StoredUnit(r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2));
        return tree;
    }

    private static async Task<(long Inserted, long Updated, long Unchanged, long Moved)> MergeAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, List<Row> rows, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE stage_org (line int, code text, name text, kind text, parent_code text, partner_code text,
                                         partner_name text, valid_from date, valid_to date) ON COMMIT DROP
            """, conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY stage_org (line, code, name, kind, parent_code, partner_code, partner_name, valid_from, valid_to) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in rows)
            {
                copy.StartRow();
                copy.Write(r.Line, NpgsqlDbType.Integer);
                copy.Write(r.Code, NpgsqlDbType.Text);
                copy.Write(r.Name, NpgsqlDbType.Text);
                copy.Write(r.Kind, NpgsqlDbType.Text);
                WriteText(copy, r.ParentCode);
                WriteText(copy, r.PartnerCode);
                WriteText(copy, r.PartnerName);
                if (r.ValidFrom is { } f) copy.Write(f, NpgsqlDbType.Date); else copy.WriteNull();
                if (r.ValidTo is { } t) copy.Write(t, NpgsqlDbType.Date); else copy.WriteNull();
            }
            await copy.CompleteAsync(ct);
        }

        await using var merge = new NpgsqlCommand("""
            INSERT INTO partner (code, name)
                SELECT DISTINCT ON (partner_code) partner_code, coalesce(partner_name, partner_code) FROM stage_org
                WHERE partner_code IS NOT NULL ORDER BY partner_code, partner_name NULLS LAST
            ON CONFLICT (code) DO NOTHING;
            UPDATE partner p SET name = s.partner_name
                FROM (SELECT DISTINCT ON (partner_code) partner_code, partner_name FROM stage_org WHERE partner_name IS NOT NULL
                      ORDER BY partner_code, line) s
                WHERE p.code = s.partner_code AND p.name IS DISTINCT FROM s.partner_name;
            CREATE TEMP TABLE org_change ON COMMIT DROP AS
                SELECT s.*, p.id AS partner_id, coalesce(s.valid_from, DATE '2000-01-01') AS eff_from,
                       CASE WHEN u.id IS NULL THEN 'new'
                            WHEN (u.name, u.kind, u.partner_id, u.valid_from, u.valid_to, pu.code)
                                 IS DISTINCT FROM (s.name, s.kind, p.id, coalesce(s.valid_from, DATE '2000-01-01'), s.valid_to, s.parent_code)
                            THEN 'changed' ELSE 'same' END AS change,
                       (u.id IS NOT NULL AND pu.code IS DISTINCT FROM s.parent_code) AS moved
                FROM stage_org s
                LEFT JOIN org_unit u ON u.code = s.code
                LEFT JOIN org_unit pu ON pu.id = u.parent_id
                LEFT JOIN partner p ON p.code = s.partner_code;
            INSERT INTO org_unit (kind, code, name, partner_id, valid_from, valid_to)
                SELECT kind, code, name, partner_id, eff_from, valid_to FROM org_change WHERE change = 'new';
            UPDATE org_unit u SET name = c.name, kind = c.kind, partner_id = c.partner_id, valid_from = c.eff_from, valid_to = c.valid_to,
                                  parent_id = (SELECT p.id FROM org_unit p WHERE p.code = c.parent_code)
                FROM org_change c WHERE u.code = c.code AND c.change <> 'same';
            SELECT CASE WHEN EXISTS (SELECT 1 FROM org_change WHERE change <> 'same') THEN rebuild_org_closure() ELSE 0 END;
            SELECT count(*) FILTER (WHERE change = 'new'), count(*) FILTER (WHERE change = 'changed'),
                   count(*) FILTER (WHERE change = 'same'), count(*) FILTER (WHERE moved)
            FROM org_change;
            """, conn, tx);
        await using var reader = await merge.ExecuteReaderAsync(ct);
        do
        {
            if (reader.FieldCount == 4 && await reader.ReadAsync(ct))
            {
                return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }
        while (await reader.NextResultAsync(ct));
        throw new InvalidOperationException("org merge returned no counts");
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }
}
