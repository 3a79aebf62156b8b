using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>KnownArgumentNames (graphql-js KnownArgumentNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class KnownArgumentNamesRuleTests : RuleHarness<KnownArgumentNamesRule>
{
    [Fact]
    public void Known_arguments_in_any_order_are_valid() => ExpectValid("""
        fragment f on Dog { isAtLocation(y: 1, x: 2) doesKnowCommand(dogCommand: SIT) }
        { dog @include(if: true) { name } human(id: 4) { name(surname: true) } }
        """);

    [Fact]
    public void Arguments_of_unknown_fields_and_directives_are_not_reported() => ExpectValid("""
        fragment f on Dog { unknownField(unknownArg: 1) name @unknown(arg: 1) }
        """);

    [Fact]
    public void An_unknown_field_argument_is_rejected_with_suggestions() => ExpectErrors("""
        fragment f on Dog { doesKnowCommand(dogcommand: true) }
        """,
        Error("Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (1, 37)));

    [Fact]
    public void An_unknown_argument_without_close_names_has_no_suggestion() => ExpectErrors("""
        fragment f on Dog { doesKnowCommand(unknown: true) }
        """,
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (1, 37)));

    [Fact]
    public void A_misspelled_directive_argument_is_reported_once() => ExpectErrors("""
        { dog @skip(iff: true) { name } }
        """,
        Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 13)));

    [Fact]
    public void Unknown_arguments_deep_inside_are_rejected() => ExpectErrors("""
        {
          dog { doesKnowCommand(unknown: true) }
          human { pets { ... on Dog { doesKnowCommand(unknown: true) } } }
        }
        """,
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (2, 25)),
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (3, 47)));

    [Fact]
    public void Spec_example_undefined_argument_is_rejected() => ExpectErrors("""
        fragment invalidArgName on Dog {
          doesKnowCommand(command: SIT)
        }

        fragment invalidArgName2 on Dog {
          isHouseTrained(atOtherHomes: true) @include(unless: false)
        }
        """,
        Error("Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (2, 19)),
        Error("Unknown argument \"unless\" on directive \"@include\".", (6, 47)));
}
