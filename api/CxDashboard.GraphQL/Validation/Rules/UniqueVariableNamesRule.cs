using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "If any operation defines more than one variable with the same name, it is ambiguous and invalid."
/// https://spec.graphql.org/October2021/#sec-Variable-Uniqueness
/// One error per duplicated name, pointing at every definition of it.
/// </summary>
public sealed class UniqueVariableNamesRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
            if (group.Count() > 1)
                Context.ReportError(ValidationErrors.DuplicateVariable(group.Key, group));
    }
}
