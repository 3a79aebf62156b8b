run('UniqueFragmentNamesRuleTests', 'UniqueFragmentNames', [
 ('Distinct_fragment_names_are_valid', '''
{ dog { ...A ...B } }
fragment A on Dog { name }
fragment B on Dog { barks }
''', []),
 ('A_fragment_and_an_operation_may_share_a_name', '''
query Foo { dog { ...Foo } }
fragment Foo on Dog { name }
''', []),
 ('Two_fragments_with_the_same_name_are_rejected', '''
{ dog { ...fragA } }
fragment fragA on Dog { name }
fragment fragA on Dog { barks }
''', [('There can be only one fragment named "fragA".', 'fragA#2', 'fragA#3')]),
 ('Each_further_duplicate_is_reported_against_the_first', '''
fragment fragA on Dog { name }
fragment fragA on Dog { barks }
fragment fragA on Dog { nickname }
''', [('There can be only one fragment named "fragA".', 'fragA', 'fragA#2'), ('There can be only one fragment named "fragA".', 'fragA', 'fragA#3')]),
])

run('KnownFragmentNamesRuleTests', 'KnownFragmentNames', [
 ('Spreads_of_defined_fragments_are_valid', '''
{ human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
fragment HumanFields1 on Human { name ...HumanFields3 }
fragment HumanFields2 on Human { name }
fragment HumanFields3 on Human { name }
''', []),
 ('Spreads_of_undefined_fragments_are_reported_at_the_name', '''
{ human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } }
fragment HumanFields on Human { name ...UnknownFragment3 }
''', [('Unknown fragment "UnknownFragment1".', 'UnknownFragment1'), ('Unknown fragment "UnknownFragment2".', 'UnknownFragment2'), ('Unknown fragment "UnknownFragment3".', 'UnknownFragment3')]),
 ('Spec_example_undefined_fragment_is_rejected', '''
{
  dog {
    ...undefinedFragment
  }
}
''', [('Unknown fragment "undefinedFragment".', 'undefinedFragment')]),
])

run('NoUnusedFragmentsRuleTests', 'NoUnusedFragments', [
 ('Fragments_used_directly_or_through_other_fragments_are_valid', '''
{ human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
fragment HumanFields1 on Human { name ...HumanFields3 }
fragment HumanFields2 on Human { name }
fragment HumanFields3 on Human { name }
''', []),
 ('Fragments_used_by_any_of_several_operations_are_valid', '''
query Foo { human(id: 4) { ...HumanFields1 } }
query Bar { human(id: 4) { ...HumanFields2 } }
fragment HumanFields1 on Human { name }
fragment HumanFields2 on Human { name }
''', []),
 ('Unused_fragments_are_reported_at_their_definition', '''
query Foo { human(id: 4) { ...HumanFields1 } }
fragment HumanFields1 on Human { name }
fragment Unused1 on Human { name }
fragment Unused2 on Human { name }
''', [('Fragment "Unused1" is never used.', 'fragment Unused1'), ('Fragment "Unused2" is never used.', 'fragment Unused2')]),
 ('Fragments_used_only_by_unused_fragments_are_unused', '''
query Foo { human(id: 4) { ...HumanFields1 } }
fragment HumanFields1 on Human { name }
fragment Unused1 on Human { name ...Unused2 }
fragment Unused2 on Human { name ...Unused1 }
''', [('Fragment "Unused1" is never used.', 'fragment Unused1'), ('Fragment "Unused2" is never used.', 'fragment Unused2')]),
 ('Spec_example_unused_fragment_is_rejected', '''
fragment nameFragment on Dog {
  name
}

{
  dog {
    name
  }
}
''', [('Fragment "nameFragment" is never used.', 'fragment')]),
])

run('PossibleFragmentSpreadsRuleTests', 'PossibleFragmentSpreads', [
 ('Spreads_that_can_apply_are_valid', '''
fragment objectWithinObject on Dog { ...dogFragment }
fragment abstractWithinObject on Dog { ...petFragment }
fragment objectWithinAbstract on Pet { ...dogFragment }
fragment unionWithinInterface on Pet { ...catOrDogFragment }
fragment interfaceWithinUnion on CatOrDog { ...petFragment }
fragment inlineWithinUnion on CatOrDog { ... on Dog { barks } }
fragment noCondition on Dog { ... { name } }
fragment dogFragment on Dog { barkVolume }
fragment petFragment on Pet { name }
fragment catOrDogFragment on CatOrDog { __typename }
''', []),
 ('An_object_spread_into_another_object_is_rejected', '''
fragment invalidObjectWithinObject on Cat { ...dogFragment }
fragment dogFragment on Dog { barkVolume }
''', [('Fragment "dogFragment" cannot be spread here as objects of type "Cat" can never be of type "Dog".', '...dogFragment')]),
 ('An_inline_fragment_of_another_object_is_rejected', 'fragment invalid on Cat { ... on Dog { barkVolume } }',
  [('Fragment cannot be spread here as objects of type "Cat" can never be of type "Dog".', '... on Dog')]),
 ('A_union_spread_into_an_unrelated_interface_is_rejected', '''
fragment invalid on Sentient { ...catOrDogFragment }
fragment catOrDogFragment on CatOrDog { __typename }
''', [('Fragment "catOrDogFragment" cannot be spread here as objects of type "Sentient" can never be of type "CatOrDog".', '...cat')]),
 ('Disjoint_unions_are_rejected', '''
fragment invalid on CatOrDog { ...humanOrAlienFragment }
fragment humanOrAlienFragment on HumanOrAlien { __typename }
''', [('Fragment "humanOrAlienFragment" cannot be spread here as objects of type "CatOrDog" can never be of type "HumanOrAlien".', '...human')]),
 ('Spec_example_overlapping_unions_are_valid', '''
fragment unionWithInterface on Pet { ...dogOrHumanFragment }
fragment dogOrHumanFragment on DogOrHuman { ... on Dog { barkVolume } }
fragment interfaceWithinInterface on Pet { ... on Canine { name } }
''', []),
 ('Spec_example_sentient_within_dog_is_rejected', '''
fragment sentientFragment on Sentient {
  ... on Dog {
    barkVolume
  }
}

fragment humanOrAlienFragment on HumanOrAlien {
  ... on Cat {
    meowsVolume
  }
}
''', [('Fragment cannot be spread here as objects of type "Sentient" can never be of type "Dog".', '... on Dog'), ('Fragment cannot be spread here as objects of type "HumanOrAlien" can never be of type "Cat".', '... on Cat')]),
 ('Unknown_fragments_and_types_are_left_to_other_rules', 'fragment f on Dog { ...Unknown ... on Unknown { name } }', []),
])

run('NoFragmentCyclesRuleTests', 'NoFragmentCycles', [
 ('Spreading_twice_or_in_a_chain_is_valid', '''
fragment fragA on Dog { ...fragB ...fragB }
fragment fragB on Dog { ...fragC }
fragment fragC on Dog { name }
''', []),
 ('Spreading_the_same_fragment_in_sibling_fields_is_valid', '''
fragment nameFragment on Pet { ... on Dog { name } ... on Cat { name } }
fragment atop on Dog { mother { ...nameFragment } father { ...nameFragment } }
''', []),
 ('Spreading_itself_is_rejected', 'fragment fragA on Dog { ...fragA }',
  [('Cannot spread fragment "fragA" within itself.', '...fragA')]),
 ('Spreading_itself_deep_inside_is_rejected', 'fragment fragA on Dog { mother { ... on Dog { ...fragA } } }',
  [('Cannot spread fragment "fragA" within itself.', '...fragA')]),
 ('A_two_fragment_cycle_is_reported_once', '''
fragment fragA on Dog { ...fragB }
fragment fragB on Dog { ...fragA }
''', [('Cannot spread fragment "fragA" within itself via "fragB".', '...fragB', '...fragA')]),
 ('A_long_cycle_names_every_fragment_on_the_way', '''
fragment fragA on Dog { ...fragB }
fragment fragB on Dog { ...fragC }
fragment fragC on Dog { ...fragO }
fragment fragX on Dog { ...fragY }
fragment fragY on Dog { ...fragZ }
fragment fragZ on Dog { ...fragO }
fragment fragO on Dog { ...fragP }
fragment fragP on Dog { ...fragA, ...fragX }
''', [('Cannot spread fragment "fragA" within itself via "fragB", "fragC", "fragO", "fragP".', '...fragB', '...fragC', '...fragO', '...fragP', '...fragA'),
      ('Cannot spread fragment "fragO" within itself via "fragP", "fragX", "fragY", "fragZ".', '...fragP', '...fragX', '...fragY', '...fragZ', '...fragO#2')]),
 ('Spec_example_mutual_recursion_is_rejected', '''
{
  dog {
    ...nameFragment
  }
}

fragment nameFragment on Dog {
  name
  ...barkVolumeFragment
}

fragment barkVolumeFragment on Dog {
  barkVolume
  ...nameFragment
}
''', [('Cannot spread fragment "nameFragment" within itself via "barkVolumeFragment".', '...barkVolumeFragment', '...nameFragment#2')]),
 ('Unknown_fragments_do_not_break_the_search', 'fragment fragA on Dog { ...unknown ...fragA }',
  [('Cannot spread fragment "fragA" within itself.', '...fragA')]),
])

run('UniqueVariableNamesRuleTests', 'UniqueVariableNames', [
 ('Distinct_variables_are_valid', 'query A($x: Int, $y: String) { __typename }', []),
 ('Duplicates_are_reported_once_per_name_at_every_definition', '''
query A($x: Int, $x: Int, $x: String) { __typename }
query B($y: String, $y: Int) { __typename }
query C($z: Int, $z: Int) { __typename }
''', [('There can be only one variable named "$x".', 'x', 'x#2', 'x#3'), ('There can be only one variable named "$y".', 'y: String', 'y: Int'), ('There can be only one variable named "$z".', 'z', 'z#2')]),
 ('Operations_may_reuse_each_others_names', '''
query A($x: Int) { __typename }
query B($x: Int) { __typename }
''', []),
])
