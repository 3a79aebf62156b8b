using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Variables can only be input types. Objects, unions, and interfaces cannot be used as inputs."
/// https://spec.graphql.org/October2021/#sec-Variables-Are-Input-Types
/// </summary>
public sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override void EnterVariableDefinition(VariableDefinitionNode node)
    {
        if (TypeRelations.FromAst(Context.Schema, node.Type) is { IsInputType: false })
            Context.ReportError(ValidationErrors.VariableNotInputType(node));
    }
}
