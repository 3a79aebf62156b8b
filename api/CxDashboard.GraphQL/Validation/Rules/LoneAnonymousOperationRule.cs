using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "GraphQL allows a short‐hand form for defining query operations when only that one operation exists
/// in the document."
/// https://spec.graphql.org/October2021/#sec-Lone-Anonymous-Operation
/// </summary>
public sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operationCount;

    public override void EnterDocument(DocumentNode node) =>
        _operationCount = node.Definitions.Count(d => d is OperationDefinitionNode);

    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (node.Name is null && _operationCount > 1)
            Context.ReportError(ValidationErrors.AnonymousOperationNotAlone(node));
    }
}
