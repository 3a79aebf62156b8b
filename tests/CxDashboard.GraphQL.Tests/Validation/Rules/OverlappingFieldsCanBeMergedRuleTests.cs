using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>OverlappingFieldsCanBeMerged (graphql-js OverlappingFieldsCanBeMergedRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class OverlappingFieldsCanBeMergedRuleTests : RuleHarness<OverlappingFieldsCanBeMergedRule>
{
    [Fact]
    public void Identical_fields_and_identical_aliases_are_valid() => ExpectValid("""
        fragment f on Dog { name name otherName: name otherName: name doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }
        """);

    [Fact]
    public void Different_directives_and_argument_order_in_objects_do_not_conflict() => ExpectValid("""
        fragment f on Dog { name @include(if: true) name @skip(if: false) }
        { complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 1 }) complexArgField(complexArg: { intField: 1, requiredField: true }) } }
        """);

    [Fact]
    public void Same_alias_for_different_fields_is_rejected() => ExpectErrors("""
        fragment sameAliasesWithDifferentFieldTargets on Dog { fido: name fido: nickname }
        """,
        Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 56), (1, 67)));

    [Fact]
    public void An_alias_hiding_another_field_is_rejected() => ExpectErrors("""
        fragment aliasMaskingDirectFieldAccess on Dog { name: nickname name }
        """,
        Error("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 49), (1, 64)));

    [Fact]
    public void Different_arguments_are_rejected() => ExpectErrors("""
        fragment conflictingArgs on Dog {
          doesKnowCommand(dogCommand: SIT)
          doesKnowCommand(dogCommand: HEEL)
          isHouseTrained
          isHouseTrained(atOtherHomes: true)
        }
        """,
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (3, 3)),
        Error("Fields \"isHouseTrained\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (4, 3), (5, 3)));

    [Fact]
    public void Different_fields_on_different_object_types_may_share_an_alias() => ExpectValid("""
        fragment safeDifferingFields on Pet {
          ... on Dog { volume: barkVolume }
          ... on Cat { volume: meowsVolume }
        }
        fragment safeDifferingArgs on Pet {
          ... on Dog { doesKnowCommand(dogCommand: SIT) }
          ... on Cat { doesKnowCommand(catCommand: JUMP) }
        }
        """);

    [Fact]
    public void Differing_return_shapes_conflict_even_on_different_object_types() => ExpectErrors("""
        { pet { ... on Dog { someValue: nickname } ... on Cat { someValue: meowsVolume } } }
        """,
        Error("Fields \"someValue\" conflict because they return conflicting types \"String\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional.", (1, 22), (1, 57)));

    [Fact]
    public void Conflicts_through_fragments_are_found() => ExpectErrors("""
        { dog { ...A ...B } }
        fragment A on Dog { x: name }
        fragment B on Dog { x: barks }
        """,
        Error("Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 21), (3, 21)));

    [Fact]
    public void Conflicts_between_fields_and_nested_fragments_are_found() => ExpectErrors("""
        { dog { x: name ...A } }
        fragment A on Dog { ...B }
        fragment B on Dog { x: nickname }
        """,
        Error("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 9), (3, 21)));

    [Fact]
    public void Deep_conflicts_report_the_subfields_and_every_field_on_the_way() => ExpectErrors("""
        {
          dog { mother { x: name } }
          dog { mother { x: nickname } }
        }
        """,
        Error("Fields \"dog\" conflict because subfields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (2, 9), (2, 18), (3, 3), (3, 9), (3, 18)));

    [Fact]
    public void Several_subfield_conflicts_are_joined_with_and() => ExpectErrors("""
        {
          field: dog { x: name y: barks }
          field: dog { x: nickname y: barkVolume }
        }
        """,
        Error("Fields \"field\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields and subfields \"y\" conflict because \"barks\" and \"barkVolume\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (2, 16), (2, 24), (3, 3), (3, 16), (3, 28)));

    [Fact]
    public void List_and_non_list_types_conflict() => ExpectErrors("""
        { dogOrHuman { ... on Human { x: pets { name } } ... on Dog { x: mother { name } } } }
        """,
        Error("Fields \"x\" conflict because they return conflicting types \"[Pet]\" and \"Dog\". Use different aliases on the fields to fetch both if this was intentional.", (1, 31), (1, 63)));

    [Fact]
    public void Nullability_differences_conflict() => ExpectErrors("""
        { humanOrAlien { ... on Human { v: iq } ... on Alien { v: iq } } }
        """,
        Error("Fields \"v\" conflict because they return conflicting types \"Int\" and \"Int!\". Use different aliases on the fields to fetch both if this was intentional.", (1, 33), (1, 56)));

    [Fact]
    public void A_list_and_a_scalar_conflict() => ExpectErrors("""
        { humanOrAlien { ... on Human { n: relatives { name } } ... on Alien { n: homePlanet } } }
        """,
        Error("Fields \"n\" conflict because they return conflicting types \"[Human]!\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (1, 33), (1, 72)));

    [Fact]
    public void Identical_list_types_in_one_selection_merge() => ExpectValid("""
        { human { ... on Human { r: pets { name } } r: pets { name } } }
        """);

    [Fact]
    public void Fragment_cycles_do_not_loop() => ExpectErrors("""
        { dog { ...A } }
        fragment A on Dog { x: name ...B }
        fragment B on Dog { x: nickname ...A }
        """,
        Error("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 21), (3, 21)),
        Error("Fields \"x\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (3, 21), (2, 21)));

    [Fact]
    public void Spec_example_merging_identical_fields_is_valid() => ExpectValid("""
        fragment mergeIdenticalFields on Dog {
          name
          name
        }

        fragment mergeIdenticalAliasesAndFields on Dog {
          otherName: name
          otherName: name
        }
        """);

    [Fact]
    public void Spec_example_conflicting_arguments_with_variables_are_rejected() => ExpectErrors("""
        fragment conflictingArgsValueAndVar on Dog {
          doesKnowCommand(dogCommand: SIT)
          doesKnowCommand(dogCommand: $dogCommand)
        }

        fragment conflictingArgsWithVars on Dog {
          doesKnowCommand(dogCommand: $varOne)
          doesKnowCommand(dogCommand: $varTwo)
        }

        fragment differingArgs on Dog {
          doesKnowCommand(dogCommand: SIT)
          doesKnowCommand
        }
        """,
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (2, 3), (3, 3)),
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (7, 3), (8, 3)),
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (12, 3), (13, 3)));
}
