using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;

namespace CxDashboard.GraphQL.Tests.Validation;

/// <summary>One expected error: its message and every location, in order.</summary>
public sealed record ExpectedError(string Message, params (int Line, int Column)[] Locations);

/// <summary>
/// Runs documents through the validator and compares the errors (message and locations, in order) with
/// hand-written expectations, the way graphql-js's rule tests do. By default every specified rule runs;
/// a rule's test class runs that rule alone (<see cref="RuleHarness{TRule}"/>), so its cases need not be
/// valid in every other respect.
/// </summary>
public abstract class ValidationHarness
{
    /// <summary>The rules to run; null means <see cref="DocumentValidator.Validate(Schema, DocumentNode, ValidationOptions?)"/> with all of them.</summary>
    protected virtual IReadOnlyList<Func<ValidationRule>>? Rules => null;

    protected virtual Schema Schema => ValidationTestSchema.Instance;

    protected IReadOnlyList<GraphQLError> Validate(string query, ValidationOptions? options = null)
    {
        var document = Parser.Parse(query);
        return Rules is { } rules
            ? DocumentValidator.Validate(Schema, document, rules, options)
            : DocumentValidator.Validate(Schema, document, options);
    }

    protected void ExpectValid(string query, ValidationOptions? options = null) => ExpectErrors(query, options, []);

    /// <summary>Errors with one location each.</summary>
    protected void ExpectErrors(string query, params (string Message, int Line, int Column)[] expected) =>
        ExpectErrors(query, null, expected.Select(e => new ExpectedError(e.Message, (e.Line, e.Column))).ToArray());

    protected void ExpectErrors(string query, params ExpectedError[] expected) => ExpectErrors(query, null, expected);

    protected void ExpectErrors(string query, ValidationOptions? options, params ExpectedError[] expected)
    {
        var actual = Validate(query, options);
        Assert.Equal(expected.Select(Show).ToList(), actual.Select(Show).ToList());
    }

    protected static ExpectedError Error(string message, params (int Line, int Column)[] locations) => new(message, locations);

    private static string Show(ExpectedError e) => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"));

    private static string Show(GraphQLError e) => e.Message + " @ " + string.Join(", ", (e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}"));
}

/// <summary>A test class for one rule: only <typeparamref name="TRule"/> runs.</summary>
public abstract class RuleHarness<TRule> : ValidationHarness where TRule : ValidationRule, new()
{
    protected override IReadOnlyList<Func<ValidationRule>>? Rules { get; } = [() => new TRule()];
}
