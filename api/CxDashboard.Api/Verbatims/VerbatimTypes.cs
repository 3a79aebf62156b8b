using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Verbatims;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Verbatims;

public sealed class VerbatimType : ObjectTypeDefinition<Verbatim>
{
    protected override void Configure(IObjectTypeDescriptor<Verbatim> d)
    {
        d.Name("Verbatim").Description("A survey response's comment with its scores and dimensions.");
        d.Field("id").Type("ID!").Description("The survey response's id.").ResolveFromParent<Verbatim>(p => Ids.Format(p.Id));
        d.Field(p => p.RespondedAt).Description("When the customer answered.");
        d.Field("unit").Type("OrgUnit").Description("The unit the response is attributed to.").Resolve(async ctx => await ctx.UnitAsync(ctx.ParentAs<Verbatim>().UnitId));
        d.Field(p => p.Channel).Description("The channel the response is attributed to.");
        d.Field(p => p.JourneyStage).Description("The journey stage.");
        d.Field(p => p.Segment).Description("The customer segment.");
        d.Field(p => (int?)p.Nps).Description("The 0–10 recommendation score, if answered; null for callers under the privacy floor (see npsBand).");
        d.Field(p => (int?)p.Csat).Description("The 1–5 satisfaction score, if answered.");
        d.Field(p => (int?)p.Ces).Description("The 1–7 effort agreement score, if answered.");
        d.Field("npsBand").Type("NpsBand").Description("The NPS answer's band; callers under the privacy floor see bands, not scores.").ResolveFromParent<Verbatim>(p => ScoreBands.Nps(p.NpsBand));
        d.Field("csatBand").Type("CsatBand").Description("The CSAT answer's band.").ResolveFromParent<Verbatim>(p => ScoreBands.Csat(p.CsatBand));
        d.Field("cesBand").Type("CesBand").Description("The CES answer's band.").ResolveFromParent<Verbatim>(p => ScoreBands.Ces(p.CesBand));
        d.Field(p => p.Comment).Description("The comment text.");
        d.Field(p => p.Cursor).Description("Pass as after to continue after this comment.");
    }
}

public sealed class VerbatimPageType : ObjectTypeDefinition<VerbatimPage>
{
    protected override void Configure(IObjectTypeDescriptor<VerbatimPage> d)
    {
        d.Name("VerbatimPage").Description("One page of comments, newest first; pass endCursor as 'after' for the next page.");
        d.Field(p => p.Items).Description("The comments, newest first.");
        d.Field(p => p.HasNextPage).Description("More comments follow.");
        d.Field(p => p.EndCursor).Description("The last comment's cursor; null on an empty page.");
    }
}

public static class VerbatimFields
{
    /// <summary>The <c>verbatims</c> field of an org unit.</summary>
    public static void AddTo(IObjectTypeDescriptor<OrgNode> d) =>
        d.Field("verbatims").Type("VerbatimPage!")
            .Description("Comments of this unit and everything under it for a period, newest first, optionally one band (e.g. NPS detractors) " +
                "and up to one value each of channel, journey stage and segment, all ANDed.")
            .Argument("period", "String!", a => a.Description(ValueArguments.PeriodHelp))
            .Argument("band", "VerbatimBand!", a => a.DefaultValue(VerbatimBand.All))
            .Argument("slices", "[SliceInput!]", a => a.Description(VerbatimArguments.SlicesHelp))
            .Argument("slice", "SliceInput", a => a.Deprecated(VerbatimArguments.SliceDeprecation))
            .Argument("first", "Int!", a => a.DefaultValue(20).Description($"Page size (1–{VerbatimQuery.MaxPageSize})."))
            .Argument("after", "String", a => a.Description("endCursor of the previous page."))
            .Resolve(async ctx =>
            {
                var unit = ctx.ParentAs<OrgNode>();
                var period = ValueArguments.Period(ctx);
                var slices = VerbatimArguments.Slices(ctx);
                var first = ValueArguments.Count(ctx, "first", 20, VerbatimQuery.MaxPageSize);
                try
                {
                    return await PageAsync(ctx, new VerbatimKey(unit.Id, period, ctx.ArgumentOr("band", VerbatimBand.All), slices, first, ctx.Argument<string>("after")))
                        ?? throw FieldErrors.UnitNotFound($"with id {unit.Id}");
                }
                catch (ArgumentException e)
                {
                    throw FieldErrors.BadArgument("after", e.Message, ApiProblem.BadCursor);
                }
            });

    /// <summary>
    /// A unit's verbatim page; the pages of every unit at one query level are read with one command (scope applied by
    /// <see cref="ScopeGate"/>), through the raw-fact gate (<see cref="RawFactGate"/>).
    /// </summary>
    private static Task<VerbatimPage?> PageAsync(IResolveContext ctx, VerbatimKey key) =>
        ctx.DataLoader<VerbatimKey, VerbatimPage>("verbatims", (keys, ct) =>
            ctx.Service<RawFactGate>().RunAsync(c => ctx.Service<VisibleVerbatims>().PagesAsync(keys, c), ct)).LoadAsync(key);
}

public static class VerbatimsSchema
{
    public static CxSchema AddVerbatimTypes(this CxSchema schema)
    {
        schema.Types.AddType<VerbatimType>().AddType<VerbatimPageType>().AddEnumType<VerbatimBand>("VerbatimBand", e => e.Description("Which responses' comments to show, by score band."))
            .AddEnumType<NpsBand>("NpsBand", e => e.Description("An NPS answer's band: promoter 9–10, passive 7–8, detractor 0–6."))
            .AddEnumType<CsatBand>("CsatBand", e => e.Description("A CSAT answer's band: satisfied 4–5, neutral 3, dissatisfied 1–2."))
            .AddEnumType<CesBand>("CesBand", e => e.Description("A CES answer's band: easy 5–7, neutral 4, hard 1–3."))
            .ExtendObjectType<OrgNode>("OrgUnit", VerbatimFields.AddTo);
        return schema;
    }
}
