using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Limits;

/// <summary>
/// <see cref="ValidationOptions.MaxDepth"/>: the deepest field nesting of an operation, fragments expanded
/// (<c>{ a { b } }</c> has depth 2). Deep nesting multiplies resolver work on recursive types.
/// </summary>
public sealed class MaxDepthRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (Context.Options.MaxDepth is not { } max) return;
        var depth = new DepthMeasure(Context).Measure(node.SelectionSet);
        if (depth > max) Context.ReportError(ValidationErrors.TooDeep(node, node, (int)Math.Min(depth, int.MaxValue), max));
    }

    private sealed class DepthMeasure(ValidationContext context) : SelectionMeasure(context)
    {
        protected override long Field(FieldNode field, Func<long> measureSelectionSet) => 1 + measureSelectionSet();

        protected override long Combine(long a, long b) => Math.Max(a, b);
    }
}
