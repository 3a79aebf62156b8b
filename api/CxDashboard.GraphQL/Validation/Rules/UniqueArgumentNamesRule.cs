using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Fields and directives treat arguments as a mapping of argument name to value. More than one argument
/// with the same name in an argument set is ambiguous and invalid."
/// https://spec.graphql.org/October2021/#sec-Argument-Uniqueness
/// </summary>
public sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override void EnterField(FieldNode node) => Check(node.Arguments);
    public override void EnterDirective(DirectiveNode node) => Check(node.Arguments);

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2) return;
        foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            if (group.Count() > 1)
                Context.ReportError(ValidationErrors.DuplicateArgument(group.Key, group));
    }
}
