using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "All variables defined by an operation must be used in that operation or a fragment transitively
/// included by that operation."
/// https://spec.graphql.org/October2021/#sec-All-Variables-Used
/// </summary>
public sealed class NoUnusedVariablesRule : ValidationRule
{
    private readonly List<(OperationDefinitionNode Operation, long Event)> _operations = [];

    public override void LeaveOperation(OperationDefinitionNode node) => _operations.Add((node, Context.CurrentEvent));

    public override void LeaveDocument(DocumentNode node)
    {
        foreach (var (operation, at) in _operations)
        {
            var used = Context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
                if (!used.Contains(definition.Variable.Name.Value))
                    Context.ReportErrorAt(ValidationErrors.UnusedVariable(definition, operation), at);
        }
    }
}
