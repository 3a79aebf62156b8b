using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>NoUnusedFragments (graphql-js NoUnusedFragmentsRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class NoUnusedFragmentsRuleTests : RuleHarness<NoUnusedFragmentsRule>
{
    [Fact]
    public void Fragments_used_directly_or_through_other_fragments_are_valid() => ExpectValid("""
        { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """);

    [Fact]
    public void Fragments_used_by_any_of_several_operations_are_valid() => ExpectValid("""
        query Foo { human(id: 4) { ...HumanFields1 } }
        query Bar { human(id: 4) { ...HumanFields2 } }
        fragment HumanFields1 on Human { name }
        fragment HumanFields2 on Human { name }
        """);

    [Fact]
    public void Unused_fragments_are_reported_at_their_definition() => ExpectErrors("""
        query Foo { human(id: 4) { ...HumanFields1 } }
        fragment HumanFields1 on Human { name }
        fragment Unused1 on Human { name }
        fragment Unused2 on Human { name }
        """,
        Error("Fragment \"Unused1\" is never used.", (3, 1)),
        Error("Fragment \"Unused2\" is never used.", (4, 1)));

    [Fact]
    public void Fragments_used_only_by_unused_fragments_are_unused() => ExpectErrors("""
        query Foo { human(id: 4) { ...HumanFields1 } }
        fragment HumanFields1 on Human { name }
        fragment Unused1 on Human { name ...Unused2 }
        fragment Unused2 on Human { name ...Unused1 }
        """,
        Error("Fragment \"Unused1\" is never used.", (3, 1)),
        Error("Fragment \"Unused2\" is never used.", (4, 1)));

    [Fact]
    public void Spec_example_unused_fragment_is_rejected() => ExpectErrors("""
        fragment nameFragment on Dog {
          name
        }

        {
          dog {
            name
          }
        }
        """,
        Error("Fragment \"nameFragment\" is never used.", (1, 1)));
}
