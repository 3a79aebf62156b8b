using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>FieldsOnCorrectType (graphql-js FieldsOnCorrectTypeRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class FieldsOnCorrectTypeRuleTests : RuleHarness<FieldsOnCorrectTypeRule>
{
    [Fact]
    public void Known_fields_aliases_and_typename_are_valid() => ExpectValid("""
        fragment f on Dog { name otherName: name __typename ... on Pet { name } }
        fragment u on CatOrDog { __typename ... on Dog { barks } }
        { __schema { __typename } __type(name: "Dog") { __typename } }
        """);

    [Fact]
    public void An_unknown_field_is_rejected() => ExpectErrors("""
        fragment f on Dog { meowVolume }
        """,
        Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 21)));

    [Fact]
    public void An_unknown_aliased_field_is_reported_at_the_alias() => ExpectErrors("""
        fragment f on Dog { tname: kittenNames }
        """,
        Error("Cannot query field \"kittenNames\" on type \"Dog\".", (1, 21)));

    [Fact]
    public void Nested_unknown_fields_are_not_reported_below_an_unknown_field() => ExpectErrors("""
        fragment f on Dog { unknown_field { deeper_unknown_field } }
        """,
        Error("Cannot query field \"unknown_field\" on type \"Dog\".", (1, 21)));

    [Fact]
    public void A_field_on_an_interface_suggests_the_implementations_that_have_it() => ExpectErrors("""
        fragment f on Pet { meows }
        """,
        Error("Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"?", (1, 21)));

    [Fact]
    public void Fields_on_a_union_other_than_typename_are_rejected() => ExpectErrors("""
        fragment f on CatOrDog { name }
        """,
        Error("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", (1, 26)));

    [Fact]
    public void Suggested_types_are_ordered_by_how_many_possible_types_use_them() => ExpectErrors("""
        fragment f on Mammal { barks }
        """,
        Error("Cannot query field \"barks\" on type \"Mammal\". Did you mean to use an inline fragment on \"Dog\"?", (1, 24)));

    [Fact]
    public void Spec_example_fields_not_on_the_type_are_rejected() => ExpectErrors("""
        fragment fieldNotDefined on Dog {
          meowVolume
        }

        fragment aliasedLyingFieldTargetNotDefined on Dog {
          barkVolume: kawVolume
        }
        """,
        Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (2, 3)),
        Error("Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (6, 3)));

    [Fact]
    public void The_introspection_root_fields_exist_only_on_the_query_root() => ExpectErrors("""
        fragment f on Dog { __schema { __typename } }
        """,
        Error("Cannot query field \"__schema\" on type \"Dog\".", (1, 21)));
}
