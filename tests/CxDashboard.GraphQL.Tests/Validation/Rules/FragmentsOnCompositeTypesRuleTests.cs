using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>FragmentsOnCompositeTypes (graphql-js FragmentsOnCompositeTypesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class FragmentsOnCompositeTypesRuleTests : RuleHarness<FragmentsOnCompositeTypesRule>
{
    [Fact]
    public void Object_interface_and_union_conditions_are_valid() => ExpectValid("""
        fragment onObject on Dog { barks }
        fragment onInterface on Pet { name }
        fragment onUnion on CatOrDog { __typename }
        fragment inline on Pet { ... on Dog { barks } ... { name } }
        """);

    [Fact]
    public void A_fragment_on_a_scalar_is_rejected() => ExpectErrors("""
        fragment scalarFragment on Boolean { bad }
        """,
        Error("Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".", (1, 28)));

    [Fact]
    public void A_fragment_on_an_enum_is_rejected() => ExpectErrors("""
        fragment enumFragment on FurColor { bad }
        """,
        Error("Fragment \"enumFragment\" cannot condition on non composite type \"FurColor\".", (1, 26)));

    [Fact]
    public void A_fragment_on_an_input_object_is_rejected() => ExpectErrors("""
        fragment inputFragment on ComplexInput { stringField }
        """,
        Error("Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".", (1, 27)));

    [Fact]
    public void An_inline_fragment_on_a_scalar_is_rejected() => ExpectErrors("""
        fragment invalid on Dog { ... on Boolean { barks } }
        """,
        Error("Fragment cannot condition on non composite type \"Boolean\".", (1, 34)));

    [Fact]
    public void Unknown_types_are_left_to_KnownTypeNames() => ExpectValid("""
        fragment unknown on Unknown { x }
        """);
}
