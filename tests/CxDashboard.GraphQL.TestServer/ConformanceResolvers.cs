using CxDashboard.GraphQL.Execution;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>
/// The one data-driven resolver every field of the conformance schema gets (graphql-js gets the same as its
/// fieldResolver): the parent's entry named like the field, evaluated with the field's arguments. Abstract
/// types resolve through the value's <c>__typename</c>, SchemaFromSdl's default as graphql-js's.
/// </summary>
public static class ConformanceResolvers
{
    public static ValueTask<object?> Resolve(IResolveContext ctx, ConformanceData data)
    {
        var parent = ctx.Path.Prev is null ? data.RootOf(ctx.ParentType.Name) : ctx.Parent;
        if (parent is not IReadOnlyDictionary<string, object?> fields) return ValueTask.FromResult<object?>(null);
        return ValueTask.FromResult(data.Evaluate(fields.GetValueOrDefault(ctx.Field.Name), ctx.Arguments));
    }
}
