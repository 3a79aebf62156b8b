using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "A fragment spread is only valid if its type condition could ever possibly be true: if there is a way
/// for the object to be of both the fragment's type and the parent type."
/// https://spec.graphql.org/October2021/#sec-Fragment-spread-is-possible
/// </summary>
public sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        if (Context.TypeInfo.Type is NamedType { IsCompositeType: true } fragmentType
            && Context.TypeInfo.ParentType is { IsCompositeType: true } parentType
            && !TypeRelations.DoTypesOverlap(Context.Schema, fragmentType, parentType))
            Context.ReportError(ValidationErrors.ImpossibleInlineSpread(node, parentType, fragmentType));
    }

    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        if (Context.GetFragment(node.Name.Value) is not { } fragment
            || TypeRelations.FromAst(Context.Schema, fragment.TypeCondition) is not { IsCompositeType: true } fragmentType
            || Context.TypeInfo.ParentType is not { } parentType) return;
        if (!TypeRelations.DoTypesOverlap(Context.Schema, fragmentType, parentType))
            Context.ReportError(ValidationErrors.ImpossibleFragmentSpread(node, parentType, fragmentType));
    }
}
