using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>KnownDirectives (graphql-js KnownDirectivesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class KnownDirectivesRuleTests : RuleHarness<KnownDirectivesRule>
{
    [Fact]
    public void Known_directives_in_their_locations_are_valid() => ExpectValid("""
        query Foo($var: Boolean @onVariableDefinition) @onQuery {
          dog @include(if: $var) { name @onField }
          human @skip(if: false) { ...Frag @onFragmentSpread ... @onInlineFragment { name } }
        }
        fragment Frag on Human @onFragmentDefinition { name }
        mutation Bar @onMutation { __typename }
        subscription Baz @onSubscription { __typename }
        """);

    [Fact]
    public void Unknown_directives_are_rejected() => ExpectErrors("""
        {
          dog @unknown(directive: "value") { name }
          human @unknown(directive: "value") { pets @unknown(directive: "value") { name } }
        }
        """,
        Error("Unknown directive \"@unknown\".", (2, 7)),
        Error("Unknown directive \"@unknown\".", (3, 9)),
        Error("Unknown directive \"@unknown\".", (3, 45)));

    [Fact]
    public void Misplaced_directives_name_the_location() => ExpectErrors("""
        query Foo($var: Boolean @onQuery) @include(if: true) {
          name @onQuery @include(if: true)
          ...Frag @onQuery
          ... @onQuery { name }
        }
        fragment Frag on Human @onField { name }
        mutation Bar @onQuery { __typename }
        subscription Baz @onField { __typename }
        """,
        Error("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", (1, 25)),
        Error("Directive \"@include\" may not be used on QUERY.", (1, 35)),
        Error("Directive \"@onQuery\" may not be used on FIELD.", (2, 8)),
        Error("Directive \"@onQuery\" may not be used on FRAGMENT_SPREAD.", (3, 11)),
        Error("Directive \"@onQuery\" may not be used on INLINE_FRAGMENT.", (4, 7)),
        Error("Directive \"@onField\" may not be used on FRAGMENT_DEFINITION.", (6, 24)),
        Error("Directive \"@onQuery\" may not be used on MUTATION.", (7, 14)),
        Error("Directive \"@onField\" may not be used on SUBSCRIPTION.", (8, 18)));
}
