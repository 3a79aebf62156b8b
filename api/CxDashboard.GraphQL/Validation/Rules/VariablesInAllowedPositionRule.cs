using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Variable usages must be compatible with the arguments they are passed to."
/// https://spec.graphql.org/October2021/#sec-All-Variable-Usages-are-Allowed
/// A nullable variable may stand where a non-null type is expected only when the variable or the position
/// has a default value (IsVariableUsageAllowed).
/// </summary>
public sealed class VariablesInAllowedPositionRule : ValidationRule
{
    private readonly List<(OperationDefinitionNode Operation, long Event)> _operations = [];

    public override void LeaveOperation(OperationDefinitionNode node) => _operations.Add((node, Context.CurrentEvent));

    public override void LeaveDocument(DocumentNode node)
    {
        var schema = Context.Schema;
        foreach (var (operation, at) in _operations)
        {
            // graphql-js keeps the last definition of a duplicated variable.
            var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
            foreach (var v in operation.VariableDefinitions) definitions[v.Variable.Name.Value] = v;

            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                if (!definitions.TryGetValue(usage.Node.Name.Value, out var definition) || usage.Type is not { } locationType) continue;
                if (TypeRelations.FromAst(schema, definition.Type) is not { } variableType) continue;
                if (!IsAllowed(variableType, definition.DefaultValue, locationType, usage.DefaultValue))
                    Context.ReportErrorAt(ValidationErrors.VariableInWrongPosition(definition, usage.Node, variableType, locationType), at);
            }
        }
    }

    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, ValueNode? locationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var variableHasDefault = variableDefault is not null and not NullValueNode;
            if (!variableHasDefault && locationDefault is null) return false;
            return TypeRelations.IsSubTypeOf(Context.Schema, variableType, nonNullLocation.OfType);
        }
        return TypeRelations.IsSubTypeOf(Context.Schema, variableType, locationType);
    }
}
