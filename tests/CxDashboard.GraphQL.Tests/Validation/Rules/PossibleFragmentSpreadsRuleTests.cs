using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>PossibleFragmentSpreads (graphql-js PossibleFragmentSpreadsRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class PossibleFragmentSpreadsRuleTests : RuleHarness<PossibleFragmentSpreadsRule>
{
    [Fact]
    public void Spreads_that_can_apply_are_valid() => ExpectValid("""
        fragment objectWithinObject on Dog { ...dogFragment }
        fragment abstractWithinObject on Dog { ...petFragment }
        fragment objectWithinAbstract on Pet { ...dogFragment }
        fragment unionWithinInterface on Pet { ...catOrDogFragment }
        fragment interfaceWithinUnion on CatOrDog { ...petFragment }
        fragment inlineWithinUnion on CatOrDog { ... on Dog { barks } }
        fragment noCondition on Dog { ... { name } }
        fragment dogFragment on Dog { barkVolume }
        fragment petFragment on Pet { name }
        fragment catOrDogFragment on CatOrDog { __typename }
        """);

    [Fact]
    public void An_object_spread_into_another_object_is_rejected() => ExpectErrors("""
        fragment invalidObjectWithinObject on Cat { ...dogFragment }
        fragment dogFragment on Dog { barkVolume }
        """,
        Error("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 45)));

    [Fact]
    public void An_inline_fragment_of_another_object_is_rejected() => ExpectErrors("""
        fragment invalid on Cat { ... on Dog { barkVolume } }
        """,
        Error("Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 27)));

    [Fact]
    public void A_union_spread_into_an_unrelated_interface_is_rejected() => ExpectErrors("""
        fragment invalid on Sentient { ...catOrDogFragment }
        fragment catOrDogFragment on CatOrDog { __typename }
        """,
        Error("Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Sentient\" can never be of type \"CatOrDog\".", (1, 32)));

    [Fact]
    public void Disjoint_unions_are_rejected() => ExpectErrors("""
        fragment invalid on CatOrDog { ...humanOrAlienFragment }
        fragment humanOrAlienFragment on HumanOrAlien { __typename }
        """,
        Error("Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type \"CatOrDog\" can never be of type \"HumanOrAlien\".", (1, 32)));

    [Fact]
    public void Spec_example_overlapping_unions_are_valid() => ExpectValid("""
        fragment unionWithInterface on Pet { ...dogOrHumanFragment }
        fragment dogOrHumanFragment on DogOrHuman { ... on Dog { barkVolume } }
        fragment interfaceWithinInterface on Pet { ... on Canine { name } }
        """);

    [Fact]
    public void Spec_example_sentient_within_dog_is_rejected() => ExpectErrors("""
        fragment sentientFragment on Sentient {
          ... on Dog {
            barkVolume
          }
        }

        fragment humanOrAlienFragment on HumanOrAlien {
          ... on Cat {
            meowsVolume
          }
        }
        """,
        Error("Fragment cannot be spread here as objects of type \"Sentient\" can never be of type \"Dog\".", (2, 3)),
        Error("Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type \"Cat\".", (8, 3)));

    [Fact]
    public void Unknown_fragments_and_types_are_left_to_other_rules() => ExpectValid("""
        fragment f on Dog { ...Unknown ... on Unknown { name } }
        """);
}
