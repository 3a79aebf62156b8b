using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>ScalarLeafs (graphql-js ScalarLeafsRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class ScalarLeafsRuleTests : RuleHarness<ScalarLeafsRule>
{
    [Fact]
    public void Scalar_and_enum_fields_without_selection_are_valid() => ExpectValid("""
        fragment scalarSelection on Dog { barks furColor: name }
        """);

    [Fact]
    public void An_object_field_without_selection_is_rejected() => ExpectErrors("""
        query directQueryOnObjectWithoutSubFields { human }
        """,
        Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (1, 45)));

    [Fact]
    public void An_interface_field_without_selection_is_rejected() => ExpectErrors("""
        { pet }
        """,
        Error("Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"?", (1, 3)));

    [Fact]
    public void A_wrapped_list_type_is_shown_in_full() => ExpectErrors("""
        { human { relatives } }
        """,
        Error("Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"?", (1, 11)));

    [Fact]
    public void A_selection_on_a_scalar_is_rejected_at_the_selection_set() => ExpectErrors("""
        fragment f on Dog { barks { sinceWhen } }
        """,
        Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 27)));

    [Fact]
    public void A_selection_on_an_enum_is_rejected() => ExpectErrors("""
        fragment f on Cat { furColor { inHexDec } }
        """,
        Error("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", (1, 30)));

    [Fact]
    public void A_selection_on_a_scalar_with_arguments_is_rejected() => ExpectErrors("""
        fragment f on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }
        """,
        Error("Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields.", (1, 54)));
}
