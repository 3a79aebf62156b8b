using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>ProvidedRequiredArguments (graphql-js ProvidedRequiredArgumentsRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class ProvidedRequiredArgumentsRuleTests : RuleHarness<ProvidedRequiredArgumentsRule>
{
    [Fact]
    public void Given_required_and_omitted_optional_arguments_are_valid() => ExpectValid("""
        {
          complicatedArgs {
            multipleReqs(req2: 2, req1: 1)
            multipleOpts
            multipleOptAndReq(req1: 3, req2: 4)
            nonNullFieldWithDefault
          }
          dog @include(if: true) { name }
        }
        """);

    [Fact]
    public void A_missing_required_argument_is_reported_at_the_field() => ExpectErrors("""
        { complicatedArgs { multipleReqs(req2: 2) } }
        """,
        Error("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void Every_missing_argument_is_reported() => ExpectErrors("""
        { complicatedArgs { multipleReqs } }
        """,
        Error("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (1, 21)),
        Error("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void An_unknown_argument_does_not_stand_in_for_a_required_one() => ExpectErrors("""
        { complicatedArgs { multipleReqs(req1: 1, unknown: 2) } }
        """,
        Error("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void Required_directive_arguments_are_checked() => ExpectErrors("""
        { dog @include { name @skip @withRequired(note: "x") } }
        """,
        Error("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 7)),
        Error("Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 23)),
        Error("Directive \"@withRequired\" argument \"level\" of type \"Int!\" is required, but it was not provided.", (1, 29)));

    [Fact]
    public void Errors_come_when_leaving_the_field_so_inner_fields_report_first() => ExpectErrors("""
        { complicatedArgs { multipleReqs(req1: 1) @skip } }
        """,
        Error("Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 43)),
        Error("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void Unknown_fields_and_directives_are_left_to_other_rules() => ExpectValid("""
        { dog { unknown @unknown } }
        """);
}
