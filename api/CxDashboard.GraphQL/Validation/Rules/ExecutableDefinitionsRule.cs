using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "GraphQL execution will only consider the executable definitions Operation and Fragment."
/// https://spec.graphql.org/October2021/#sec-Executable-Definitions
/// </summary>
public sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
            if (definition is not ExecutableDefinitionNode)
                Context.ReportError(ValidationErrors.NotExecutable(definition, DefinitionName(definition)));
    }

    /// <summary>The definition's name, or null for a schema definition or extension (which have none).</summary>
    private static string? DefinitionName(DefinitionNode definition) => definition switch
    {
        TypeDefinitionNode t => t.Name.Value,
        TypeExtensionNode e => e.Name.Value,
        DirectiveDefinitionNode d => d.Name.Value,
        _ => null,
    };
}
