using System.Text;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "If multiple field selections with the same response names are encountered during execution, the field
/// and arguments to execute and the resulting value should be unambiguous."
/// https://spec.graphql.org/October2021/#sec-Field-Selection-Merging
/// FieldsInSetCanMerge / SameResponseShape, computed as graphql-js does to stay polynomial: each selection
/// set's fields are compared "within" once (when the walker reaches it); everything else is a comparison
/// "between" two field sets. The collected fields of every selection set are cached, and each pair of
/// fragments is compared at most once per exclusivity (a fragment pulled in by many spreads, or by a cycle,
/// is not re-expanded).
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private readonly PairSet _comparedFragmentPairs = new();
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = new(ReferenceEqualityComparer.Instance);

    public override void EnterSelectionSet(SelectionSetNode node)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = GetFieldsAndFragmentNames(Context.TypeInfo.ParentType, node);

        // (A) conflicts within this selection set's own fields: the only "within" comparison.
        CollectConflictsWithin(conflicts, fieldMap);

        if (fragmentNames.Count > 0)
        {
            var discovered = new List<(string Fragment, string Referenced)>();
            for (var i = 0; i < fragmentNames.Count; i++)
            {
                // (B) these fields against each spread fragment's fields.
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i], discovered);
                // (C) each spread fragment against the others spread here.
                for (var j = i + 1; j < fragmentNames.Count; j++)
                    CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
            ProcessDiscoveredFragments(conflicts, false, fieldMap, discovered);
        }

        foreach (var c in conflicts)
            Context.ReportError(ValidationErrors.FieldsConflict(c.ResponseName, c.Reason, c.Fields1, c.Fields2));
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool mutuallyExclusive,
        FieldMap fieldMap, string fragmentName, List<(string, string)> discovered)
    {
        if (Context.GetFragment(fragmentName) is not { } fragment) return;
        var (fieldMap2, referenced) = GetReferencedFieldsAndFragmentNames(fragment);
        if (ReferenceEquals(fieldMap, fieldMap2)) return; // never compare a fragment's fields with themselves

        // (D) the fields against the fragment's fields.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap, fieldMap2);
        // (E) the fragments the fragment spreads are compared later, each pair once.
        foreach (var r in referenced) discovered.Add((fragmentName, r));
    }

    private void ProcessDiscoveredFragments(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap,
        List<(string Fragment, string Referenced)> discovered)
    {
        while (discovered.Count > 0)
        {
            var (fragmentName, referenced) = discovered[^1];
            discovered.RemoveAt(discovered.Count - 1);
            if (_comparedFragmentPairs.Has(referenced, fragmentName, mutuallyExclusive)) continue;
            _comparedFragmentPairs.Add(referenced, fragmentName, mutuallyExclusive);
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap, referenced, discovered);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string name1, string name2)
    {
        if (name1 == name2) return;
        if (_comparedFragmentPairs.Has(name1, name2, mutuallyExclusive)) return;
        _comparedFragmentPairs.Add(name1, name2, mutuallyExclusive);

        if (Context.GetFragment(name1) is not { } fragment1 || Context.GetFragment(name2) is not { } fragment2) return;
        var (fieldMap1, referenced1) = GetReferencedFieldsAndFragmentNames(fragment1);
        var (fieldMap2, referenced2) = GetReferencedFieldsAndFragmentNames(fragment2);

        // (F) the two fragments' own fields.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        // (G) each fragment against the fragments the other spreads.
        foreach (var r2 in referenced2) CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, r2);
        foreach (var r1 in referenced1) CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, r1, name2);
    }

    /// <summary>Conflicts between the sub-selections of two fields with the same response name.</summary>
    private List<Conflict> FindConflictsBetweenSubSelectionSets(bool mutuallyExclusive,
        NamedType? parentType1, SelectionSetNode set1, NamedType? parentType2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragmentNames(parentType1, set1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragmentNames(parentType2, set2);

        // (H) the two field sets.
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);

        // (I) each field set against the fragments spread in the other.
        var discovered = new List<(string, string)>();
        foreach (var f2 in fragmentNames2) CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap1, f2, discovered);
        ProcessDiscoveredFragments(conflicts, mutuallyExclusive, fieldMap1, discovered);
        foreach (var f1 in fragmentNames1) CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap2, f1, discovered);
        ProcessDiscoveredFragments(conflicts, mutuallyExclusive, fieldMap2, discovered);

        // (J) the fragments spread in one against those spread in the other.
        foreach (var f1 in fragmentNames1)
            foreach (var f2 in fragmentNames2)
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, f1, f2);
        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        foreach (var (responseName, fields) in fieldMap)
            for (var i = 0; i < fields.Count; i++)
                for (var j = i + 1; j < fields.Count; j++)
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } c) conflicts.Add(c);
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentsMutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        foreach (var (responseName, fields1) in fieldMap1)
        {
            if (!fieldMap2.TryGetValue(responseName, out var fields2)) continue;
            foreach (var f1 in fields1)
                foreach (var f2 in fields2)
                    if (FindConflict(parentsMutuallyExclusive, responseName, f1, f2) is { } c) conflicts.Add(c);
        }
    }

    /// <summary>SameResponseShape and, unless the parents are distinct object types, same field and arguments.</summary>
    private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseName, FieldAndDef field1, FieldAndDef field2)
    {
        // Fields of two different object types never apply to the same object, so they may differ.
        var mutuallyExclusive = parentsMutuallyExclusive
            || (field1.ParentType is ObjectType p1 && field2.ParentType is ObjectType p2 && !TypeRelations.SameNamed(p1, p2));
        var node1 = field1.Node;
        var node2 = field2.Node;

        if (!mutuallyExclusive)
        {
            if (node1.Name.Value != node2.Name.Value)
                return Conflict.Of(responseName, ValidationErrors.DifferentFieldsReason(node1.Name.Value, node2.Name.Value), node1, node2);
            if (!SameArguments(node1.Arguments, node2.Arguments))
                return Conflict.Of(responseName, ValidationErrors.DifferingArgumentsReason, node1, node2);
        }

        var type1 = field1.Def?.Type;
        var type2 = field2.Def?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
            return Conflict.Of(responseName, ValidationErrors.ConflictingTypesReason(type1, type2), node1, node2);

        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var sub = FindConflictsBetweenSubSelectionSets(mutuallyExclusive, type1?.NamedType, set1, type2?.NamedType, set2);
            if (sub.Count > 0)
                return new Conflict(responseName, new ConflictReason(null, sub.Select(c => (c.ResponseName, c.Reason)).ToList()),
                    [node1, .. sub.SelectMany(c => c.Fields1)], [node2, .. sub.SelectMany(c => c.Fields2)]);
        }
        return null;
    }

    /// <summary>List and non-null wrappers must match, and leaf types must be the same type.</summary>
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2) => (type1, type2) switch
    {
        (ListType l1, ListType l2) => DoTypesConflict(l1.OfType, l2.OfType),
        (ListType, _) or (_, ListType) => true,
        (NonNullType n1, NonNullType n2) => DoTypesConflict(n1.OfType, n2.OfType),
        (NonNullType, _) or (_, NonNullType) => true,
        (NamedType a, NamedType b) when a.IsLeafType || b.IsLeafType => !TypeRelations.SameNamed(a, b),
        _ => false,
    };

    private static bool SameArguments(IReadOnlyList<ArgumentNode> args1, IReadOnlyList<ArgumentNode> args2)
    {
        if (args1.Count != args2.Count) return false;
        foreach (var a1 in args1)
        {
            var a2 = args2.FirstOrDefault(a => a.Name.Value == a1.Name.Value);
            if (a2 is null || Canonical(a1.Value) != Canonical(a2.Value)) return false;
        }
        return true;
    }

    /// <summary>A value printed with object fields in name order, so <c>{a: 1, b: 2}</c> equals <c>{b: 2, a: 1}</c>.</summary>
    private static string Canonical(ValueNode value)
    {
        var sb = new StringBuilder();
        Write(value);
        return sb.ToString();

        void Write(ValueNode v)
        {
            switch (v)
            {
                case ListValueNode l:
                    sb.Append('[');
                    for (var i = 0; i < l.Values.Count; i++) { if (i > 0) sb.Append(", "); Write(l.Values[i]); }
                    sb.Append(']');
                    break;
                case ObjectValueNode o:
                    sb.Append('{');
                    var first = true;
                    foreach (var f in o.Fields.OrderBy(f => f.Name.Value, Comparer<string>.Create(Suggestions.NaturalCompare)))
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        sb.Append(f.Name.Value).Append(": ");
                        Write(f.Value);
                    }
                    sb.Append('}');
                    break;
                default:
                    sb.Append(Printer.Print(v));
                    break;
            }
        }
    }

    private FieldsAndFragments GetFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode set)
    {
        if (_cache.TryGetValue(set, out var cached)) return cached;
        var fieldMap = new FieldMap();
        var fragmentNames = new List<string>();
        var seenFragments = new HashSet<string>(StringComparer.Ordinal);
        Collect(parentType, set);
        var result = new FieldsAndFragments(fieldMap, fragmentNames);
        _cache[set] = result;
        return result;

        void Collect(NamedType? type, SelectionSetNode s)
        {
            foreach (var selection in s.Selections)
                switch (selection)
                {
                    case FieldNode field:
                        var def = type is ComplexType c ? c.GetField(field.Name.Value) : null;
                        if (!fieldMap.TryGetValue(field.ResponseKey, out var list)) fieldMap[field.ResponseKey] = list = [];
                        list.Add(new FieldAndDef(type, field, def));
                        break;
                    case FragmentSpreadNode spread:
                        if (seenFragments.Add(spread.Name.Value)) fragmentNames.Add(spread.Name.Value);
                        break;
                    case InlineFragmentNode inline:
                        Collect(inline.TypeCondition is { } t ? TypeRelations.FromAst(Context.Schema, t) : type, inline.SelectionSet);
                        break;
                }
        }
    }

    private FieldsAndFragments GetReferencedFieldsAndFragmentNames(FragmentDefinitionNode fragment) =>
        _cache.TryGetValue(fragment.SelectionSet, out var cached)
            ? cached
            : GetFieldsAndFragmentNames(TypeRelations.FromAst(Context.Schema, fragment.TypeCondition), fragment.SelectionSet);

    /// <summary>Response name → the fields (with parent type and definition) selected under it, in document order.</summary>
    private sealed class FieldMap : OrderedDictionary<string, List<FieldAndDef>>
    {
        public FieldMap() : base(StringComparer.Ordinal) { }
    }

    private readonly record struct FieldAndDef(NamedType? ParentType, FieldNode Node, FieldDefinition? Def);

    private readonly record struct FieldsAndFragments(FieldMap Fields, List<string> FragmentNames);

    private sealed record Conflict(string ResponseName, ConflictReason Reason, List<FieldNode> Fields1, List<FieldNode> Fields2)
    {
        public static Conflict Of(string responseName, string reason, FieldNode node1, FieldNode node2) =>
            new(responseName, new ConflictReason(reason, null), [node1], [node2]);
    }

    /// <summary>Unordered pairs of fragment names, remembering whether they were compared as mutually exclusive.</summary>
    private sealed class PairSet
    {
        private readonly Dictionary<(string, string), bool> _data = new();

        public bool Has(string a, string b, bool mutuallyExclusive)
        {
            if (!_data.TryGetValue(Key(a, b), out var storedExclusive)) return false;
            // Compared as not exclusive covers the exclusive case too, not the reverse.
            return mutuallyExclusive || !storedExclusive;
        }

        public void Add(string a, string b, bool mutuallyExclusive) => _data[Key(a, b)] = mutuallyExclusive;

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
    }
}
