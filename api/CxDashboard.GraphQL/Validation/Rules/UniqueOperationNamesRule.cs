using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Each named operation definition must be unique within a document when referred to by its name."
/// https://spec.graphql.org/October2021/#sec-Operation-Name-Uniqueness
/// </summary>
public sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (node.Name is not { } name) return;
        if (_known.TryGetValue(name.Value, out var first))
            Context.ReportError(ValidationErrors.DuplicateOperationName(name.Value, first, name));
        else
            _known[name.Value] = name;
    }
}
