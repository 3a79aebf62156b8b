using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Hierarchy;

public sealed class OrgUnitType : ObjectTypeDefinition<OrgNode>
{
    protected override void Configure(IObjectTypeDescriptor<OrgNode> d)
    {
        // Other features add their fields to this type (values, partner, verbatims, scorecard, drivers: SchemaBuilder.ExtendObjectType).
        d.Name("OrgUnit").Description("A node of the org tree inside the caller's scope; its values cover it and everything under it.");
        d.Field("id").Type("ID!").ResolveFromParent<OrgNode>(p => Ids.Format(p.Id));
        d.Field("code").Type("String!").ResolveFromParent<OrgNode>(p => p.Code);
        d.Field("name").Type("String!").ResolveFromParent<OrgNode>(p => p.Name);
        d.Field("kind").Type("String!").Description("company, division, department, team or partner (an engagement of an external partner).")
            .ResolveFromParent<OrgNode>(p => p.Kind);
        d.Field("parent").Type("OrgUnit").Description("Null at the top of the caller's scope (a parent outside it is never shown).")
            .Resolve(async ctx => ctx.ParentAs<OrgNode>().ParentId is { } pid ? await ctx.UnitAsync(pid) : null);
        d.Field("children").Type("[OrgUnit!]!").Description("Child units inside the caller's scope.")
            .Resolve(async ctx => await ctx.ChildrenAsync(ctx.ParentAs<OrgNode>().Id));
        d.Field("breadcrumb").Type("[Crumb!]!").Description("Ancestors from the root down (the unit itself excluded); ancestors outside the scope show their name only.")
            .Resolve(async ctx => await ctx.BreadcrumbAsync(ctx.ParentAs<OrgNode>().Id));
    }
}

public sealed class CrumbType : ObjectTypeDefinition<Crumb>
{
    protected override void Configure(IObjectTypeDescriptor<Crumb> d)
    {
        d.Name("Crumb").Description("One step of a breadcrumb.");
        d.Field("name").Type("String!").ResolveFromParent<Crumb>(p => p.Name);
        d.Field("unit").Type("OrgUnit").Description("The unit, when it is inside the caller's scope; null otherwise.").ResolveFromParent<Crumb>(p => p.Unit);
    }
}

/// <summary>Who is asking: the token's subject, persona and the tops of its scope.</summary>
public sealed record Caller(string Subject, string? Persona, string? Role, int VisibleUnitCount);

public sealed class CallerType : ObjectTypeDefinition<Caller>
{
    protected override void Configure(IObjectTypeDescriptor<Caller> d)
    {
        d.Name("Caller");
        d.Field("subject").Type("String!").ResolveFromParent<Caller>(p => p.Subject);
        d.Field("persona").Type("String").ResolveFromParent<Caller>(p => p.Persona);
        d.Field("role").Type("String").ResolveFromParent<Caller>(p => p.Role);
        d.Field("visibleUnitCount").Type("Int!").ResolveFromParent<Caller>(p => p.VisibleUnitCount);
        d.Field("roots").Type("[OrgUnit!]!").Description("The top-most units of the scope.")
            .Resolve(async ctx => await ctx.Service<VisibleUnits>().RootsAsync(ctx.CancellationToken));
    }
}
