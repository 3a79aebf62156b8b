run('ExecutableDefinitionsRuleTests', 'ExecutableDefinitions', [
 ('Operations_and_fragments_are_executable', '''
query Foo { dog { name } }
fragment Frag on Dog { name }
''', []),
 ('Type_definitions_and_extensions_are_not_executable', '''
query Foo { dog { name } }
type Cow { name: String }
extend type Dog { color: String }
''', [('The "Cow" definition is not executable.', 'type Cow'), ('The "Dog" definition is not executable.', 'extend')]),
 ('A_schema_definition_is_reported_without_a_name', '''
schema { query: QueryRoot }
{ dog { name } }
''', [('The schema definition is not executable.', 'schema')]),
 ('Directive_definitions_are_not_executable', '''
directive @cow on FIELD
{ dog { name } }
''', [('The "cow" definition is not executable.', 'directive')]),
])

run('UniqueOperationNamesRuleTests', 'UniqueOperationNames', [
 ('A_lone_anonymous_operation_is_valid', '{ dog { name } }', []),
 ('Distinct_operation_names_are_valid', '''
query Foo { dog { name } }
query Bar { dog { name } }
''', []),
 ('An_operation_and_a_fragment_may_share_a_name', '''
query Foo { ...Foo }
fragment Foo on QueryRoot { dog { name } }
''', []),
 ('Two_queries_with_the_same_name_are_rejected', '''
query Foo { dog { name } }
query Foo { cat { name } }
''', [('There can be only one operation named "Foo".', 'Foo', 'Foo#2')]),
 ('Names_are_unique_across_operation_types', '''
query Foo { dog { name } }
mutation Foo { mutateDog { name } }
subscription Foo { newMessage { body } }
''', [('There can be only one operation named "Foo".', 'Foo', 'Foo#2'), ('There can be only one operation named "Foo".', 'Foo', 'Foo#3')]),
 ('Spec_example_two_getName_operations_are_rejected', '''
query getName { dog { name } }
query getName { dog { owner { name } } }
''', [('There can be only one operation named "getName".', 'getName', 'getName#2')]),
])

run('LoneAnonymousOperationRuleTests', 'LoneAnonymousOperation', [
 ('An_anonymous_operation_alone_is_valid', '''
{ dog { name } }
fragment F on Dog { name }
''', []),
 ('Several_named_operations_are_valid', '''
query A { dog { name } }
query B { cat { name } }
''', []),
 ('Two_anonymous_operations_are_both_reported', '''
{ dog { name } }
{ cat { name } }
''', [('This anonymous operation must be the only defined operation.', '{ dog'), ('This anonymous operation must be the only defined operation.', '{ cat')]),
 ('An_anonymous_operation_beside_a_named_mutation_is_reported', '''
{ dog { name } }
mutation Foo { mutateDog { name } }
''', [('This anonymous operation must be the only defined operation.', '{ dog')]),
 ('Spec_example_anonymous_query_with_named_query_is_rejected', '''
{
  dog {
    name
  }
}

query getName {
  dog {
    owner {
      name
    }
  }
}
''', [('This anonymous operation must be the only defined operation.', '1:1')]),
])

run('SingleFieldSubscriptionsRuleTests', 'SingleFieldSubscriptions', [
 ('One_root_field_is_valid', 'subscription ImportantEmails { importantEmails }', []),
 ('One_root_field_through_a_fragment_is_valid', '''
subscription sub { ...newMessageFields }
fragment newMessageFields on SubscriptionRoot { newMessage { body sender } }
''', []),
 ('A_field_skipped_by_a_literal_condition_is_not_counted', 'subscription Sub { importantEmails notImportantEmails @skip(if: true) }', []),
 ('Two_root_fields_are_rejected_at_the_second', 'subscription ImportantEmails { importantEmails notImportantEmails }',
  [('Subscription "ImportantEmails" must select only one top level field.', 'notImportantEmails')]),
 ('An_anonymous_subscription_lists_every_extra_field', 'subscription { importantEmails notImportantEmails spamEmails }',
  [('Anonymous Subscription must select only one top level field.', 'notImportantEmails', 'spamEmails')]),
 ('Extra_fields_inside_fragments_are_found', '''
subscription sub {
  ...multipleSubscriptions
}
fragment multipleSubscriptions on SubscriptionRoot {
  newMessage { body }
  disallowedSecondRootField: importantEmails
}
''', [('Subscription "sub" must select only one top level field.', 'disallowedSecondRootField')]),
 ('An_introspection_root_field_is_rejected', 'subscription sub { __typename }',
  [('Subscription "sub" must not select an introspection top level field.', '__typename')]),
 ('Spec_example_introspection_beside_a_field_gives_both_errors', '''
subscription sub {
  newMessage { body }
  __typename
}
''', [('Subscription "sub" must select only one top level field.', '__typename'), ('Subscription "sub" must not select an introspection top level field.', '__typename')]),
])

run('KnownTypeNamesRuleTests', 'KnownTypeNames', [
 ('Known_types_are_valid', '''
query Foo($var: String, $required: [Int!]!, $input: ComplexInput) {
  dog { ... on Pet { name } ...PetFields }
}
fragment PetFields on Pet { name }
''', []),
 ('Unknown_types_are_reported_with_suggestions', '''
query Foo($var: JumbledUpLetters) {
  dog { ... on Badger { name } ...PetFields }
}
fragment PetFields on Peat { name }
''', [('Unknown type "JumbledUpLetters".', 'JumbledUpLetters'), ('Unknown type "Badger".', 'Badger'), ('Unknown type "Peat". Did you mean "Pet" or "Cat"?', 'Peat')]),
 ('Wrapped_unknown_types_are_reported_at_the_name', 'query Foo($a: [Strin!]!) { dog { name } }',
  [('Unknown type "Strin". Did you mean "String"?', 'Strin')]),
 ('Type_names_are_case_sensitive', 'query Foo($a: string) { dog { name } }',
  [('Unknown type "string". Did you mean "String"?', 'string')]),
])

run('FragmentsOnCompositeTypesRuleTests', 'FragmentsOnCompositeTypes', [
 ('Object_interface_and_union_conditions_are_valid', '''
fragment onObject on Dog { barks }
fragment onInterface on Pet { name }
fragment onUnion on CatOrDog { __typename }
fragment inline on Pet { ... on Dog { barks } ... { name } }
''', []),
 ('A_fragment_on_a_scalar_is_rejected', 'fragment scalarFragment on Boolean { bad }',
  [('Fragment "scalarFragment" cannot condition on non composite type "Boolean".', 'Boolean')]),
 ('A_fragment_on_an_enum_is_rejected', 'fragment enumFragment on FurColor { bad }',
  [('Fragment "enumFragment" cannot condition on non composite type "FurColor".', 'FurColor')]),
 ('A_fragment_on_an_input_object_is_rejected', 'fragment inputFragment on ComplexInput { stringField }',
  [('Fragment "inputFragment" cannot condition on non composite type "ComplexInput".', 'ComplexInput')]),
 ('An_inline_fragment_on_a_scalar_is_rejected', 'fragment invalid on Dog { ... on Boolean { barks } }',
  [('Fragment cannot condition on non composite type "Boolean".', 'Boolean')]),
 ('Unknown_types_are_left_to_KnownTypeNames', 'fragment unknown on Unknown { x }', []),
])

run('VariablesAreInputTypesRuleTests', 'VariablesAreInputTypes', [
 ('Input_types_are_valid', 'query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput, $d: FurColor) { dog { name } }', []),
 ('Output_types_are_rejected_at_the_type', 'query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }',
  [('Variable "$a" cannot be non-input type "Dog".', 'Dog'), ('Variable "$b" cannot be non-input type "[[CatOrDog!]]!".', '[['), ('Variable "$c" cannot be non-input type "Pet".', 'Pet')]),
 ('Spec_example_object_type_variable_is_rejected', 'query takesCat($cat: Cat) { dog { name } }',
  [('Variable "$cat" cannot be non-input type "Cat".', 'Cat)')]),
])

run('ScalarLeafsRuleTests', 'ScalarLeafs', [
 ('Scalar_and_enum_fields_without_selection_are_valid', 'fragment scalarSelection on Dog { barks furColor: name }', []),
 ('An_object_field_without_selection_is_rejected', 'query directQueryOnObjectWithoutSubFields { human }',
  [('Field "human" of type "Human" must have a selection of subfields. Did you mean "human { ... }"?', 'human')]),
 ('An_interface_field_without_selection_is_rejected', '{ pet }',
  [('Field "pet" of type "Pet" must have a selection of subfields. Did you mean "pet { ... }"?', 'pet')]),
 ('A_wrapped_list_type_is_shown_in_full', '{ human { relatives } }',
  [('Field "relatives" of type "[Human]!" must have a selection of subfields. Did you mean "relatives { ... }"?', 'relatives')]),
 ('A_selection_on_a_scalar_is_rejected_at_the_selection_set', 'fragment f on Dog { barks { sinceWhen } }',
  [('Field "barks" must not have a selection since type "Boolean" has no subfields.', '{ sinceWhen')]),
 ('A_selection_on_an_enum_is_rejected', 'fragment f on Cat { furColor { inHexDec } }',
  [('Field "furColor" must not have a selection since type "FurColor" has no subfields.', '{ inHexDec')]),
 ('A_selection_on_a_scalar_with_arguments_is_rejected', 'fragment f on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }',
  [('Field "doesKnowCommand" must not have a selection since type "Boolean" has no subfields.', '{ sinceWhen')]),
])

run('FieldsOnCorrectTypeRuleTests', 'FieldsOnCorrectType', [
 ('Known_fields_aliases_and_typename_are_valid', '''
fragment f on Dog { name otherName: name __typename ... on Pet { name } }
fragment u on CatOrDog { __typename ... on Dog { barks } }
{ __schema { __typename } __type(name: "Dog") { __typename } }
''', []),
 ('An_unknown_field_is_rejected', 'fragment f on Dog { meowVolume }',
  [('Cannot query field "meowVolume" on type "Dog". Did you mean "barkVolume"?', 'meowVolume')]),
 ('An_unknown_aliased_field_is_reported_at_the_alias', 'fragment f on Dog { tname: kittenNames }',
  [('Cannot query field "kittenNames" on type "Dog".', 'tname')]),
 ('Nested_unknown_fields_are_not_reported_below_an_unknown_field', 'fragment f on Dog { unknown_field { deeper_unknown_field } }',
  [('Cannot query field "unknown_field" on type "Dog".', 'unknown_field')]),
 ('A_field_on_an_interface_suggests_the_implementations_that_have_it', 'fragment f on Pet { meows }',
  [('Cannot query field "meows" on type "Pet". Did you mean to use an inline fragment on "Cat"?', 'meows')]),
 ('Fields_on_a_union_other_than_typename_are_rejected', 'fragment f on CatOrDog { name }',
  [('Cannot query field "name" on type "CatOrDog". Did you mean to use an inline fragment on "Pet", "Canine", "Cat", or "Dog"?', 'name')]),
 ('Suggested_types_are_ordered_by_how_many_possible_types_use_them', 'fragment f on Mammal { barks }',
  [('Cannot query field "barks" on type "Mammal". Did you mean to use an inline fragment on "Dog"?', 'barks')]),
 ('Spec_example_fields_not_on_the_type_are_rejected', '''
fragment fieldNotDefined on Dog {
  meowVolume
}

fragment aliasedLyingFieldTargetNotDefined on Dog {
  barkVolume: kawVolume
}
''', [('Cannot query field "meowVolume" on type "Dog". Did you mean "barkVolume"?', 'meowVolume'), ('Cannot query field "kawVolume" on type "Dog". Did you mean "barkVolume"?', 'barkVolume:')]),
 ('The_introspection_root_fields_exist_only_on_the_query_root', 'fragment f on Dog { __schema { __typename } }',
  [('Cannot query field "__schema" on type "Dog".', '__schema')]),
])
