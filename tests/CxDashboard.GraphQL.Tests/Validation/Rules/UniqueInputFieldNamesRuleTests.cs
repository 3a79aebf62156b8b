using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>UniqueInputFieldNames (graphql-js UniqueInputFieldNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class UniqueInputFieldNamesRuleTests : RuleHarness<UniqueInputFieldNamesRule>
{
    [Fact]
    public void Distinct_fields_and_nested_objects_are_valid() => ExpectValid("""
        { field(arg: { f1: "value", f2: { f1: "value" }, f3: [{ f1: 1 }, { f1: 2 }] }) }
        """);

    [Fact]
    public void A_duplicate_input_field_is_rejected() => ExpectErrors("""
        { field(arg: { f1: "value", f1: "value" }) }
        """,
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)));

    [Fact]
    public void Many_duplicates_are_each_reported_against_the_first() => ExpectErrors("""
        { field(arg: { f1: "value", f1: "value", f1: "value" }) }
        """,
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)),
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 42)));

    [Fact]
    public void Duplicates_inside_a_nested_object_are_rejected() => ExpectErrors("""
        { field(arg: { f1: { f2: "value", f2: "value" } }) }
        """,
        Error("There can be only one input field named \"f2\".", (1, 22), (1, 35)));

    [Fact]
    public void Duplicates_in_variable_defaults_are_rejected() => ExpectErrors("""
        query Q($v: ComplexInput = { intField: 1, intField: 2 }) { __typename }
        """,
        Error("There can be only one input field named \"intField\".", (1, 30), (1, 43)));
}
