using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Fragment definitions are referenced in fragment spreads by name. To avoid ambiguity, each fragment’s
/// name must be unique within a document."
/// https://spec.graphql.org/October2021/#sec-Fragment-Name-Uniqueness
/// </summary>
public sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (_known.TryGetValue(node.Name.Value, out var first))
            Context.ReportError(ValidationErrors.DuplicateFragmentName(node.Name.Value, first, node.Name));
        else
            _known[node.Name.Value] = node.Name;
    }
}
