using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// "If the operation has defined variables, then the values for those variables need to be coerced
/// using the input coercion rules of variable's declared type."
/// https://spec.graphql.org/October2021/#sec-Coercing-Variable-Values
/// </summary>
internal static class VariableCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> NoValues = new Dictionary<string, object?>();

    /// <summary>The coerced values, or every error found (a request error: execution does not start).</summary>
    public static (IReadOnlyDictionary<string, object?> Values, IReadOnlyList<GraphQLError> Errors) CoerceVariableValues(
        Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, int? maxDepth = null)
    {
        if (operation.VariableDefinitions.Count == 0) return (NoValues, []);
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<GraphQLError>();
        inputs ??= new Dictionary<string, object?>();

        foreach (var def in operation.VariableDefinitions)
        {
            var name = def.Variable.Name.Value;
            var type = TypeFromAst(schema, def.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(ExecutionErrors.VariableNotInputType(def));
                continue;
            }

            if (!inputs.TryGetValue(name, out var value))
            {
                if (def.DefaultValue is not null)
                {
                    // the default is a literal, checked by validation; coerce it like an argument literal
                    var d = LiteralCoercion.Coerce(def.DefaultValue, type, null);
                    if (ReferenceEquals(d, LiteralCoercion.Invalid))
                        errors.Add(ExecutionErrors.VariableInvalid(def, Printer.Print(def.DefaultValue), "", ExecutionErrors.ExpectedType(type.NamedType)));
                    else
                        coerced[name] = d;
                }
                else if (type is NonNullType)
                    errors.Add(ExecutionErrors.VariableNotProvided(def, type));
                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(ExecutionErrors.VariableNull(def, type));
                continue;
            }

            var failed = false;
            var c = InputCoercion.Coerce(value, type, (path, invalid, reason) =>
            {
                failed = true;
                errors.Add(ExecutionErrors.VariableInvalid(def, invalid, path, reason));
            }, maxDepth ?? int.MaxValue);
            if (!failed) coerced[name] = c;
        }
        return (coerced, errors);
    }

    /// <summary>The schema type a type reference names; null when a named type does not exist.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode n => schema.GetType(n.Name.Value),
        ListTypeNode l => TypeFromAst(schema, l.Type) is { } t ? new ListType(t) : null,
        NonNullTypeNode nn => TypeFromAst(schema, nn.Type) is { } t and not NonNullType ? new NonNullType(t) : null,
        _ => null,
    };
}
