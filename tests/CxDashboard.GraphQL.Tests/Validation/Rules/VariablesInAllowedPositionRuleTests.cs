using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>VariablesInAllowedPosition (graphql-js VariablesInAllowedPositionRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class VariablesInAllowedPositionRuleTests : RuleHarness<VariablesInAllowedPositionRule>
{
    [Fact]
    public void Matching_and_stricter_variables_are_valid() => ExpectValid("""
        query Q($intArg: Int, $nonNullInt: Int!, $list: [String], $nonNullList: [String!]!, $b: Boolean!) {
          complicatedArgs {
            intArgField(intArg: $intArg)
            i2: intArgField(intArg: $nonNullInt)
            stringListArgField(stringListArg: $list)
            s2: stringListArgField(stringListArg: $nonNullList)
            nonNullIntArgField(nonNullIntArg: $nonNullInt)
          }
          dog @include(if: $b) { name }
        }
        """);

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_rejected() => ExpectErrors("""
        query Q($intArg: Int) {
          complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
        }
        """,
        Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (2, 55)));

    [Fact]
    public void A_variable_default_or_a_position_default_allows_a_nullable_variable() => ExpectValid("""
        query Q($intArg: Int = 1, $opt: Int) {
          complicatedArgs {
            nonNullIntArgField(nonNullIntArg: $intArg)
            nonNullFieldWithDefault(arg: $opt)
          }
        }
        """);

    [Fact]
    public void A_null_default_does_not_make_a_variable_non_null() => ExpectErrors("""
        query Q($intArg: Int = null) {
          complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
        }
        """,
        Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (2, 55)));

    [Fact]
    public void Types_must_match_through_lists() => ExpectErrors("""
        query Q($string: String, $listNullable: [String], $boolList: [Boolean]) {
          complicatedArgs {
            stringListArgField(stringListArg: $string)
            stringListNonNullArgField(stringListNonNullArg: $listNullable)
            s2: stringListArgField(stringListArg: $boolList)
          }
        }
        """,
        Error("Variable \"$string\" of type \"String\" used in position expecting type \"[String]\".", (1, 9), (3, 39)),
        Error("Variable \"$listNullable\" of type \"[String]\" used in position expecting type \"[String!]\".", (1, 26), (4, 53)),
        Error("Variable \"$boolList\" of type \"[Boolean]\" used in position expecting type \"[String]\".", (1, 51), (5, 43)));

    [Fact]
    public void Positions_inside_input_objects_and_fragments_are_checked() => ExpectErrors("""
        query Q($boolVar: Boolean, $intVar: Int) {
          complicatedArgs { complexArgField(complexArg: { requiredField: $boolVar, intField: $intVar }) }
          dog { ...F }
        }
        fragment F on Dog { isAtLocation(x: $boolVar) }
        """,
        Error("Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (2, 66)),
        Error("Variable \"$boolVar\" of type \"Boolean\" used in position expecting type \"Int\".", (1, 9), (5, 37)));

    [Fact]
    public void A_nullable_variable_in_a_non_null_directive_argument_is_rejected() => ExpectErrors("""
        query Q($b: Boolean) { dog @include(if: $b) { name } }
        """,
        Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (1, 41)));

    [Fact]
    public void Spec_example_int_into_boolean_is_rejected() => ExpectErrors("""
        query intCannotGoIntoBoolean($intArg: Int) {
          complicatedArgs {
            booleanArgField(booleanArg: $intArg)
          }
        }
        """,
        Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Boolean\".", (1, 30), (3, 33)));
}
