using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Arguments can be required. An argument is required if the argument type is non‐null and does not have
/// a default value. Otherwise, the argument is optional."
/// https://spec.graphql.org/October2021/#sec-Required-Arguments
/// Reported when leaving the field or directive, as graphql-js does.
/// </summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override void LeaveField(FieldNode node)
    {
        if (Context.TypeInfo.FieldDef is not { } field) return;
        foreach (var argument in field.Arguments)
            if (IsRequired(argument) && !node.Arguments.Any(a => a.Name.Value == argument.Name))
                Context.ReportError(ValidationErrors.MissingFieldArgument(node, field, argument));
    }

    public override void LeaveDirective(DirectiveNode node)
    {
        if (Context.Schema.GetDirective(node.Name.Value) is not { } directive) return;
        foreach (var argument in directive.Arguments)
            if (IsRequired(argument) && !node.Arguments.Any(a => a.Name.Value == argument.Name))
                Context.ReportError(ValidationErrors.MissingDirectiveArgument(node, argument));
    }

    private static bool IsRequired(InputValueDefinition argument) => argument.Type.IsNonNull && !argument.HasDefaultValue;
}
