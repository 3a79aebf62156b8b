using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// The schema under composition. Each feature folder contributes its types and its root fields
/// through one extension method (<c>Hierarchy/HierarchySchema.cs</c>: <c>AddHierarchyTypes</c>, …),
/// called from <see cref="GraphQLExtensions.BuildCxSchema"/>. A feature adds object types with
/// <c>Types.AddType&lt;T&gt;()</c> and root fields with <see cref="Query"/> / <see cref="Mutation"/>,
/// so no feature has to edit another feature's Query type.
/// </summary>
public sealed class CxSchema
{
    private readonly List<Action<IObjectTypeDescriptor>> query = [];
    private readonly List<Action<IObjectTypeDescriptor>> mutation = [];

    public SchemaBuilder Types { get; } = SchemaBuilder.New();

    /// <summary>Adds fields to the Query root.</summary>
    public CxSchema Query(Action<IObjectTypeDescriptor> fields)
    {
        query.Add(fields);
        return this;
    }

    /// <summary>Adds fields to the Mutation root (the type exists only if some feature adds one).</summary>
    public CxSchema Mutation(Action<IObjectTypeDescriptor> fields)
    {
        mutation.Add(fields);
        return this;
    }

    public Schema Build()
    {
        Types.AddQueryType(new RootType("Query", "Reads, filtered by the caller's scope.", query));
        if (mutation.Count > 0) Types.AddMutationType(new RootType("Mutation", "Changes, allowed by the caller's role and scope.", mutation));
        return Types.Build();
    }

    private sealed class RootType(string name, string description, List<Action<IObjectTypeDescriptor>> contributions) : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name(name).Description(description);
            foreach (var add in contributions) add(d);
        }
    }
}
