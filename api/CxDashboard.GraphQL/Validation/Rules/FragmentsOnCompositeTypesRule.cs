using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Fragments can only be declared on unions, interfaces, and objects."
/// https://spec.graphql.org/October2021/#sec-Fragments-On-Composite-Types
/// </summary>
public sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition && TypeRelations.FromAst(Context.Schema, condition) is { IsCompositeType: false })
            Context.ReportError(ValidationErrors.InlineFragmentOnNonComposite(condition));
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (TypeRelations.FromAst(Context.Schema, node.TypeCondition) is { IsCompositeType: false })
            Context.ReportError(ValidationErrors.FragmentOnNonComposite(node.Name.Value, node.TypeCondition));
    }
}
