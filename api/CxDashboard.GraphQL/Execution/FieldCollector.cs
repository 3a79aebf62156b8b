using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// CollectFields(objectType, selectionSet, variableValues, visitedFragments): groups the selections
/// that apply to an object type by response key, in selection order, honouring @skip and @include.
/// "Before execution, the selection set is converted to a grouped field set by calling CollectFields()."
/// https://spec.graphql.org/October2021/#CollectFields()
/// </summary>
internal sealed class FieldCollector(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    IReadOnlyDictionary<string, object?> variables)
{
    /// <summary>The grouped field set of <paramref name="selectionSet"/> for <paramref name="objectType"/>.</summary>
    public GroupedFieldSet CollectFields(ObjectType objectType, SelectionSetNode selectionSet)
    {
        var collection = new Collection();
        Collect(objectType, selectionSet, collection);
        return collection.ToFieldSet(schema, objectType);
    }

    /// <summary>
    /// CollectSubfields: the selection sets of every merged field node, collected for the field's
    /// runtime object type. https://spec.graphql.org/October2021/#CollectSubfields()
    /// </summary>
    public GroupedFieldSet CollectSubfields(ObjectType objectType, IReadOnlyList<FieldNode> fields)
    {
        var collection = new Collection();
        foreach (var field in fields)
            if (field.SelectionSet is { } set)
                Collect(objectType, set, collection);
        return collection.ToFieldSet(schema, objectType);
    }

    /// <summary>Response key → every field node with that key, in first-occurrence order; fragments visited.</summary>
    private sealed class Collection
    {
        public readonly OrderedDictionary<string, List<FieldNode>> Grouped = new(StringComparer.Ordinal);
        public readonly HashSet<string> VisitedFragments = new(StringComparer.Ordinal);
        public readonly List<(string Name, bool Present, object? Value)> Conditions = [];

        public GroupedFieldSet ToFieldSet(Schema schema, ObjectType objectType)
        {
            var fields = new CollectedField[Grouped.Count];
            var i = 0;
            foreach (var (key, nodes) in Grouped)
                fields[i++] = new CollectedField(key, nodes, schema.GetFieldDefinition(objectType, nodes[0].Name.Value));
            return new GroupedFieldSet(fields, [.. Conditions]);
        }
    }

    private void Collect(ObjectType objectType, SelectionSetNode selectionSet, Collection collection)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives, collection)) continue;
            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!collection.Grouped.TryGetValue(key, out var list)) collection.Grouped.Add(key, list = []);
                    list.Add(field);
                    break;

                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!collection.VisitedFragments.Add(name)) continue;
                    if (!fragments.TryGetValue(name, out var fragment)) continue;
                    if (!DoesFragmentTypeApply(objectType, fragment.TypeCondition.Name.Value)) continue;
                    Collect(objectType, fragment.SelectionSet, collection);
                    break;

                case InlineFragmentNode inline:
                    if (inline.TypeCondition is { } condition && !DoesFragmentTypeApply(objectType, condition.Name.Value)) continue;
                    Collect(objectType, inline.SelectionSet, collection);
                    break;
            }
        }
    }

    /// <summary>
    /// "If fragmentType is an Object Type: if objectType and fragmentType are the same type, return true …
    /// If fragmentType is an Interface Type: if objectType is an implementation of fragmentType, return true …
    /// If fragmentType is a Union: if objectType is a possible type of fragmentType, return true."
    /// https://spec.graphql.org/October2021/#DoesFragmentTypeApply()
    /// </summary>
    private bool DoesFragmentTypeApply(ObjectType objectType, string typeName) => schema.GetType(typeName) switch
    {
        ObjectType o => o.Name == objectType.Name,
        InterfaceType i => objectType.Implements(i) || schema.IsPossibleType(i, objectType),
        UnionType u => u.Types.Exists(t => t.Name == objectType.Name),
        _ => false,
    };

    /// <summary>
    /// "If selection provides the directive @skip, let skipDirective be that directive. If skipDirective's
    /// if argument is true or is a variable in variableValues with the value true, continue with the next selection."
    /// https://spec.graphql.org/October2021/#sec--skip
    /// </summary>
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, Collection collection)
    {
        foreach (var d in directives)
        {
            if (d.Name.Value == "skip" && IfArgument(d, collection) == true) return false;
            if (d.Name.Value == "include" && IfArgument(d, collection) == false) return false;
        }
        return true;
    }

    private bool? IfArgument(DirectiveNode directive, Collection collection)
    {
        foreach (var argument in directive.Arguments)
            if (argument.Value is VariableNode variable)
            {
                // the set is only reused while this variable keeps the value it has now
                var present = variables.TryGetValue(variable.Name.Value, out var value);
                collection.Conditions.Add((variable.Name.Value, present, value));
            }
        var definition = directive.Name.Value == "skip" ? BuiltInDirectives.Skip : BuiltInDirectives.Include;
        var args = ArgumentCoercion.CoerceArgumentValues(definition.Arguments, directive, directive.Arguments, variables);
        return args.TryGetValue("if", out var v) ? v as bool? : null;
    }
}
