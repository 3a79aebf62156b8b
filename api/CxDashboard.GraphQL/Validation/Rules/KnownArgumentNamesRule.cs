using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Every argument provided to a field or directive must be defined in the set of possible arguments of
/// that field or directive."
/// https://spec.graphql.org/October2021/#sec-Argument-Names
/// </summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    private int _directiveDepth;

    public override void EnterDirective(DirectiveNode node)
    {
        _directiveDepth++;
        if (Context.Schema.GetDirective(node.Name.Value) is not { } directive) return;
        foreach (var argument in node.Arguments)
            if (directive.GetArgument(argument.Name.Value) is null)
                Context.ReportError(ValidationErrors.UnknownDirectiveArgument(argument, node.Name.Value,
                    Suggestions.For(argument.Name.Value, directive.Arguments.Select(a => a.Name))));
    }

    public override void LeaveDirective(DirectiveNode node) => _directiveDepth--;

    public override void EnterArgument(ArgumentNode node)
    {
        // A directive's arguments are checked above (also when the directive sits on a field).
        if (_directiveDepth > 0) return;
        var info = Context.TypeInfo;
        if (info.Argument is null && info.FieldDef is { } field && info.ParentType is { } parent)
            Context.ReportError(ValidationErrors.UnknownFieldArgument(node, parent, field,
                Suggestions.For(node.Name.Value, field.Arguments.Select(a => a.Name))));
    }
}
