using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>KnownFragmentNames (graphql-js KnownFragmentNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class KnownFragmentNamesRuleTests : RuleHarness<KnownFragmentNamesRule>
{
    [Fact]
    public void Spreads_of_defined_fragments_are_valid() => ExpectValid("""
        { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
        fragment HumanFields1 on Human { name ...HumanFields3 }
        fragment HumanFields2 on Human { name }
        fragment HumanFields3 on Human { name }
        """);

    [Fact]
    public void Spreads_of_undefined_fragments_are_reported_at_the_name() => ExpectErrors("""
        { human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } }
        fragment HumanFields on Human { name ...UnknownFragment3 }
        """,
        Error("Unknown fragment \"UnknownFragment1\".", (1, 21)),
        Error("Unknown fragment \"UnknownFragment2\".", (1, 56)),
        Error("Unknown fragment \"UnknownFragment3\".", (2, 41)));

    [Fact]
    public void Spec_example_undefined_fragment_is_rejected() => ExpectErrors("""
        {
          dog {
            ...undefinedFragment
          }
        }
        """,
        Error("Unknown fragment \"undefinedFragment\".", (3, 8)));
}
