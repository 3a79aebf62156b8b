using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>VariablesAreInputTypes (graphql-js VariablesAreInputTypesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class VariablesAreInputTypesRuleTests : RuleHarness<VariablesAreInputTypesRule>
{
    [Fact]
    public void Input_types_are_valid() => ExpectValid("""
        query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput, $d: FurColor) { dog { name } }
        """);

    [Fact]
    public void Output_types_are_rejected_at_the_type() => ExpectErrors("""
        query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }
        """,
        Error("Variable \"$a\" cannot be non-input type \"Dog\".", (1, 15)),
        Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", (1, 24)),
        Error("Variable \"$c\" cannot be non-input type \"Pet\".", (1, 44)));

    [Fact]
    public void Spec_example_object_type_variable_is_rejected() => ExpectErrors("""
        query takesCat($cat: Cat) { dog { name } }
        """,
        Error("Variable \"$cat\" cannot be non-input type \"Cat\".", (1, 22)));
}
