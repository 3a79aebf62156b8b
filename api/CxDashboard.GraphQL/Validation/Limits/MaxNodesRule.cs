using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Limits;

/// <summary>
/// <see cref="ValidationOptions.MaxNodes"/>: how many field selections an operation makes, a fragment's
/// fields counted at every spread of it.
/// </summary>
public sealed class MaxNodesRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (Context.Options.MaxNodes is not { } max) return;
        var nodes = new NodeMeasure(Context).Measure(node.SelectionSet);
        if (nodes > max) Context.ReportError(ValidationErrors.TooManyNodes(node, nodes, max));
    }

    private sealed class NodeMeasure(ValidationContext context) : SelectionMeasure(context)
    {
        protected override long Field(FieldNode field, Func<long> measureSelectionSet) => Add(1, measureSelectionSet());
    }
}
