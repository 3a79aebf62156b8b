using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "GraphQL servers define what directives they support and where they support them. For each usage of a
/// directive, the directive must be available on that server" and used in one of its declared locations.
/// https://spec.graphql.org/October2021/#sec-Directives-Are-Defined
/// https://spec.graphql.org/October2021/#sec-Directives-Are-In-Valid-Locations
/// </summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    public override void EnterDirective(DirectiveNode node)
    {
        if (Context.Schema.GetDirective(node.Name.Value) is not { } definition)
        {
            Context.ReportError(ValidationErrors.UnknownDirective(node));
            return;
        }
        if (Context.DirectiveLocation is { } location && !definition.Locations.Contains(location))
            Context.ReportError(ValidationErrors.MisplacedDirective(node, location));
    }
}
