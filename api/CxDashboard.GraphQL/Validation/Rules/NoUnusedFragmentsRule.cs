using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Defined fragments must be used within a document."
/// https://spec.graphql.org/October2021/#sec-Fragments-Must-Be-Used
/// </summary>
public sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override void LeaveDocument(DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in node.Definitions.OfType<OperationDefinitionNode>())
            foreach (var fragment in Context.GetRecursivelyReferencedFragments(op))
                used.Add(fragment.Name.Value);
        foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
            if (!used.Contains(fragment.Name.Value))
                Context.ReportError(ValidationErrors.UnusedFragment(fragment));
    }
}
