using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// "Fields may include arguments which are provided to the underlying runtime in order to correctly
/// produce a value. These arguments are defined by the field in the type system to have a specific input type."
/// https://spec.graphql.org/October2021/#sec-Coercing-Field-Arguments
/// </summary>
internal static class ArgumentCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>
    /// CoerceArgumentValues(objectType, field, variableValues): defaults applied, absent arguments left
    /// out of the map, explicit null kept. Throws <see cref="GraphQLException"/> on a bad argument.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<InputValueDefinition> definitions, Node node, IReadOnlyList<ArgumentNode> arguments,
        IReadOnlyDictionary<string, object?> variables)
    {
        if (definitions.Count == 0) return None;
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var def in definitions)
        {
            ArgumentNode? argument = null;
            foreach (var a in arguments)
                if (a.Name.Value == def.Name) { argument = a; break; }

            var hasValue = argument is not null;
            object? value = null;
            if (argument?.Value is VariableNode variable)
            {
                hasValue = variables.TryGetValue(variable.Name.Value, out value);
                if (!hasValue && def.DefaultValue is null && def.Type is NonNullType)
                    throw new GraphQLException(ExecutionErrors.ArgumentVariableNotProvided(def, variable));
            }

            if (!hasValue && def.DefaultValue is not null)
            {
                var d = LiteralCoercion.Coerce(def.DefaultValue, def.Type, null);
                if (ReferenceEquals(d, LiteralCoercion.Invalid))
                    throw new GraphQLException(ExecutionErrors.DefaultValueInvalid(def));
                coerced[def.Name] = d;
            }
            else if (!hasValue && def.Type is NonNullType)
                throw new GraphQLException(ExecutionErrors.ArgumentNotProvided(def, node));
            else if (hasValue)
            {
                if (argument!.Value is VariableNode)
                {
                    if (value is null && def.Type is NonNullType)
                        throw new GraphQLException(ExecutionErrors.ArgumentNull(def, argument.Value));
                    coerced[def.Name] = value;
                }
                else if (argument.Value is NullValueNode)
                {
                    if (def.Type is NonNullType)
                        throw new GraphQLException(ExecutionErrors.ArgumentNull(def, argument.Value));
                    coerced[def.Name] = null;
                }
                else
                {
                    var c = LiteralCoercion.Coerce(argument.Value, def.Type, variables);
                    if (ReferenceEquals(c, LiteralCoercion.Invalid))
                        throw new GraphQLException(ExecutionErrors.ArgumentInvalid(def, argument.Value));
                    coerced[def.Name] = c;
                }
            }
        }
        return coerced;
    }
}
