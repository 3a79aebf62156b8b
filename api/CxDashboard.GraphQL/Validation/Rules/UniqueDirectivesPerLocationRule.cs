using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Directives are used to describe some metadata or behavioral change on the definition they apply to.
/// When more than one directive of the same name is used, the expected metadata or behavior becomes
/// ambiguous, therefore only one of each directive is allowed per location."
/// https://spec.graphql.org/October2021/#sec-Directives-Are-Unique-Per-Location
/// Repeatable directives and unknown ones (reported by KnownDirectives) are not checked.
/// </summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node) => Check(node.Directives);
    public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives);
    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives);
    public override void EnterField(FieldNode node) => Check(node.Directives);
    public override void EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives);
    public override void EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives);

    private void Check(IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count < 2) return;
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (Context.Schema.GetDirective(name) is not { IsRepeatable: false }) continue;
            if (seen.TryGetValue(name, out var first))
                Context.ReportError(ValidationErrors.DuplicateDirective(name, first, directive));
            else
                seen[name] = directive;
        }
    }
}
