using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>NoFragmentCycles (graphql-js NoFragmentCyclesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class NoFragmentCyclesRuleTests : RuleHarness<NoFragmentCyclesRule>
{
    [Fact]
    public void Spreading_twice_or_in_a_chain_is_valid() => ExpectValid("""
        fragment fragA on Dog { ...fragB ...fragB }
        fragment fragB on Dog { ...fragC }
        fragment fragC on Dog { name }
        """);

    [Fact]
    public void Spreading_the_same_fragment_in_sibling_fields_is_valid() => ExpectValid("""
        fragment nameFragment on Pet { ... on Dog { name } ... on Cat { name } }
        fragment atop on Dog { mother { ...nameFragment } father { ...nameFragment } }
        """);

    [Fact]
    public void Spreading_itself_is_rejected() => ExpectErrors("""
        fragment fragA on Dog { ...fragA }
        """,
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 25)));

    [Fact]
    public void Spreading_itself_deep_inside_is_rejected() => ExpectErrors("""
        fragment fragA on Dog { mother { ... on Dog { ...fragA } } }
        """,
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 47)));

    [Fact]
    public void A_two_fragment_cycle_is_reported_once() => ExpectErrors("""
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { ...fragA }
        """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (1, 25), (2, 25)));

    [Fact]
    public void A_long_cycle_names_every_fragment_on_the_way() => ExpectErrors("""
        fragment fragA on Dog { ...fragB }
        fragment fragB on Dog { ...fragC }
        fragment fragC on Dog { ...fragO }
        fragment fragX on Dog { ...fragY }
        fragment fragY on Dog { ...fragZ }
        fragment fragZ on Dog { ...fragO }
        fragment fragO on Dog { ...fragP }
        fragment fragP on Dog { ...fragA, ...fragX }
        """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", \"fragO\", \"fragP\".", (1, 25), (2, 25), (3, 25), (7, 25), (8, 25)),
        Error("Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", \"fragY\", \"fragZ\".", (7, 25), (8, 35), (4, 25), (5, 25), (6, 25)));

    [Fact]
    public void Spec_example_mutual_recursion_is_rejected() => ExpectErrors("""
        {
          dog {
            ...nameFragment
          }
        }

        fragment nameFragment on Dog {
          name
          ...barkVolumeFragment
        }

        fragment barkVolumeFragment on Dog {
          barkVolume
          ...nameFragment
        }
        """,
        Error("Cannot spread fragment \"nameFragment\" within itself via \"barkVolumeFragment\".", (9, 3), (14, 3)));

    [Fact]
    public void Unknown_fragments_do_not_break_the_search() => ExpectErrors("""
        fragment fragA on Dog { ...unknown ...fragA }
        """,
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 36)));
}
