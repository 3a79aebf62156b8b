using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>UniqueFragmentNames (graphql-js UniqueFragmentNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class UniqueFragmentNamesRuleTests : RuleHarness<UniqueFragmentNamesRule>
{
    [Fact]
    public void Distinct_fragment_names_are_valid() => ExpectValid("""
        { dog { ...A ...B } }
        fragment A on Dog { name }
        fragment B on Dog { barks }
        """);

    [Fact]
    public void A_fragment_and_an_operation_may_share_a_name() => ExpectValid("""
        query Foo { dog { ...Foo } }
        fragment Foo on Dog { name }
        """);

    [Fact]
    public void Two_fragments_with_the_same_name_are_rejected() => ExpectErrors("""
        { dog { ...fragA } }
        fragment fragA on Dog { name }
        fragment fragA on Dog { barks }
        """,
        Error("There can be only one fragment named \"fragA\".", (2, 10), (3, 10)));

    [Fact]
    public void Each_further_duplicate_is_reported_against_the_first() => ExpectErrors("""
        fragment fragA on Dog { name }
        fragment fragA on Dog { barks }
        fragment fragA on Dog { nickname }
        """,
        Error("There can be only one fragment named \"fragA\".", (1, 10), (2, 10)),
        Error("There can be only one fragment named \"fragA\".", (1, 10), (3, 10)));
}
