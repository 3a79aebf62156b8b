using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>A staged column: its name in the fact table and its PostgreSQL type.</summary>
public sealed record StageColumn(string Name, NpgsqlDbType Type);

/// <summary>Per-file state shared by row parsers: unit codes, the default source, ids seen so far.</summary>
public sealed class ImportContext(IReadOnlyDictionary<string, long> unitIds, string defaultSource)
{
    public IReadOnlyDictionary<string, long> UnitIds { get; } = unitIds;
    public string DefaultSource { get; } = defaultSource;
    public Dictionary<(string Source, string ExternalId), int> SeenIds { get; } = [];
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
    public abstract string[] RequiredFields { get; }
    public abstract IReadOnlySet<string> KnownFields { get; }

    /// <summary>Parses the current record into <paramref name="values"/> (same order as <see cref="Columns"/>).</summary>
    public abstract void Parse(FieldReader f, ImportContext ctx, object?[] values);

    protected static long? UnitId(FieldReader f, ImportContext ctx)
    {
        var code = f.Text("unit_code", required: true);
        if (code is null) return null;
        if (ctx.UnitIds.TryGetValue(code, out var id)) return id;
        f.Fail("unit_code", f.ColumnOf("unit_code"), $"unknown unit code '{code}'");
        return null;
    }

    protected static void CheckDuplicate(FieldReader f, ImportContext ctx, string source, string? externalId, int line)
    {
        if (externalId is null) return;
        if (ctx.SeenIds.TryGetValue((source, externalId), out var first))
        {
            f.Fail("external_id", f.ColumnOf("external_id"), $"duplicate external id '{externalId}' (first on line {first})");
        }
        else
        {
            ctx.SeenIds[(source, externalId)] = line;
        }
    }
}
