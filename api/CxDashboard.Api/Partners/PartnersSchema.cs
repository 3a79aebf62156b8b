using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Partners;

public static class PartnersSchema
{
    /// <summary>Partner scorecards and the league table, limited to partners with an engagement in scope.</summary>
    public static CxSchema AddPartnerTypes(this CxSchema schema)
    {
        schema.Types.AddType<PartnerType>().AddType<LeagueRowType>()
            .ExtendObjectType<OrgNode>("OrgUnit", d => d.Field("partner").Type("Partner").Description("For a partner engagement: the partner it belongs to.")
                .Resolve(async ctx =>
                {
                    var unit = ctx.ParentAs<OrgNode>();
                    if (unit.PartnerId is not { } pid) return null;
                    return (await ctx.Service<ScopeGate>().PartnersAsync(ctx.CancellationToken)).FirstOrDefault(p => p.Id == pid);
                }));
        return schema.Query(d =>
        {
            d.Field("partners").Type("[Partner!]!").Description("Partners with at least one engagement in the caller's scope.")
                .Resolve(async ctx => await ctx.Service<ScopeGate>().PartnersAsync(ctx.CancellationToken));
            d.Field("partner").Type("Partner").Argument("code", "String!").Description("An error (NOT_FOUND) when unknown or outside the scope.")
                .Resolve(async ctx =>
                {
                    var code = ctx.Argument<string>("code") ?? "";
                    return (await ctx.Service<ScopeGate>().PartnersAsync(ctx.CancellationToken)).FirstOrDefault(p => p.Code == code)
                        ?? throw FieldErrors.PartnerNotFound(code);
                });
            d.Field("partnerLeague").Type("[LeagueRow!]!")
                .Description("Partners in scope ranked on one metric and period, best first in the metric's direction; partners without a value last.")
                .Argument("metric", "String!").Argument("period", "String!").Argument("slice", "SliceInput")
                .Resolve(async ctx =>
                {
                    var metric = ValueArguments.Metric(ctx);
                    var period = ValueArguments.Period(ctx);
                    var slice = ValueArguments.Slice(ctx);
                    var partners = await ctx.Service<ScopeGate>().PartnersAsync(ctx.CancellationToken);
                    var values = await ctx.ValuesAsync(partners.Select(p => new ValueKey(SubjectKind.Partner, p.Id, metric, period, slice)).ToArray());
                    var lowerIsBetter = MetricCatalogue.All.First(m => m.Code == metric).Direction == "lower";
                    var rows = partners.Zip(values, (p, v) => (p, v: v!)).ToList();
                    var ranked = rows.Where(r => r.v.Value.Value is not null)
                        .OrderBy(r => lowerIsBetter ? r.v.Value.Value : -r.v.Value.Value).ThenBy(r => r.p.Code, StringComparer.Ordinal)
                        .Select((r, i) => new LeagueRow(i + 1, r.p, r.v));
                    var unranked = rows.Where(r => r.v.Value.Value is null).OrderBy(r => r.p.Code, StringComparer.Ordinal).Select(r => new LeagueRow(null, r.p, r.v));
                    return ranked.Concat(unranked).ToArray();
                });
        });
    }
}
