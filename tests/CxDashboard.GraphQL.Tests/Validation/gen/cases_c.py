run('NoUndefinedVariablesRuleTests', 'NoUndefinedVariables', [
 ('Variables_defined_and_used_are_valid', '''
query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
''', []),
 ('Variables_used_in_nested_fragments_are_valid', '''
query Foo($a: String, $b: String, $c: String) { ...FragA }
fragment FragA on Type { field(a: $a) { ...FragB } }
fragment FragB on Type { field(b: $b) { ...FragC } }
fragment FragC on Type { field(c: $c) }
''', []),
 ('Variables_in_directives_are_checked', 'query Foo { dog @include(if: $cond) { name } }',
  [('Variable "$cond" is not defined by operation "Foo".', '$cond', 'query')]),
 ('Every_use_of_an_undefined_variable_is_reported', 'query Foo($b: String) { field(a: $a, b: $b, c: $a) }',
  [('Variable "$a" is not defined by operation "Foo".', '$a', 'query'), ('Variable "$a" is not defined by operation "Foo".', '$a#2', 'query')]),
 ('An_anonymous_operation_is_not_named_in_the_message', '{ field(a: $a) }',
  [('Variable "$a" is not defined.', '$a', '1:1')]),
 ('Variables_used_in_fragments_are_checked_for_each_operation', '''
query Foo($b: String) { ...FragAB }
query Bar($a: String) { ...FragAB }
fragment FragAB on Type { field(a: $a, b: $b) }
''', [('Variable "$a" is not defined by operation "Foo".', '$a,', 'query Foo'), ('Variable "$b" is not defined by operation "Bar".', '$b)', 'query Bar')]),
 ('Fragments_defined_before_the_operation_are_followed', '''
fragment FragA on Type { field(a: $a) }
query Foo { ...FragA }
''', [('Variable "$a" is not defined by operation "Foo".', '$a', 'query')]),
 ('Spec_example_variable_not_defined_in_fragment_is_rejected', '''
query variableIsNotDefinedUsedInSingleFragment {
  dog {
    ...isHouseTrainedFragment
  }
}

fragment isHouseTrainedFragment on Dog {
  isHouseTrained(atOtherHomes: $atOtherHomes)
}
''', [('Variable "$atOtherHomes" is not defined by operation "variableIsNotDefinedUsedInSingleFragment".', '$atOtherHomes', 'query')]),
])

run('NoUnusedVariablesRuleTests', 'NoUnusedVariables', [
 ('Variables_used_anywhere_are_valid', '''
query ($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) @include(if: $c) }
''', []),
 ('Variables_used_by_fragments_are_valid', '''
query Foo($a: String, $b: String) { ...FragA }
fragment FragA on Type { field(a: $a) { ...FragB } }
fragment FragB on Type { field(b: $b) }
''', []),
 ('An_unused_variable_is_reported_at_its_definition', 'query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }',
  [('Variable "$c" is never used.', '$c')]),
 ('Unused_variables_name_the_operation', 'query Foo($a: String, $b: String, $c: String) { field(b: $b) }',
  [('Variable "$a" is never used in operation "Foo".', '$a'), ('Variable "$c" is never used in operation "Foo".', '$c')]),
 ('A_variable_used_only_by_an_unspread_fragment_is_unused', '''
query Foo($b: String) { ...FragA }
fragment FragA on Type { field(a: $a) }
fragment FragB on Type { field(b: $b) }
''', [('Variable "$b" is never used in operation "Foo".', '$b')]),
 ('Each_operation_needs_its_own_use', '''
query Foo($b: String) { ...FragA }
query Bar($a: String) { ...FragB }
fragment FragA on Type { field(a: $a) }
fragment FragB on Type { field(b: $b) }
''', [('Variable "$b" is never used in operation "Foo".', '$b'), ('Variable "$a" is never used in operation "Bar".', '$a')]),
 ('Spec_example_unused_variable_is_rejected', '''
query variableUnused($atOtherHomes: Boolean) {
  dog {
    isHouseTrained
  }
}
''', [('Variable "$atOtherHomes" is never used in operation "variableUnused".', '$atOtherHomes')]),
])

run('KnownDirectivesRuleTests', 'KnownDirectives', [
 ('Known_directives_in_their_locations_are_valid', '''
query Foo($var: Boolean @onVariableDefinition) @onQuery {
  dog @include(if: $var) { name @onField }
  human @skip(if: false) { ...Frag @onFragmentSpread ... @onInlineFragment { name } }
}
fragment Frag on Human @onFragmentDefinition { name }
mutation Bar @onMutation { __typename }
subscription Baz @onSubscription { __typename }
''', []),
 ('Unknown_directives_are_rejected', '''
{
  dog @unknown(directive: "value") { name }
  human @unknown(directive: "value") { pets @unknown(directive: "value") { name } }
}
''', [('Unknown directive "@unknown".', '@unknown'), ('Unknown directive "@unknown".', '@unknown#2'), ('Unknown directive "@unknown".', '@unknown#3')]),
 ('Misplaced_directives_name_the_location', '''
query Foo($var: Boolean @onQuery) @include(if: true) {
  name @onQuery @include(if: true)
  ...Frag @onQuery
  ... @onQuery { name }
}
fragment Frag on Human @onField { name }
mutation Bar @onQuery { __typename }
subscription Baz @onField { __typename }
''', [('Directive "@onQuery" may not be used on VARIABLE_DEFINITION.', '@onQuery'),
      ('Directive "@include" may not be used on QUERY.', '@include'),
      ('Directive "@onQuery" may not be used on FIELD.', '@onQuery#2'),
      ('Directive "@onQuery" may not be used on FRAGMENT_SPREAD.', '@onQuery#3'),
      ('Directive "@onQuery" may not be used on INLINE_FRAGMENT.', '@onQuery#4'),
      ('Directive "@onField" may not be used on FRAGMENT_DEFINITION.', '@onField'),
      ('Directive "@onQuery" may not be used on MUTATION.', '@onQuery#5'),
      ('Directive "@onField" may not be used on SUBSCRIPTION.', '@onField#2')]),
])

run('UniqueDirectivesPerLocationRuleTests', 'UniqueDirectivesPerLocation', [
 ('Different_directives_and_the_same_directive_in_different_places_are_valid', '''
fragment Test on Type @onFragmentDefinition {
  field @onField @include(if: true)
  a: field @onField
  b: field @onField
}
''', []),
 ('Repeatable_and_unknown_directives_may_repeat', '{ field @repeatable @repeatable @unknown @unknown }', []),
 ('A_repeated_directive_is_rejected', '{ field @onField @onField }',
  [('The directive "@onField" can only be used once at this location.', '@onField', '@onField#2')]),
 ('Each_repetition_is_reported_against_the_first', '{ field @onField @onField @onField }',
  [('The directive "@onField" can only be used once at this location.', '@onField', '@onField#2'), ('The directive "@onField" can only be used once at this location.', '@onField', '@onField#3')]),
 ('Repetitions_are_found_at_every_location', '''
query Q($v: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
  ...F @onFragmentSpread @onFragmentSpread
  ... @onInlineFragment @onInlineFragment { field }
}
fragment F on Type @onFragmentDefinition @onFragmentDefinition { field }
''', [('The directive "@onQuery" can only be used once at this location.', '@onQuery', '@onQuery#2'),
      ('The directive "@onVariableDefinition" can only be used once at this location.', '@onVariableDefinition', '@onVariableDefinition#2'),
      ('The directive "@onFragmentSpread" can only be used once at this location.', '@onFragmentSpread', '@onFragmentSpread#2'),
      ('The directive "@onInlineFragment" can only be used once at this location.', '@onInlineFragment', '@onInlineFragment#2'),
      ('The directive "@onFragmentDefinition" can only be used once at this location.', '@onFragmentDefinition', '@onFragmentDefinition#2')]),
 ('Spec_example_skip_twice_is_rejected', '''
query ($foo: Boolean = true, $bar: Boolean = false) {
  field @skip(if: $foo) @skip(if: $bar)
}
''', [('The directive "@skip" can only be used once at this location.', '@skip', '@skip#2')]),
])

run('KnownArgumentNamesRuleTests', 'KnownArgumentNames', [
 ('Known_arguments_in_any_order_are_valid', '''
fragment f on Dog { isAtLocation(y: 1, x: 2) doesKnowCommand(dogCommand: SIT) }
{ dog @include(if: true) { name } human(id: 4) { name(surname: true) } }
''', []),
 ('Arguments_of_unknown_fields_and_directives_are_not_reported', '''
fragment f on Dog { unknownField(unknownArg: 1) name @unknown(arg: 1) }
''', []),
 ('An_unknown_field_argument_is_rejected_with_suggestions', 'fragment f on Dog { doesKnowCommand(dogcommand: true) }',
  [('Unknown argument "dogcommand" on field "Dog.doesKnowCommand". Did you mean "dogCommand"?', 'dogcommand')]),
 ('An_unknown_argument_without_close_names_has_no_suggestion', 'fragment f on Dog { doesKnowCommand(unknown: true) }',
  [('Unknown argument "unknown" on field "Dog.doesKnowCommand".', 'unknown')]),
 ('A_misspelled_directive_argument_is_reported_once', '{ dog @skip(iff: true) { name } }',
  [('Unknown argument "iff" on directive "@skip". Did you mean "if"?', 'iff')]),
 ('Unknown_arguments_deep_inside_are_rejected', '''
{
  dog { doesKnowCommand(unknown: true) }
  human { pets { ... on Dog { doesKnowCommand(unknown: true) } } }
}
''', [('Unknown argument "unknown" on field "Dog.doesKnowCommand".', 'unknown'), ('Unknown argument "unknown" on field "Dog.doesKnowCommand".', 'unknown#2')]),
 ('Spec_example_undefined_argument_is_rejected', '''
fragment invalidArgName on Dog {
  doesKnowCommand(command: SIT)
}

fragment invalidArgName2 on Dog {
  isHouseTrained(atOtherHomes: true) @include(unless: false)
}
''', [('Unknown argument "command" on field "Dog.doesKnowCommand". Did you mean "dogCommand"?', 'command:'), ('Unknown argument "unless" on directive "@include".', 'unless')]),
])

run('UniqueArgumentNamesRuleTests', 'UniqueArgumentNames', [
 ('Distinct_arguments_are_valid', '{ field(arg1: "value", arg2: "value") @directive(arg1: "value", arg2: "value") }', []),
 ('The_same_argument_on_different_fields_and_directives_is_valid', '{ one: field(arg: "a") two: field(arg: "b") @directive(arg: 1) @other(arg: 2) }', []),
 ('A_duplicate_field_argument_is_rejected_at_every_occurrence', '{ field(arg1: "value", arg1: "value", arg1: "value") }',
  [('There can be only one argument named "arg1".', 'arg1', 'arg1#2', 'arg1#3')]),
 ('A_duplicate_directive_argument_is_rejected', '{ field @directive(arg1: "value", arg1: "value") }',
  [('There can be only one argument named "arg1".', 'arg1', 'arg1#2')]),
])

run('UniqueInputFieldNamesRuleTests', 'UniqueInputFieldNames', [
 ('Distinct_fields_and_nested_objects_are_valid', '{ field(arg: { f1: "value", f2: { f1: "value" }, f3: [{ f1: 1 }, { f1: 2 }] }) }', []),
 ('A_duplicate_input_field_is_rejected', '{ field(arg: { f1: "value", f1: "value" }) }',
  [('There can be only one input field named "f1".', 'f1', 'f1#2')]),
 ('Many_duplicates_are_each_reported_against_the_first', '{ field(arg: { f1: "value", f1: "value", f1: "value" }) }',
  [('There can be only one input field named "f1".', 'f1', 'f1#2'), ('There can be only one input field named "f1".', 'f1', 'f1#3')]),
 ('Duplicates_inside_a_nested_object_are_rejected', '{ field(arg: { f1: { f2: "value", f2: "value" } }) }',
  [('There can be only one input field named "f2".', 'f2', 'f2#2')]),
 ('Duplicates_in_variable_defaults_are_rejected', 'query Q($v: ComplexInput = { intField: 1, intField: 2 }) { __typename }',
  [('There can be only one input field named "intField".', 'intField', 'intField#2')]),
])
