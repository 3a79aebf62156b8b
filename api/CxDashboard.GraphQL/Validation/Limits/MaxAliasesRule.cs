using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Limits;

/// <summary>
/// <see cref="ValidationOptions.MaxAliases"/>: how many aliased fields an operation has, a fragment's
/// counted at every spread of it. Aliases let one request run the same field many times
/// (<c>a1: kpi(id: 1) a2: kpi(id: 2) …</c>), which this bounds.
/// </summary>
public sealed class MaxAliasesRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (Context.Options.MaxAliases is not { } max) return;
        var aliases = new AliasMeasure(Context).Measure(node.SelectionSet);
        if (aliases > max) Context.ReportError(ValidationErrors.TooManyAliases(node, aliases, max));
    }

    private sealed class AliasMeasure(ValidationContext context) : SelectionMeasure(context)
    {
        protected override long Field(FieldNode field, Func<long> measureSelectionSet) =>
            Add(field.Alias is null ? 0 : 1, measureSelectionSet());
    }
}
