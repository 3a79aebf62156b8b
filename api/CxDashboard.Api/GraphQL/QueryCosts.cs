using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// The prices of the cost estimate (MaxCostRule) in one table: a field costs 1 unless listed; the selections under
/// a field count once per expected item (the <c>first</c> or <c>periods</c> argument, else the list size below, else
/// 10). Prices follow what a field reads: rollup cells are cheap, a breakdown groups one period's cells, verbatims
/// page through raw comments, drivers scan every raw response of a subtree for the period.
/// </summary>
public static class QueryCosts
{
    /// <summary>The arguments that give a list's (or a page's) length.</summary>
    public static readonly string[] SizeArguments = ["first", "periods"];

    private static readonly (string Type, string Field, int Cost)[] Prices =
    [
        ("Query", "drivers", 10_000),
        ("OrgUnit", "verbatims", 100), // one command per query level (DataLoader), so priced per unit modestly
        ("OrgUnit", "breakdown", 100),
        ("Query", "partnerLeague", 100),
        ("Query", "scorecard", 100),
        ("OrgUnit", "series", 10),
        ("Partner", "series", 10),
    ];

    private static readonly (string Type, string Field, int Items)[] ListSizes =
    [
        ("ScorecardKpi", "trend", Core.Scorecards.ScorecardService.TrendLength),
        ("VerbatimPage", "items", 1), // verbatims(first:) already counts the page's items
    ];

    /// <summary>Writes the prices into the schema's field metadata; a missing field is a mistake in this table.</summary>
    public static Schema Priced(this Schema schema)
    {
        foreach (var (type, field, cost) in Prices) Field(schema, type, field).Metadata[ValidationOptions.CostMetadataKey] = cost;
        foreach (var (type, field, items) in ListSizes) Field(schema, type, field).Metadata[ValidationOptions.ListSizeMetadataKey] = items;
        return schema;
    }

    private static FieldDefinition Field(Schema schema, string type, string field) =>
        schema.GetType(type) is ComplexType t && t.GetField(field) is { } f
            ? f
            : throw new InvalidOperationException($"QueryCosts names {type}.{field}, which the schema does not have.");
}
