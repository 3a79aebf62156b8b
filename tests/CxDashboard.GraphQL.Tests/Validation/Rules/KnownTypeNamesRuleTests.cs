using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>KnownTypeNames (graphql-js KnownTypeNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class KnownTypeNamesRuleTests : RuleHarness<KnownTypeNamesRule>
{
    [Fact]
    public void Known_types_are_valid() => ExpectValid("""
        query Foo($var: String, $required: [Int!]!, $input: ComplexInput) {
          dog { ... on Pet { name } ...PetFields }
        }
        fragment PetFields on Pet { name }
        """);

    [Fact]
    public void Unknown_types_are_reported_with_suggestions() => ExpectErrors("""
        query Foo($var: JumbledUpLetters) {
          dog { ... on Badger { name } ...PetFields }
        }
        fragment PetFields on Peat { name }
        """,
        Error("Unknown type \"JumbledUpLetters\".", (1, 17)),
        Error("Unknown type \"Badger\".", (2, 16)),
        Error("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (4, 23)));

    [Fact]
    public void Wrapped_unknown_types_are_reported_at_the_name() => ExpectErrors("""
        query Foo($a: [Strin!]!) { dog { name } }
        """,
        Error("Unknown type \"Strin\". Did you mean \"String\"?", (1, 16)));

    [Fact]
    public void Type_names_are_case_sensitive() => ExpectErrors("""
        query Foo($a: string) { dog { name } }
        """,
        Error("Unknown type \"string\". Did you mean \"String\"?", (1, 15)));
}
