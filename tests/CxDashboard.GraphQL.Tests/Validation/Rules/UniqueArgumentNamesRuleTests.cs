using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>UniqueArgumentNames (graphql-js UniqueArgumentNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class UniqueArgumentNamesRuleTests : RuleHarness<UniqueArgumentNamesRule>
{
    [Fact]
    public void Distinct_arguments_are_valid() => ExpectValid("""
        { field(arg1: "value", arg2: "value") @directive(arg1: "value", arg2: "value") }
        """);

    [Fact]
    public void The_same_argument_on_different_fields_and_directives_is_valid() => ExpectValid("""
        { one: field(arg: "a") two: field(arg: "b") @directive(arg: 1) @other(arg: 2) }
        """);

    [Fact]
    public void A_duplicate_field_argument_is_rejected_at_every_occurrence() => ExpectErrors("""
        { field(arg1: "value", arg1: "value", arg1: "value") }
        """,
        Error("There can be only one argument named \"arg1\".", (1, 9), (1, 24), (1, 39)));

    [Fact]
    public void A_duplicate_directive_argument_is_rejected() => ExpectErrors("""
        { field @directive(arg1: "value", arg1: "value") }
        """,
        Error("There can be only one argument named \"arg1\".", (1, 20), (1, 35)));
}
