using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>NoUndefinedVariables (graphql-js NoUndefinedVariablesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class NoUndefinedVariablesRuleTests : RuleHarness<NoUndefinedVariablesRule>
{
    [Fact]
    public void Variables_defined_and_used_are_valid() => ExpectValid("""
        query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
        """);

    [Fact]
    public void Variables_used_in_nested_fragments_are_valid() => ExpectValid("""
        query Foo($a: String, $b: String, $c: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragB } }
        fragment FragB on Type { field(b: $b) { ...FragC } }
        fragment FragC on Type { field(c: $c) }
        """);

    [Fact]
    public void Variables_in_directives_are_checked() => ExpectErrors("""
        query Foo { dog @include(if: $cond) { name } }
        """,
        Error("Variable \"$cond\" is not defined by operation \"Foo\".", (1, 30), (1, 1)));

    [Fact]
    public void Every_use_of_an_undefined_variable_is_reported() => ExpectErrors("""
        query Foo($b: String) { field(a: $a, b: $b, c: $a) }
        """,
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (1, 34), (1, 1)),
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (1, 48), (1, 1)));

    [Fact]
    public void An_anonymous_operation_is_not_named_in_the_message() => ExpectErrors("""
        { field(a: $a) }
        """,
        Error("Variable \"$a\" is not defined.", (1, 12), (1, 1)));

    [Fact]
    public void Variables_used_in_fragments_are_checked_for_each_operation() => ExpectErrors("""
        query Foo($b: String) { ...FragAB }
        query Bar($a: String) { ...FragAB }
        fragment FragAB on Type { field(a: $a, b: $b) }
        """,
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (3, 36), (1, 1)),
        Error("Variable \"$b\" is not defined by operation \"Bar\".", (3, 43), (2, 1)));

    [Fact]
    public void Fragments_defined_before_the_operation_are_followed() => ExpectErrors("""
        fragment FragA on Type { field(a: $a) }
        query Foo { ...FragA }
        """,
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (1, 35), (2, 1)));

    [Fact]
    public void Spec_example_variable_not_defined_in_fragment_is_rejected() => ExpectErrors("""
        query variableIsNotDefinedUsedInSingleFragment {
          dog {
            ...isHouseTrainedFragment
          }
        }

        fragment isHouseTrainedFragment on Dog {
          isHouseTrained(atOtherHomes: $atOtherHomes)
        }
        """,
        Error("Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInSingleFragment\".", (8, 32), (1, 1)));
}
