using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>UniqueDirectivesPerLocation (graphql-js UniqueDirectivesPerLocationRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class UniqueDirectivesPerLocationRuleTests : RuleHarness<UniqueDirectivesPerLocationRule>
{
    [Fact]
    public void Different_directives_and_the_same_directive_in_different_places_are_valid() => ExpectValid("""
        fragment Test on Type @onFragmentDefinition {
          field @onField @include(if: true)
          a: field @onField
          b: field @onField
        }
        """);

    [Fact]
    public void Repeatable_and_unknown_directives_may_repeat() => ExpectValid("""
        { field @repeatable @repeatable @unknown @unknown }
        """);

    [Fact]
    public void A_repeated_directive_is_rejected() => ExpectErrors("""
        { field @onField @onField }
        """,
        Error("The directive \"@onField\" can only be used once at this location.", (1, 9), (1, 18)));

    [Fact]
    public void Each_repetition_is_reported_against_the_first() => ExpectErrors("""
        { field @onField @onField @onField }
        """,
        Error("The directive \"@onField\" can only be used once at this location.", (1, 9), (1, 18)),
        Error("The directive \"@onField\" can only be used once at this location.", (1, 9), (1, 27)));

    [Fact]
    public void Repetitions_are_found_at_every_location() => ExpectErrors("""
        query Q($v: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
          ...F @onFragmentSpread @onFragmentSpread
          ... @onInlineFragment @onInlineFragment { field }
        }
        fragment F on Type @onFragmentDefinition @onFragmentDefinition { field }
        """,
        Error("The directive \"@onQuery\" can only be used once at this location.", (1, 62), (1, 71)),
        Error("The directive \"@onVariableDefinition\" can only be used once at this location.", (1, 17), (1, 39)),
        Error("The directive \"@onFragmentSpread\" can only be used once at this location.", (2, 8), (2, 26)),
        Error("The directive \"@onInlineFragment\" can only be used once at this location.", (3, 7), (3, 25)),
        Error("The directive \"@onFragmentDefinition\" can only be used once at this location.", (5, 20), (5, 42)));

    [Fact]
    public void Spec_example_skip_twice_is_rejected() => ExpectErrors("""
        query ($foo: Boolean = true, $bar: Boolean = false) {
          field @skip(if: $foo) @skip(if: $bar)
        }
        """,
        Error("The directive \"@skip\" can only be used once at this location.", (2, 9), (2, 25)));
}
