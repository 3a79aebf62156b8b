using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Hierarchy;

/// <summary>
/// The org tree's request DataLoaders. Each batches into one <see cref="VisibleOrg"/> call (through the scope gate), so
/// resolvers never query or filter on their own and a whole query level costs one SQL command per loader.
/// Other features reach units through these (a KPI's unit, a verbatim's unit, a mover's unit).
/// </summary>
public static class HierarchyLoaders
{
    public static Task<OrgNode?> UnitAsync(this IResolveContext ctx, long id) =>
        ctx.DataLoader<long, OrgNode>("unitById", Visible(ctx).UnitsAsync).LoadAsync(id);

    public static Task<OrgNode?> UnitByCodeAsync(this IResolveContext ctx, string code) =>
        ctx.DataLoader<string, OrgNode>("unitByCode", Visible(ctx).UnitsByCodeAsync).LoadAsync(code);

    public static async Task<IReadOnlyList<OrgNode>> ChildrenAsync(this IResolveContext ctx, long id) =>
        await ctx.DataLoader<long, IReadOnlyList<OrgNode>>("children", Visible(ctx).ChildrenAsync).LoadAsync(id) ?? [];

    public static async Task<IReadOnlyList<Crumb>> BreadcrumbAsync(this IResolveContext ctx, long id) =>
        await ctx.DataLoader<long, IReadOnlyList<Crumb>>("breadcrumb", Visible(ctx).BreadcrumbsAsync).LoadAsync(id) ?? [];

    private static VisibleOrg Visible(IResolveContext ctx) => ctx.Service<VisibleOrg>();
}
