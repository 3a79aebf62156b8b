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
    /// <summary>Response key → every field node with that key (merged later by the executor).</summary>
    public OrderedDictionary<string, List<FieldNode>> CollectFields(ObjectType objectType, SelectionSetNode selectionSet)
    {
        var grouped = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        Collect(objectType, selectionSet, grouped, new HashSet<string>(StringComparer.Ordinal));
        return grouped;
    }

    /// <summary>
    /// CollectSubfields: the selection sets of every merged field node, collected for the field's
    /// runtime object type. https://spec.graphql.org/October2021/#CollectSubfields()
    /// </summary>
    public OrderedDictionary<string, List<FieldNode>> CollectSubfields(ObjectType objectType, IReadOnlyList<FieldNode> fields)
    {
        var grouped = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
            if (field.SelectionSet is { } set)
                Collect(objectType, set, grouped, visited);
        return grouped;
    }

    private void Collect(ObjectType objectType, SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> grouped, HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives)) continue;
            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!grouped.TryGetValue(key, out var list)) grouped.Add(key, list = []);
                    list.Add(field);
                    break;

                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!visitedFragments.Add(name)) continue;
                    if (!fragments.TryGetValue(name, out var fragment)) continue;
                    if (!DoesFragmentTypeApply(objectType, fragment.TypeCondition.Name.Value)) continue;
                    Collect(objectType, fragment.SelectionSet, grouped, visitedFragments);
                    break;

                case InlineFragmentNode inline:
                    if (inline.TypeCondition is { } condition && !DoesFragmentTypeApply(objectType, condition.Name.Value)) continue;
                    Collect(objectType, inline.SelectionSet, grouped, visitedFragments);
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
    private bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var d in directives)
        {
            if (d.Name.Value == "skip" && IfArgument(d) == true) return false;
            if (d.Name.Value == "include" && IfArgument(d) == false) return false;
        }
        return true;
    }

    private bool? IfArgument(DirectiveNode directive)
    {
        var definition = directive.Name.Value == "skip" ? BuiltInDirectives.Skip : BuiltInDirectives.Include;
        var args = ArgumentCoercion.CoerceArgumentValues(definition.Arguments, directive, directive.Arguments, variables);
        return args.TryGetValue("if", out var v) ? v as bool? : null;
    }
}
