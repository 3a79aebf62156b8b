using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Named fragment spreads must refer to fragments defined within the document."
/// https://spec.graphql.org/October2021/#sec-Fragment-spread-target-defined
/// </summary>
public sealed class KnownFragmentNamesRule : ValidationRule
{
    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        if (Context.GetFragment(node.Name.Value) is null) Context.ReportError(ValidationErrors.UnknownFragment(node));
    }
}
