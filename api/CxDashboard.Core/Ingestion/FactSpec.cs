using System.Runtime.InteropServices;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// A staged column: its name in the fact table and its PostgreSQL type. Key columns (source and
/// external ids) compare by bytes, as in the fact tables (migration FactKeysByteOrder).
/// </summary>
public sealed record StageColumn(string Name, NpgsqlDbType Type, bool Key = false)
{
    public string SqlType => Type switch
    {
        NpgsqlDbType.Text when Key => "text COLLATE \"C\"",
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.TimestampTz => "timestamptz",
        NpgsqlDbType.Bigint => "bigint",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Smallint => "smallint",
        NpgsqlDbType.Boolean => "boolean",
        _ => throw new NotSupportedException($"no SQL type for {Type}"),
    };
}

/// <summary>Per-file state shared by row parsers: unit codes, the default source, ids seen so far.</summary>
public sealed class ImportContext
{
    private readonly Dictionary<string, object>.AlternateLookup<ReadOnlySpan<char>> units;
    private readonly Dictionary<string, Dictionary<string, (int Line, int Column)>> seenBySource = new(StringComparer.Ordinal);
    private readonly Action<ImportError> reportOther;

    /// <param name="unitIds">Unit ids by code; must use an ordinal comparer.</param>
    /// <param name="reportOther">Receives errors about other lines than the current one (the first of two duplicates).</param>
    public ImportContext(Dictionary<string, long> unitIds, string defaultSource, bool quarantine, Action<ImportError> reportOther)
    {
        // Boxed once here: every staged row holds its unit id as an object.
        units = unitIds.ToDictionary(u => u.Key, u => (object)u.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        DefaultSource = defaultSource;
        Quarantine = quarantine;
        this.reportOther = reportOther;
    }

    public string DefaultSource { get; }

    /// <summary>Units the caller may write facts for (null: any).</summary>
    public ImportScope? Scope { get; init; }

    public bool Quarantine { get; }

    /// <summary>The unit id of <paramref name="code"/>, boxed (a <see cref="long"/>).</summary>
    public bool TryGetUnit(ReadOnlySpan<char> code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? id) => units.TryGetValue(code, out id);

    /// <summary>
    /// Records (source, external id) at the reader's line; on a repeat, returns the first line. The
    /// first line is reported too (once) when the whole file is rejected anyway; in quarantine mode it
    /// is kept and only the repeats are rejected.
    /// </summary>
    public int? FirstLineOf(FieldReader f, string source, string externalId, Field field, int column)
    {
        if (!seenBySource.TryGetValue(source, out var seen)) seenBySource[source] = seen = new(StringComparer.Ordinal);
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, externalId, out var exists);
        if (!exists)
        {
            first = (f.Line, column);
            return null;
        }
        // A negative line: the first occurrence has already been reported.
        if (first.Line > 0 && !Quarantine)
        {
            reportOther(new ImportError(f.File, first.Line, first.Column > 0 ? first.Column : null, field.Name, ImportProblem.DuplicateAgain,
                $"duplicate external id '{externalId}' (again on line {f.Line})", ("value", externalId), ("line", f.Line)));
            first.Line = -first.Line;
        }
        return Math.Abs(first.Line);
    }
}

/// <summary>How one kind of fact file maps onto its partitioned table.</summary>
public abstract class FactSpec
{
    public abstract string Table { get; }
    public abstract string TimeColumn { get; }
    /// <summary>Value of <c>dirty_day.fact</c>.</summary>
    public abstract string Fact { get; }
    /// <summary>Table columns in staging order; the first three are source, external_id and the time column, then org_unit_id.</summary>
    public abstract StageColumn[] Columns { get; }

    /// <summary>The change log the merge writes for the rollup refresh (migration <c>ChangeLog</c>): one signed row per row version.</summary>
    public string ChangeTable => Table + "_change";

    /// <summary>
    /// The columns the change log keeps: all of <see cref="Columns"/> but the free texts no rollup reads.
    /// </summary>
    public string[] ChangeColumns => [.. Columns.Select(c => c.Name).Where(n => n is not ("comment" or "touchpoint"))];
    public abstract FieldSet Fields { get; }

    /// <summary>Parses the current record into <paramref name="values"/> (same order as <see cref="Columns"/>).</summary>
    public abstract void Parse(FieldReader f, ImportContext ctx, object?[] values);

    /// <summary>The unit id (a boxed <see cref="long"/>) or null with an error reported.</summary>
    protected static object? UnitId(FieldReader f, ImportContext ctx, Field unitCode)
    {
        var code = f.Span(unitCode);
        if (code.IsEmpty)
        {
            f.Fail(unitCode, ImportProblem.Required, "required value is missing");
            return null;
        }
        if (ctx.TryGetUnit(code, out var id))
        {
            if (ctx.Scope is null || ctx.Scope.UnitIds.Contains((long)id)) return id;
            f.Fail(unitCode, ImportProblem.OutsideScope, $"unit '{code}' {ImportScope.Refusal}", ("unit", code.ToString()), ("parent", null));
            return null;
        }
        f.Fail(unitCode, ImportProblem.UnknownUnit, $"unknown unit code '{code}'", ("unit", code.ToString()));
        return null;
    }

    protected static void CheckDuplicate(FieldReader f, ImportContext ctx, string source, string? externalId, Field field, int column)
    {
        if (externalId is not null && ctx.FirstLineOf(f, source, externalId, field, column) is { } first)
        {
            f.Fail(field, ImportProblem.Duplicate, $"duplicate external id '{externalId}' (first on line {first}{(ctx.Quarantine ? ", which is kept" : "")})",
                ("value", externalId), ("line", first), ("kept", ctx.Quarantine));
        }
    }
}
