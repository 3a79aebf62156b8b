using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Fragments must be specified on types that exist within the schema." (and likewise variables must be
/// declared with types the schema has).
/// https://spec.graphql.org/October2021/#sec-Fragment-Spread-Type-Existence
/// </summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    public override void EnterNamedType(NamedTypeNode node)
    {
        if (Context.Schema.GetType(node.Name.Value) is not null) return;
        Context.ReportError(ValidationErrors.UnknownType(node, Suggestions.For(node.Name.Value, Context.Schema.Types.Keys)));
    }
}
