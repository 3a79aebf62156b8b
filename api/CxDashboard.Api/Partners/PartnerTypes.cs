using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Partners;

public sealed class PartnerType : ObjectTypeDefinition<PartnerInfo>
{
    protected override void Configure(IObjectTypeDescriptor<PartnerInfo> d)
    {
        d.Name("Partner").Description("An external partner; its values cover its engagements inside the caller's scope (all of them for the whole company).");
        d.Field("id").Type("ID!").Description("The partner's id.").ResolveFromParent<PartnerInfo>(p => Ids.Format(p.Id));
        d.Field(p => p.Code).Description("The partner's code, e.g. PRT-ACME (partner(code:) finds it).");
        d.Field(p => p.Name).Description("Display name.");
        d.Field("engagements").Type("[OrgUnit!]!").Description("Engagement nodes inside the caller's scope.")
            .Resolve(async ctx =>
            {
                var units = await ctx.Service<VisibleOrg>().UnitsAsync(ctx.ParentAs<PartnerInfo>().EngagementIds, ctx.CancellationToken);
                return units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
            });
        ValueFields.AddValueAndSeries(d.Field("value"), d.Field("series"), ctx => (SubjectKind.Partner, ctx.ParentAs<PartnerInfo>().Id));
    }
}

/// <summary>A partner's place in a league table.</summary>
public sealed record LeagueRow(int? Rank, PartnerInfo Partner, ValueNode Value);

public sealed class LeagueRowType : ObjectTypeDefinition<LeagueRow>
{
    protected override void Configure(IObjectTypeDescriptor<LeagueRow> d)
    {
        d.Name("LeagueRow").Description("A partner's place in a league table.");
        d.Field(p => p.Rank).Description("1 = best in the metric's direction; null without a (visible) value.");
        d.Field(p => p.Partner).Description("The partner.");
        d.Field(p => p.Value).Description("Its value on the league's metric and period (its visible engagements only).");
    }
}
