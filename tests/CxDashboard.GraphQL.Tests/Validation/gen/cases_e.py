run('OverlappingFieldsCanBeMergedRuleTests', 'OverlappingFieldsCanBeMerged', [
 ('Identical_fields_and_identical_aliases_are_valid', '''
fragment f on Dog { name name otherName: name otherName: name doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }
''', []),
 ('Different_directives_and_argument_order_in_objects_do_not_conflict', '''
fragment f on Dog { name @include(if: true) name @skip(if: false) }
{ complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 1 }) complexArgField(complexArg: { intField: 1, requiredField: true }) } }
''', []),
 ('Same_alias_for_different_fields_is_rejected', 'fragment sameAliasesWithDifferentFieldTargets on Dog { fido: name fido: nickname }',
  [('Fields "fido" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional.', 'fido', 'fido#2')]),
 ('An_alias_hiding_another_field_is_rejected', 'fragment aliasMaskingDirectFieldAccess on Dog { name: nickname name }',
  [('Fields "name" conflict because "nickname" and "name" are different fields. Use different aliases on the fields to fetch both if this was intentional.', 'name:', 'name#3')]),
 ('Different_arguments_are_rejected', '''
fragment conflictingArgs on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand(dogCommand: HEEL)
  isHouseTrained
  isHouseTrained(atOtherHomes: true)
}
''', [('Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.', 'doesKnowCommand', 'doesKnowCommand#2'),
      ('Fields "isHouseTrained" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.', 'isHouseTrained', 'isHouseTrained#2')]),
 ('Different_fields_on_different_object_types_may_share_an_alias', '''
fragment safeDifferingFields on Pet {
  ... on Dog { volume: barkVolume }
  ... on Cat { volume: meowsVolume }
}
fragment safeDifferingArgs on Pet {
  ... on Dog { doesKnowCommand(dogCommand: SIT) }
  ... on Cat { doesKnowCommand(catCommand: JUMP) }
}
''', []),
 ('Differing_return_shapes_conflict_even_on_different_object_types', '''
{ pet { ... on Dog { someValue: nickname } ... on Cat { someValue: meowsVolume } } }
''', [('Fields "someValue" conflict because they return conflicting types "String" and "Int". Use different aliases on the fields to fetch both if this was intentional.', 'someValue', 'someValue#2')]),
 ('Conflicts_through_fragments_are_found', '''
{ dog { ...A ...B } }
fragment A on Dog { x: name }
fragment B on Dog { x: barks }
''', [('Fields "x" conflict because "name" and "barks" are different fields. Use different aliases on the fields to fetch both if this was intentional.', 'x:', 'x:#2')]),
 ('Conflicts_between_fields_and_nested_fragments_are_found', '''
{ dog { x: name ...A } }
fragment A on Dog { ...B }
fragment B on Dog { x: nickname }
''', [('Fields "x" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional.', 'x:', 'x:#2')]),
 ('Deep_conflicts_report_the_subfields_and_every_field_on_the_way', '''
{
  dog { mother { x: name } }
  dog { mother { x: nickname } }
}
''', [('Fields "dog" conflict because subfields "mother" conflict because subfields "x" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional.',
       'dog', 'mother', 'x:', 'dog#2', 'mother#2', 'x:#2')]),
 ('Several_subfield_conflicts_are_joined_with_and', '''
{
  field: dog { x: name y: barks }
  field: dog { x: nickname y: barkVolume }
}
''', [('Fields "field" conflict because subfields "x" conflict because "name" and "nickname" are different fields and subfields "y" conflict because "barks" and "barkVolume" are different fields. Use different aliases on the fields to fetch both if this was intentional.',
       'field', 'x:', 'y:', 'field#2', 'x:#2', 'y:#2')]),
 ('List_and_non_list_types_conflict', '''
{ dogOrHuman { ... on Human { x: pets { name } } ... on Dog { x: mother { name } } } }
''', [('Fields "x" conflict because they return conflicting types "[Pet]" and "Dog". Use different aliases on the fields to fetch both if this was intentional.', 'x:', 'x:#2')]),
 ('Nullability_differences_conflict', '''
{ humanOrAlien { ... on Human { v: iq } ... on Alien { v: iq } } }
''', [('Fields "v" conflict because they return conflicting types "Int" and "Int!". Use different aliases on the fields to fetch both if this was intentional.', 'v:', 'v:#2')]),
 ('A_list_and_a_scalar_conflict', '''
{ humanOrAlien { ... on Human { n: relatives { name } } ... on Alien { n: homePlanet } } }
''', [('Fields "n" conflict because they return conflicting types "[Human]!" and "String". Use different aliases on the fields to fetch both if this was intentional.', 'n:', 'n:#2')]),
 ('Identical_list_types_in_one_selection_merge', '''
{ human { ... on Human { r: pets { name } } r: pets { name } } }
''', []),
 ('Fragment_cycles_do_not_loop', '''
{ dog { ...A } }
fragment A on Dog { x: name ...B }
fragment B on Dog { x: nickname ...A }
''', [('Fields "x" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional.', 'x:', 'x:#2'),
      ('Fields "x" conflict because "nickname" and "name" are different fields. Use different aliases on the fields to fetch both if this was intentional.', 'x:#2', 'x:')]),
 ('Spec_example_merging_identical_fields_is_valid', '''
fragment mergeIdenticalFields on Dog {
  name
  name
}

fragment mergeIdenticalAliasesAndFields on Dog {
  otherName: name
  otherName: name
}
''', []),
 ('Spec_example_conflicting_arguments_with_variables_are_rejected', '''
fragment conflictingArgsValueAndVar on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand(dogCommand: $dogCommand)
}

fragment conflictingArgsWithVars on Dog {
  doesKnowCommand(dogCommand: $varOne)
  doesKnowCommand(dogCommand: $varTwo)
}

fragment differingArgs on Dog {
  doesKnowCommand(dogCommand: SIT)
  doesKnowCommand
}
''', [('Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.', 'doesKnowCommand', 'doesKnowCommand#2'),
      ('Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.', 'doesKnowCommand#3', 'doesKnowCommand#4'),
      ('Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.', 'doesKnowCommand#5', 'doesKnowCommand#6')]),
])

run('AllRulesTogetherTests', 'all', [
 ('A_valid_document_passes_every_rule', '''
query Dogs($cmd: DogCommand = SIT, $withOwner: Boolean!) {
  dog {
    ...DogFields
    owner @include(if: $withOwner) { name pets { ... on Cat { meows } } }
  }
  catOrDog { __typename ... on Cat { furColor } }
}
fragment DogFields on Dog { name knows: doesKnowCommand(dogCommand: $cmd) mother { name } }
''', []),
 ('Errors_of_several_rules_come_in_document_order', '''
query Q($unused: Int) {
  dog { meows ...Missing }
  cat { name(surname: "yes") }
}
''', [('Cannot query field "meows" on type "Dog".', 'meows'), ('Unknown fragment "Missing".', 'Missing'),
      ('Boolean cannot represent a non boolean value: "yes"', '"yes"'),
      ('Variable "$unused" is never used in operation "Q".', '$unused')]),
])
