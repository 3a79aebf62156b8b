using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>ValuesOfCorrectType (graphql-js ValuesOfCorrectTypeRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class ValuesOfCorrectTypeRuleTests : RuleHarness<ValuesOfCorrectTypeRule>
{
    [Fact]
    public void Literals_of_the_right_type_are_valid() => ExpectValid("""
        {
          complicatedArgs {
            intArgField(intArg: 2)
            floatArgField(floatArg: 1)
            f2: floatArgField(floatArg: 1.5e3)
            idArgField(idArg: 1)
            i2: idArgField(idArg: "someIdString")
            booleanArgField(booleanArg: true)
            enumArgField(enumArg: NO_FUR)
            stringListArgField(stringListArg: ["one", null, "two"])
            s2: stringListArgField(stringListArg: "one")
            complexArgField(complexArg: { requiredField: true, stringListField: ["a"] })
            nonNullFieldWithDefault
            nullable: intArgField(intArg: null)
          }
        }
        """);

    [Fact]
    public void A_string_for_an_int_is_rejected_with_the_scalars_message() => ExpectErrors("""
        { complicatedArgs { intArgField(intArg: "3") } }
        """,
        Error("Int cannot represent non-integer value: \"3\"", (1, 41)));

    [Fact]
    public void Out_of_range_and_fractional_ints_are_rejected() => ExpectErrors("""
        {
          complicatedArgs {
            a: intArgField(intArg: 829384293849283498239482938)
            b: intArgField(intArg: 3.0)
          }
        }
        """,
        Error("Int cannot represent non 32-bit signed integer value: 829384293849283498239482938", (3, 28)),
        Error("Int cannot represent non-integer value: 3.0", (4, 28)));

    [Fact]
    public void Wrong_literals_for_float_string_boolean_and_id_are_rejected() => ExpectErrors("""
        {
          complicatedArgs {
            floatArgField(floatArg: "3.333")
            stringArgField(stringArg: 1)
            booleanArgField(booleanArg: TRUE)
            idArgField(idArg: 1.0)
          }
        }
        """,
        Error("Float cannot represent non numeric value: \"3.333\"", (3, 29)),
        Error("String cannot represent a non string value: 1", (4, 31)),
        Error("Boolean cannot represent a non boolean value: TRUE", (5, 33)),
        Error("ID cannot represent a non-string and non-integer value: 1.0", (6, 23)));

    [Fact]
    public void Enum_values_must_be_enum_literals_of_the_enum() => ExpectErrors("""
        {
          complicatedArgs {
            a: enumArgField(enumArg: "BROWN")
            b: enumArgField(enumArg: brown)
            c: enumArgField(enumArg: PURPLE)
          }
        }
        """,
        Error("Enum \"FurColor\" cannot represent non-enum value: \"BROWN\". Did you mean the enum value \"BROWN\"?", (3, 30)),
        Error("Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"?", (4, 30)),
        Error("Value \"PURPLE\" does not exist in \"FurColor\" enum.", (5, 30)));

    [Fact]
    public void Null_for_a_non_null_argument_is_rejected() => ExpectErrors("""
        { complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }
        """,
        Error("Expected value of type \"Int!\", found null.", (1, 55)));

    [Fact]
    public void Each_bad_list_item_is_rejected() => ExpectErrors("""
        { complicatedArgs { stringListArgField(stringListArg: ["one", 2, null]) stringListNonNullArgField(stringListNonNullArg: ["a", null]) } }
        """,
        Error("String cannot represent a non string value: 2", (1, 63)),
        Error("Expected value of type \"String!\", found null.", (1, 127)));

    [Fact]
    public void A_list_for_a_scalar_is_rejected_as_a_whole() => ExpectErrors("""
        { complicatedArgs { intArgField(intArg: [1, "two"]) } }
        """,
        Error("Int cannot represent non-integer value: [1, \"two\"]", (1, 41)));

    [Fact]
    public void Missing_required_input_fields_are_reported_at_the_object() => ExpectErrors("""
        { complicatedArgs { complexArgField(complexArg: { intField: 4 }) } }
        """,
        Error("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", (1, 49)));

    [Fact]
    public void Unknown_input_fields_are_rejected_with_suggestions() => ExpectErrors("""
        { complicatedArgs { complexArgField(complexArg: { requiredField: true, invalidField: "value", stringFeld: "x" }) } }
        """,
        Error("Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?", (1, 72)),
        Error("Field \"stringFeld\" is not defined by type \"ComplexInput\". Did you mean \"stringField\", \"intField\", or \"stringListField\"?", (1, 95)));

    [Fact]
    public void An_object_for_a_scalar_and_a_scalar_for_an_object_are_rejected() => ExpectErrors("""
        { complicatedArgs { intArgField(intArg: { a: 1 }) complexArgField(complexArg: 4) } }
        """,
        Error("Int cannot represent non-integer value: {a: 1}", (1, 41)),
        Error("Expected value of type \"ComplexInput\", found 4.", (1, 79)));

    [Fact]
    public void Directive_arguments_are_checked() => ExpectErrors("""
        { dog @include(if: "yes") { name @skip(if: ENUM) } }
        """,
        Error("Boolean cannot represent a non boolean value: \"yes\"", (1, 20)),
        Error("Boolean cannot represent a non boolean value: ENUM", (1, 44)));

    [Fact]
    public void Variable_defaults_are_checked_against_the_variable_type() => ExpectErrors("""
        query Q($a: Int = "one", $b: String = 4, $c: ComplexInput = { requiredField: null }, $d: Int! = null) { __typename }
        """,
        Error("Int cannot represent non-integer value: \"one\"", (1, 19)),
        Error("String cannot represent a non string value: 4", (1, 39)),
        Error("Expected value of type \"Boolean!\", found null.", (1, 78)),
        Error("Expected value of type \"Int!\", found null.", (1, 97)));

    [Fact]
    public void Variables_and_unknown_arguments_are_left_to_other_rules() => ExpectValid("""
        { complicatedArgs { intArgField(intArg: $x) unknown(arg: "x") intArgField(unknown: "x") } }
        """);
}
