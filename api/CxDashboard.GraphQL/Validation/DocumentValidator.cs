using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation.Limits;
using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// "GraphQL does not just verify if a request is syntactically correct, but also ensures that it is
/// unambiguous and mistake-free in the context of a given GraphQL schema."
/// https://spec.graphql.org/October2021/#sec-Validation
/// Runs every rule of §5 (and the limits the options turn on) in one walk of the document.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The rules of §5 for executable documents, in graphql-js's order.</summary>
    public static IReadOnlyList<Func<ValidationRule>> SpecifiedRules { get; } =
    [
        () => new ExecutableDefinitionsRule(),
        () => new UniqueOperationNamesRule(),
        () => new LoneAnonymousOperationRule(),
        () => new SingleFieldSubscriptionsRule(),
        () => new KnownTypeNamesRule(),
        () => new FragmentsOnCompositeTypesRule(),
        () => new VariablesAreInputTypesRule(),
        () => new ScalarLeafsRule(),
        () => new FieldsOnCorrectTypeRule(),
        () => new UniqueFragmentNamesRule(),
        () => new KnownFragmentNamesRule(),
        () => new NoUnusedFragmentsRule(),
        () => new PossibleFragmentSpreadsRule(),
        () => new NoFragmentCyclesRule(),
        () => new UniqueVariableNamesRule(),
        () => new NoUndefinedVariablesRule(),
        () => new NoUnusedVariablesRule(),
        () => new KnownDirectivesRule(),
        () => new UniqueDirectivesPerLocationRule(),
        () => new KnownArgumentNamesRule(),
        () => new UniqueArgumentNamesRule(),
        () => new ValuesOfCorrectTypeRule(),
        () => new ProvidedRequiredArgumentsRule(),
        () => new VariablesInAllowedPositionRule(),
        () => new OverlappingFieldsCanBeMergedRule(),
        () => new UniqueInputFieldNamesRule(),
    ];

    /// <summary>Validates with every specified rule plus the limits <paramref name="options"/> turns on.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        if (DocumentLengthLimit.Check(document, options) is { } tooLong) return [tooLong];
        var rules = SpecifiedRules.Select(f => f()).Concat(LimitRules(options)).ToList();
        return Run(schema, document, options, rules);
    }

    /// <summary>Validates with the given rules only (tests and conformance runs compare rule by rule).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document,
        IEnumerable<Func<ValidationRule>> rules, ValidationOptions? options = null) =>
        Run(schema, document, options ?? new ValidationOptions(), rules.Select(f => f()).ToList());

    private static IEnumerable<ValidationRule> LimitRules(ValidationOptions options)
    {
        if (options.MaxDepth is not null) yield return new MaxDepthRule();
        if (options.MaxNodes is not null) yield return new MaxNodesRule();
        if (options.MaxAliases is not null) yield return new MaxAliasesRule();
        if (options.MaxCost is not null) yield return new MaxCostRule();
    }

    private static IReadOnlyList<GraphQLError> Run(Schema schema, DocumentNode document, ValidationOptions options, List<ValidationRule> rules)
    {
        // before any rule: the rules recurse per level and through fragment spreads
        if (options.MaxNestingDepth is { } maxNesting && NestingLimit.Check(document, maxNesting) is { } tooDeep) return [tooDeep];
        var context = new ValidationContext(schema, document, options);
        foreach (var rule in rules) rule.Context = context;
        var aborted = false;
        try
        {
            new DocumentWalker(context, rules).Walk(document);
        }
        catch (ValidationContext.TooManyErrorsException)
        {
            aborted = true;
        }
        return context.SortedErrors(aborted);
    }
}
