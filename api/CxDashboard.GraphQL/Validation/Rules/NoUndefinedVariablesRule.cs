using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Variables are scoped on a per‐operation basis. That means that any variable used within the context of
/// an operation must be defined at the top level of that operation"
/// https://spec.graphql.org/October2021/#sec-All-Variable-Uses-Defined
/// Checked once the whole document is walked (fragments may follow the operation), and reported where
/// graphql-js reports it: on leaving the operation.
/// </summary>
public sealed class NoUndefinedVariablesRule : ValidationRule
{
    private readonly List<(OperationDefinitionNode Operation, long Event)> _operations = [];

    public override void LeaveOperation(OperationDefinitionNode node) => _operations.Add((node, Context.CurrentEvent));

    public override void LeaveDocument(DocumentNode node)
    {
        foreach (var (operation, at) in _operations)
        {
            var defined = operation.VariableDefinitions.Select(v => v.Variable.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
                if (!defined.Contains(usage.Node.Name.Value))
                    Context.ReportErrorAt(ValidationErrors.UndefinedVariable(usage.Node, operation), at);
        }
    }
}
