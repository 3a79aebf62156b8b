using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>
/// Gives every field of the conformance schema the one data-driven resolver (graphql-js gets the same
/// as its fieldResolver): the parent's entry named like the field, evaluated with the field's arguments.
/// Abstract types resolve through the value's <c>__typename</c>, like graphql-js's default type resolver.
/// </summary>
public static class ConformanceResolvers
{
    public static Schema Wire(Schema schema, ConformanceData data)
    {
        foreach (var type in schema.Types.Values)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal)) continue;
            switch (type)
            {
                case ObjectType o:
                    foreach (var field in o.Fields) field.Resolver = ctx => Resolve(ctx, data);
                    break;
                case InterfaceType i:
                    i.ResolveType = (value, ctx) => TypeOf(value, ctx.Schema);
                    break;
                case UnionType u:
                    u.ResolveType = (value, ctx) => TypeOf(value, ctx.Schema);
                    break;
            }
        }
        return schema;
    }

    private static ValueTask<object?> Resolve(Execution.IResolveContext ctx, ConformanceData data)
    {
        var parent = ctx.Path.Prev is null ? data.RootOf(ctx.ParentType.Name) : ctx.Parent;
        if (parent is not IReadOnlyDictionary<string, object?> fields) return ValueTask.FromResult<object?>(null);
        return ValueTask.FromResult(data.Evaluate(fields.GetValueOrDefault(ctx.Field.Name), ctx.Arguments));
    }

    private static ObjectType? TypeOf(object value, Schema schema) =>
        value is IReadOnlyDictionary<string, object?> d && d.GetValueOrDefault("__typename") is string name
            ? schema.GetType(name) as ObjectType
            : null;
}
