run('ValuesOfCorrectTypeRuleTests', 'ValuesOfCorrectType', [
 ('Literals_of_the_right_type_are_valid', '''
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
''', []),
 ('A_string_for_an_int_is_rejected_with_the_scalars_message', '{ complicatedArgs { intArgField(intArg: "3") } }',
  [('Int cannot represent non-integer value: "3"', '"3"')]),
 ('Out_of_range_and_fractional_ints_are_rejected', '''
{
  complicatedArgs {
    a: intArgField(intArg: 829384293849283498239482938)
    b: intArgField(intArg: 3.0)
  }
}
''', [('Int cannot represent non 32-bit signed integer value: 829384293849283498239482938', '829'), ('Int cannot represent non-integer value: 3.0', '3.0')]),
 ('Wrong_literals_for_float_string_boolean_and_id_are_rejected', '''
{
  complicatedArgs {
    floatArgField(floatArg: "3.333")
    stringArgField(stringArg: 1)
    booleanArgField(booleanArg: TRUE)
    idArgField(idArg: 1.0)
  }
}
''', [('Float cannot represent non numeric value: "3.333"', '"3.333"'),
      ('String cannot represent a non string value: 1', '1)'),
      ('Boolean cannot represent a non boolean value: TRUE', 'TRUE'),
      ('ID cannot represent a non-string and non-integer value: 1.0', '1.0')]),
 ('Enum_values_must_be_enum_literals_of_the_enum', '''
{
  complicatedArgs {
    a: enumArgField(enumArg: "BROWN")
    b: enumArgField(enumArg: brown)
    c: enumArgField(enumArg: PURPLE)
  }
}
''', [('Enum "FurColor" cannot represent non-enum value: "BROWN". Did you mean the enum value "BROWN"?', '"BROWN"'),
      ('Value "brown" does not exist in "FurColor" enum. Did you mean the enum value "BROWN"?', 'brown'),
      ('Value "PURPLE" does not exist in "FurColor" enum.', 'PURPLE')]),
 ('Null_for_a_non_null_argument_is_rejected', '{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }',
  [('Expected value of type "Int!", found null.', 'null')]),
 ('Each_bad_list_item_is_rejected', '{ complicatedArgs { stringListArgField(stringListArg: ["one", 2, null]) stringListNonNullArgField(stringListNonNullArg: ["a", null]) } }',
  [('String cannot represent a non string value: 2', '2,'), ('Expected value of type "String!", found null.', 'null]#2')]),
 ('A_list_for_a_scalar_is_rejected_as_a_whole', '{ complicatedArgs { intArgField(intArg: [1, "two"]) } }',
  [('Int cannot represent non-integer value: [1, "two"]', '[1')]),
 ('Missing_required_input_fields_are_reported_at_the_object', '{ complicatedArgs { complexArgField(complexArg: { intField: 4 }) } }',
  [('Field "ComplexInput.requiredField" of required type "Boolean!" was not provided.', '{ intField')]),
 ('Unknown_input_fields_are_rejected_with_suggestions', '{ complicatedArgs { complexArgField(complexArg: { requiredField: true, invalidField: "value", stringFeld: "x" }) } }',
  [('Field "invalidField" is not defined by type "ComplexInput". Did you mean "intField"?', 'invalidField'),
   ('Field "stringFeld" is not defined by type "ComplexInput". Did you mean "stringField", "intField", or "stringListField"?', 'stringFeld')]),
 ('An_object_for_a_scalar_and_a_scalar_for_an_object_are_rejected', '{ complicatedArgs { intArgField(intArg: { a: 1 }) complexArgField(complexArg: 4) } }',
  [('Int cannot represent non-integer value: {a: 1}', '{ a'), ('Expected value of type "ComplexInput", found 4.', '4)')]),
 ('Directive_arguments_are_checked', '{ dog @include(if: "yes") { name @skip(if: ENUM) } }',
  [('Boolean cannot represent a non boolean value: "yes"', '"yes"'), ('Boolean cannot represent a non boolean value: ENUM', 'ENUM')]),
 ('Variable_defaults_are_checked_against_the_variable_type', '''
query Q($a: Int = "one", $b: String = 4, $c: ComplexInput = { requiredField: null }, $d: Int! = null) { __typename }
''', [('Int cannot represent non-integer value: "one"', '"one"'), ('String cannot represent a non string value: 4', '4,'),
      ('Expected value of type "Boolean!", found null.', 'null }'), ('Expected value of type "Int!", found null.', 'null)')]),
 ('Variables_and_unknown_arguments_are_left_to_other_rules', '{ complicatedArgs { intArgField(intArg: $x) unknown(arg: "x") intArgField(unknown: "x") } }', []),
])

run('ProvidedRequiredArgumentsRuleTests', 'ProvidedRequiredArguments', [
 ('Given_required_and_omitted_optional_arguments_are_valid', '''
{
  complicatedArgs {
    multipleReqs(req2: 2, req1: 1)
    multipleOpts
    multipleOptAndReq(req1: 3, req2: 4)
    nonNullFieldWithDefault
  }
  dog @include(if: true) { name }
}
''', []),
 ('A_missing_required_argument_is_reported_at_the_field', '{ complicatedArgs { multipleReqs(req2: 2) } }',
  [('Field "multipleReqs" argument "req1" of type "Int!" is required, but it was not provided.', 'multipleReqs')]),
 ('Every_missing_argument_is_reported', '{ complicatedArgs { multipleReqs } }',
  [('Field "multipleReqs" argument "req1" of type "Int!" is required, but it was not provided.', 'multipleReqs'),
   ('Field "multipleReqs" argument "req2" of type "Int!" is required, but it was not provided.', 'multipleReqs')]),
 ('An_unknown_argument_does_not_stand_in_for_a_required_one', '{ complicatedArgs { multipleReqs(req1: 1, unknown: 2) } }',
  [('Field "multipleReqs" argument "req2" of type "Int!" is required, but it was not provided.', 'multipleReqs')]),
 ('Required_directive_arguments_are_checked', '{ dog @include { name @skip @withRequired(note: "x") } }',
  [('Directive "@include" argument "if" of type "Boolean!" is required, but it was not provided.', '@include'),
   ('Directive "@skip" argument "if" of type "Boolean!" is required, but it was not provided.', '@skip'),
   ('Directive "@withRequired" argument "level" of type "Int!" is required, but it was not provided.', '@withRequired')]),
 ('Errors_come_when_leaving_the_field_so_inner_fields_report_first', '{ complicatedArgs { multipleReqs(req1: 1) @skip } }',
  [('Directive "@skip" argument "if" of type "Boolean!" is required, but it was not provided.', '@skip'),
   ('Field "multipleReqs" argument "req2" of type "Int!" is required, but it was not provided.', 'multipleReqs')]),
 ('Unknown_fields_and_directives_are_left_to_other_rules', '{ dog { unknown @unknown } }', []),
])

run('VariablesInAllowedPositionRuleTests', 'VariablesInAllowedPosition', [
 ('Matching_and_stricter_variables_are_valid', '''
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
''', []),
 ('A_nullable_variable_in_a_non_null_position_is_rejected', '''
query Q($intArg: Int) {
  complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
}
''', [('Variable "$intArg" of type "Int" used in position expecting type "Int!".', '$intArg', '$intArg#2')]),
 ('A_variable_default_or_a_position_default_allows_a_nullable_variable', '''
query Q($intArg: Int = 1, $opt: Int) {
  complicatedArgs {
    nonNullIntArgField(nonNullIntArg: $intArg)
    nonNullFieldWithDefault(arg: $opt)
  }
}
''', []),
 ('A_null_default_does_not_make_a_variable_non_null', '''
query Q($intArg: Int = null) {
  complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
}
''', [('Variable "$intArg" of type "Int" used in position expecting type "Int!".', '$intArg', '$intArg#2')]),
 ('Types_must_match_through_lists', '''
query Q($string: String, $listNullable: [String], $boolList: [Boolean]) {
  complicatedArgs {
    stringListArgField(stringListArg: $string)
    stringListNonNullArgField(stringListNonNullArg: $listNullable)
    s2: stringListArgField(stringListArg: $boolList)
  }
}
''', [('Variable "$string" of type "String" used in position expecting type "[String]".', '$string', '$string#2'),
      ('Variable "$listNullable" of type "[String]" used in position expecting type "[String!]".', '$listNullable', '$listNullable#2'),
      ('Variable "$boolList" of type "[Boolean]" used in position expecting type "[String]".', '$boolList', '$boolList#2')]),
 ('Positions_inside_input_objects_and_fragments_are_checked', '''
query Q($boolVar: Boolean, $intVar: Int) {
  complicatedArgs { complexArgField(complexArg: { requiredField: $boolVar, intField: $intVar }) }
  dog { ...F }
}
fragment F on Dog { isAtLocation(x: $boolVar) }
''', [('Variable "$boolVar" of type "Boolean" used in position expecting type "Boolean!".', '$boolVar', '$boolVar#2'),
      ('Variable "$boolVar" of type "Boolean" used in position expecting type "Int".', '$boolVar', '$boolVar#3')]),
 ('A_nullable_variable_in_a_non_null_directive_argument_is_rejected', 'query Q($b: Boolean) { dog @include(if: $b) { name } }',
  [('Variable "$b" of type "Boolean" used in position expecting type "Boolean!".', '$b', '$b#2')]),
 ('Spec_example_int_into_boolean_is_rejected', '''
query intCannotGoIntoBoolean($intArg: Int) {
  complicatedArgs {
    booleanArgField(booleanArg: $intArg)
  }
}
''', [('Variable "$intArg" of type "Int" used in position expecting type "Boolean".', '$intArg', '$intArg#2')]),
])
