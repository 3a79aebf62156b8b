using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Subscription operations must have exactly one root field."
/// https://spec.graphql.org/October2021/#sec-Single-root-field
/// Root fields are collected as execution collects them (fragments followed, @skip/@include with literal
/// conditions applied; a condition given by a variable counts as included, since no values are known yet).
/// </summary>
public sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || Context.Schema.SubscriptionType is not { } root) return;
        var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        Collect(root, node.SelectionSet, fields, order, new HashSet<string>(StringComparer.Ordinal));

        var name = node.Name?.Value;
        if (order.Count > 1)
            Context.ReportError(ValidationErrors.SubscriptionNotSingleField(name, order.Skip(1).SelectMany(k => fields[k])));
        foreach (var key in order)
        {
            var fieldNodes = fields[key];
            if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                Context.ReportError(ValidationErrors.SubscriptionIntrospectionField(name, fieldNodes));
        }
    }

    private void Collect(ObjectType type, SelectionSetNode set, Dictionary<string, List<FieldNode>> fields,
        List<string> order, HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            if (!IsIncluded(selection)) continue;
            switch (selection)
            {
                case FieldNode field:
                    if (!fields.TryGetValue(field.ResponseKey, out var list))
                    {
                        fields[field.ResponseKey] = list = [];
                        order.Add(field.ResponseKey);
                    }
                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(inline.TypeCondition, type))
                        Collect(type, inline.SelectionSet, fields, order, visitedFragments);
                    break;
                case FragmentSpreadNode spread:
                    if (!visitedFragments.Add(spread.Name.Value)) continue;
                    if (Context.GetFragment(spread.Name.Value) is { } fragment && Applies(fragment.TypeCondition, type))
                        Collect(type, fragment.SelectionSet, fields, order, visitedFragments);
                    break;
            }
        }
    }

    private bool Applies(NamedTypeNode condition, ObjectType type) =>
        TypeRelations.FromAst(Context.Schema, condition) is { } t
        && (TypeRelations.SameNamed(t, type) || (t.IsAbstractType && Context.Schema.IsSubType(t, type)));

    private static bool IsIncluded(SelectionNode selection)
    {
        foreach (var d in selection.Directives)
        {
            var condition = d.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value;
            if (d.Name.Value == "skip" && condition is BooleanValueNode { Value: true }) return false;
            if (d.Name.Value == "include" && condition is BooleanValueNode { Value: false }) return false;
        }
        return true;
    }
}
