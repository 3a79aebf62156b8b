using System.Globalization;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Scorecards;
using CxDashboard.Api.Security;
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
        d.Field("id").Type("ID!").ResolveFromParent<Verbatim>(p => p.Id.ToString(CultureInfo.InvariantCulture));
        d.Field("respondedAt").Type("DateTime!").ResolveFromParent<Verbatim>(p => p.RespondedAt);
        d.Field("unit").Type("OrgUnit").Description("The unit the response is attributed to.").Resolve(async ctx => await ctx.UnitAsync(ctx.ParentAs<Verbatim>().UnitId));
        d.Field("channel").Type("String!").ResolveFromParent<Verbatim>(p => p.Channel);
        d.Field("journeyStage").Type("String!").ResolveFromParent<Verbatim>(p => p.JourneyStage);
        d.Field("segment").Type("String!").ResolveFromParent<Verbatim>(p => p.Segment);
        d.Field("nps").Type("Int").Description("The score; null for callers under the privacy floor (see npsBand).").ResolveFromParent<Verbatim>(p => (int?)p.Nps);
        d.Field("csat").Type("Int").ResolveFromParent<Verbatim>(p => (int?)p.Csat);
        d.Field("ces").Type("Int").ResolveFromParent<Verbatim>(p => (int?)p.Ces);
        d.Field("npsBand").Type("String").Description("promoter (9–10), passive (7–8) or detractor (0–6). Callers under the privacy floor see bands, not scores.").ResolveFromParent<Verbatim>(p => p.NpsBand);
        d.Field("csatBand").Type("String").Description("satisfied (4–5), neutral (3) or dissatisfied (1–2).").ResolveFromParent<Verbatim>(p => p.CsatBand);
        d.Field("cesBand").Type("String").Description("easy (5–7), neutral (4) or hard (1–3).").ResolveFromParent<Verbatim>(p => p.CesBand);
        d.Field("comment").Type("String!").ResolveFromParent<Verbatim>(p => p.Comment);
        d.Field("cursor").Type("String!").ResolveFromParent<Verbatim>(p => p.Cursor);
    }
}

public sealed class VerbatimPageType : ObjectTypeDefinition<VerbatimPage>
{
    protected override void Configure(IObjectTypeDescriptor<VerbatimPage> d)
    {
        d.Name("VerbatimPage").Description("One page of comments, newest first; pass endCursor as 'after' for the next page.");
        d.Field("items").Type("[Verbatim!]!").ResolveFromParent<VerbatimPage>(p => p.Items);
        d.Field("hasNextPage").Type("Boolean!").ResolveFromParent<VerbatimPage>(p => p.HasNextPage);
        d.Field("endCursor").Type("String").ResolveFromParent<VerbatimPage>(p => p.EndCursor);
    }
}

public static class VerbatimFields
{
    /// <summary>The <c>verbatims</c> field of an org unit.</summary>
    public static void Add(IObjectTypeDescriptor<OrgNode> d) =>
        d.Field("verbatims").Type("VerbatimPage!")
            .Description("Comments of this unit and everything under it for a period, newest first, optionally one band (e.g. NPS detractors) and slice.")
            .Argument("period", "String!", a => a.Description(ReadArguments.PeriodHelp))
            .Argument("band", "VerbatimBand!", a => a.DefaultValue(VerbatimBand.All))
            .Argument("slice", "SliceInput")
            .Argument("first", "Int!", a => a.DefaultValue(20).Description($"Page size (1–{VerbatimQuery.MaxPageSize})."))
            .Argument("after", "String", a => a.Description("endCursor of the previous page."))
            .Resolve(async ctx =>
            {
                var unit = ctx.ParentAs<OrgNode>();
                var period = ReadArguments.Period(ctx);
                var slice = ReadArguments.Slice(ctx);
                var first = ReadArguments.Count(ctx, "first", 20, VerbatimQuery.MaxPageSize);
                try
                {
                    return await ctx.VerbatimsAsync(new VerbatimKey(unit.Id, period, ctx.ArgumentOr("band", VerbatimBand.All), slice, first, ctx.Argument<string>("after")))
                        ?? throw ReadErrors.UnitNotFound($"with id {unit.Id}");
                }
                catch (ArgumentException e)
                {
                    throw ReadErrors.BadArgument(e.Message);
                }
            });
}

public static class VerbatimsSchema
{
    public static CxSchema AddVerbatimTypes(this CxSchema schema)
    {
        schema.Types.AddType<VerbatimType>().AddType<VerbatimPageType>().AddEnumType<VerbatimBand>("VerbatimBand");
        return schema;
    }
}
