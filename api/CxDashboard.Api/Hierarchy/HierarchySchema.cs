using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Hierarchy;

public static class HierarchySchema
{
    /// <summary>Org tree: units by id or code, the caller and the tops of its scope.</summary>
    public static CxSchema AddHierarchyTypes(this CxSchema schema)
    {
        schema.Types.AddType<OrgUnitType>().AddEnumType<UnitKind>("OrgUnitKind", e => e.Description("The levels of the org tree, and partner engagements.")).AddType<CrumbType>().AddType<CallerType>();
        return schema.Query(d =>
        {
            d.Field("me").Type("Caller!").Description("The caller: token subject, persona, role and the size of its scope.").Resolve(async ctx =>
            {
                var user = ctx.Service<ScopeGate>().User;
                var scope = await ctx.Service<ScopeGate>().ScopeAsync(ctx.CancellationToken);
                return new Caller(scope.Subject, user?.FindFirst(CxClaims.Persona)?.Value, user?.FindFirst(CxClaims.Role)?.Value, scope.UnitIds.Count);
            });
            d.Field("units").Type("[OrgUnit!]!").Description("The top-most units of the caller's scope (the company for an executive).")
                .Resolve(async ctx => await ctx.Service<VisibleOrg>().RootsAsync(ctx.CancellationToken));
            d.Field("unit").Type("OrgUnit").Description("A unit by id or code; an error (NOT_FOUND) when it is unknown or outside the caller's scope.")
                .Argument("id", "ID").Argument("code", "String")
                .Resolve(async ctx =>
                {
                    var id = ctx.Argument<string>("id");
                    var code = ctx.Argument<string>("code");
                    if ((id is null) == (code is null)) throw FieldErrors.BadArgument("id", "Give exactly one of id or code.", ApiProblem.ExactlyOne, ("first", "id"), ("second", "code"));
                    if (code is not null) return await ctx.UnitByCodeAsync(code) ?? throw FieldErrors.UnitNotFound($"'{code}'");
                    return Ids.Parse(id) is { } n && await ctx.UnitAsync(n) is { } unit
                        ? unit
                        : throw FieldErrors.UnitNotFound($"with id {id}");
                });
        });
    }
}
