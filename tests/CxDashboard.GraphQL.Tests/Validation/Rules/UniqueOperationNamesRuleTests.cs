using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>UniqueOperationNames (graphql-js UniqueOperationNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class UniqueOperationNamesRuleTests : RuleHarness<UniqueOperationNamesRule>
{
    [Fact]
    public void A_lone_anonymous_operation_is_valid() => ExpectValid("""
        { dog { name } }
        """);

    [Fact]
    public void Distinct_operation_names_are_valid() => ExpectValid("""
        query Foo { dog { name } }
        query Bar { dog { name } }
        """);

    [Fact]
    public void An_operation_and_a_fragment_may_share_a_name() => ExpectValid("""
        query Foo { ...Foo }
        fragment Foo on QueryRoot { dog { name } }
        """);

    [Fact]
    public void Two_queries_with_the_same_name_are_rejected() => ExpectErrors("""
        query Foo { dog { name } }
        query Foo { cat { name } }
        """,
        Error("There can be only one operation named \"Foo\".", (1, 7), (2, 7)));

    [Fact]
    public void Names_are_unique_across_operation_types() => ExpectErrors("""
        query Foo { dog { name } }
        mutation Foo { mutateDog { name } }
        subscription Foo { newMessage { body } }
        """,
        Error("There can be only one operation named \"Foo\".", (1, 7), (2, 10)),
        Error("There can be only one operation named \"Foo\".", (1, 7), (3, 14)));

    [Fact]
    public void Spec_example_two_getName_operations_are_rejected() => ExpectErrors("""
        query getName { dog { name } }
        query getName { dog { owner { name } } }
        """,
        Error("There can be only one operation named \"getName\".", (1, 7), (2, 7)));
}
