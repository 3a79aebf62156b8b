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
        d.Field("id").Type("ID!").Description("The unit's id (stable; codes can be renamed by an org import).").ResolveFromParent<OrgNode>(p => Ids.Format(p.Id));
        d.Field(p => p.Code).Description("The unit's code, e.g. CO, DIV-CARE (unit(code:) finds it).");
        d.Field(p => p.Name).Description("Display name.");
        d.Field("kind").Type("OrgUnitKind!").Description("The unit's level in the tree, or PARTNER for an engagement of an external partner.")
            .ResolveFromParent<OrgNode>(p => UnitKinds.Of(p.Kind));
        d.Field("parent").Type("OrgUnit").Description("Null at the top of the caller's scope (a parent outside it is never shown).")
            .Resolve(async ctx => ctx.ParentAs<OrgNode>().ParentId is { } pid ? await ctx.UnitAsync(pid) : null);
        d.Field("children").Type("[OrgUnit!]!").Description("Child units inside the caller's scope.")
            .Resolve(async ctx => await ctx.ChildrenAsync(ctx.ParentAs<OrgNode>().Id));
        d.Field("breadcrumb").Type("[Crumb!]!").Description("Ancestors from the root down (the unit itself excluded); ancestors outside the scope show their name only.")
            .Resolve(async ctx => await ctx.BreadcrumbAsync(ctx.ParentAs<OrgNode>().Id));
    }
}

/// <summary>The levels of the org tree (org_unit.kind), as the API names them.</summary>
public enum UnitKind
{
    /// <summary>The top of the tree.</summary>
    Company,

    /// <summary>A division of the company.</summary>
    Division,

    /// <summary>A department of a division.</summary>
    Department,

    /// <summary>A team of a department.</summary>
    Team,

    /// <summary>An engagement of an external partner (a partner's share of work under a unit).</summary>
    Partner,
}

internal static class UnitKinds
{
    public static UnitKind Of(string kind) => kind switch
    {
        OrgUnitKind.Company => UnitKind.Company,
        OrgUnitKind.Division => UnitKind.Division,
        OrgUnitKind.Department => UnitKind.Department,
        OrgUnitKind.Team => UnitKind.Team,
        OrgUnitKind.Partner => UnitKind.Partner,
        _ => throw new InvalidOperationException($"Unknown unit kind '{kind}'."),
    };
}

public sealed class CrumbType : ObjectTypeDefinition<Crumb>
{
    protected override void Configure(IObjectTypeDescriptor<Crumb> d)
    {
        d.Name("Crumb").Description("One step of a breadcrumb.");
        d.Field(p => p.Name).Description("The ancestor's name (shown even outside the caller's scope).");
        d.Field(p => p.Unit).Description("The unit, when it is inside the caller's scope; null otherwise.");
    }
}

/// <summary>Who is asking: the token's subject, persona and the tops of its scope.</summary>
public sealed record Caller(string Subject, string? Persona, string? Role, int VisibleUnitCount);

public sealed class CallerType : ObjectTypeDefinition<Caller>
{
    protected override void Configure(IObjectTypeDescriptor<Caller> d)
    {
        d.Name("Caller").Description("Who is asking, as the bearer token says, and how much of the org tree it sees.");
        d.Field(p => p.Subject).Description("The token's subject (sub claim).");
        d.Field(p => p.Persona).Description("The demo persona the token was issued for, if any.");
        d.Field(p => p.Role).Description("executive, department_head, partner_manager or analyst: what the caller may change.");
        d.Field(p => p.VisibleUnitCount).Description("Units inside the caller's scope.");
        d.Field("roots").Type("[OrgUnit!]!").Description("The top-most units of the scope.")
            .Resolve(async ctx => await ctx.Service<VisibleOrg>().RootsAsync(ctx.CancellationToken));
    }
}
