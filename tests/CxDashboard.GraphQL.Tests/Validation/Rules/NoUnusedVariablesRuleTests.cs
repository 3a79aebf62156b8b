using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>NoUnusedVariables (graphql-js NoUnusedVariablesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class NoUnusedVariablesRuleTests : RuleHarness<NoUnusedVariablesRule>
{
    [Fact]
    public void Variables_used_anywhere_are_valid() => ExpectValid("""
        query ($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) @include(if: $c) }
        """);

    [Fact]
    public void Variables_used_by_fragments_are_valid() => ExpectValid("""
        query Foo($a: String, $b: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragB } }
        fragment FragB on Type { field(b: $b) }
        """);

    [Fact]
    public void An_unused_variable_is_reported_at_its_definition() => ExpectErrors("""
        query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }
        """,
        Error("Variable \"$c\" is never used.", (1, 32)));

    [Fact]
    public void Unused_variables_name_the_operation() => ExpectErrors("""
        query Foo($a: String, $b: String, $c: String) { field(b: $b) }
        """,
        Error("Variable \"$a\" is never used in operation \"Foo\".", (1, 11)),
        Error("Variable \"$c\" is never used in operation \"Foo\".", (1, 35)));

    [Fact]
    public void A_variable_used_only_by_an_unspread_fragment_is_unused() => ExpectErrors("""
        query Foo($b: String) { ...FragA }
        fragment FragA on Type { field(a: $a) }
        fragment FragB on Type { field(b: $b) }
        """,
        Error("Variable \"$b\" is never used in operation \"Foo\".", (1, 11)));

    [Fact]
    public void Each_operation_needs_its_own_use() => ExpectErrors("""
        query Foo($b: String) { ...FragA }
        query Bar($a: String) { ...FragB }
        fragment FragA on Type { field(a: $a) }
        fragment FragB on Type { field(b: $b) }
        """,
        Error("Variable \"$b\" is never used in operation \"Foo\".", (1, 11)),
        Error("Variable \"$a\" is never used in operation \"Bar\".", (2, 11)));

    [Fact]
    public void Spec_example_unused_variable_is_rejected() => ExpectErrors("""
        query variableUnused($atOtherHomes: Boolean) {
          dog {
            isHouseTrained
          }
        }
        """,
        Error("Variable \"$atOtherHomes\" is never used in operation \"variableUnused\".", (1, 22)));
}
