using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>LoneAnonymousOperation (graphql-js LoneAnonymousOperationRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class LoneAnonymousOperationRuleTests : RuleHarness<LoneAnonymousOperationRule>
{
    [Fact]
    public void An_anonymous_operation_alone_is_valid() => ExpectValid("""
        { dog { name } }
        fragment F on Dog { name }
        """);

    [Fact]
    public void Several_named_operations_are_valid() => ExpectValid("""
        query A { dog { name } }
        query B { cat { name } }
        """);

    [Fact]
    public void Two_anonymous_operations_are_both_reported() => ExpectErrors("""
        { dog { name } }
        { cat { name } }
        """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)),
        Error("This anonymous operation must be the only defined operation.", (2, 1)));

    [Fact]
    public void An_anonymous_operation_beside_a_named_mutation_is_reported() => ExpectErrors("""
        { dog { name } }
        mutation Foo { mutateDog { name } }
        """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)));

    [Fact]
    public void Spec_example_anonymous_query_with_named_query_is_rejected() => ExpectErrors("""
        {
          dog {
            name
          }
        }

        query getName {
          dog {
            owner {
              name
            }
          }
        }
        """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)));
}
