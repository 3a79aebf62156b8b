namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// Limits a service puts on documents on top of the spec's rules. Every limit but <see cref="MaxNestingDepth"/> is
/// off (null) by default; a host turns on the ones it wants (see <c>GraphQLExecutorOptions.Validation</c>).
/// </summary>
public sealed class ValidationOptions
{
    /// <summary>
    /// How deeply a document may nest selection sets, list and object values and list types, fragment spreads
    /// expanded (on by default: parsing, validation and execution recurse once per level, and a document nested
    /// thousands deep would end the process with a stack overflow). The executor also hands it to the parser as
    /// <see cref="Language.ParserOptions.MaxDepth"/>. Null turns it off (trusted documents only).
    /// </summary>
    public int? MaxNestingDepth { get; set; } = Language.ParserOptions.DefaultMaxDepth;

    /// <summary>Deepest field nesting an operation may have, fragments expanded (<c>{ a { b } }</c> has depth 2).</summary>
    public int? MaxDepth { get; set; }

    /// <summary>Most field selections an operation may make, counting a fragment's fields each time it is spread.</summary>
    public int? MaxNodes { get; set; }

    /// <summary>Most aliased fields an operation (with the fragments it uses) may contain.</summary>
    public int? MaxAliases { get; set; }

    /// <summary>
    /// Highest estimated cost an operation may have: each field costs 1 (or its <c>cost</c> metadata entry),
    /// and the selections under a list field count once per item expected (see <see cref="DefaultListSize"/>).
    /// </summary>
    public int? MaxCost { get; set; }

    /// <summary>Longest document (in characters) accepted.</summary>
    public int? MaxDocumentLength { get; set; }

    /// <summary>
    /// How many items the cost estimate assumes a list field returns when no <c>first</c> / <c>limit</c>
    /// argument says so.
    /// </summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>
    /// The arguments that say how many items a field returns (<c>first: 20</c>), for the cost estimate: the field's
    /// selections count that many times, whether the field is a list or a page object holding the list.
    /// </summary>
    public IReadOnlyList<string> ListSizeArguments { get; set; } = ["first", "limit"];

    /// <summary>Validation stops after this many errors, as graphql-js does (its default is 100).</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>The FieldDefinition.Metadata key whose (numeric) value replaces a field's cost of 1.</summary>
    public const string CostMetadataKey = "cost";

    /// <summary>The FieldDefinition.Metadata key whose (numeric) value is a list field's expected length for the cost estimate.</summary>
    public const string ListSizeMetadataKey = "listSize";
}
