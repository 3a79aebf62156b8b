using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Values;

/// <summary>The value fields of anything that has rollup cells (org units and partners).</summary>
public static class ValueFields
{
    public const int MaxSeriesLength = 120;

    public static void AddValueAndSeries(IObjectFieldDescriptor value, IObjectFieldDescriptor series, Func<IResolveContext, (SubjectKind Kind, long Id)> subject)
    {
        value.Type("MetricValue!")
            .Description("The metric for a period and optional slice, with n, 95% interval, confidence flags, previous period and change.")
            .Argument("metric", "String!", a => a.Description("A metric code from 'metrics', e.g. nps, csat, fcr."))
            .Argument("period", "String!", a => a.Description(ValueArguments.PeriodHelp))
            .Argument("slice", "SliceInput")
            .Resolve(async ctx =>
            {
                var (kind, id) = subject(ctx);
                return await ctx.ValueAsync(new ValueKey(kind, id, ValueArguments.Metric(ctx), ValueArguments.Period(ctx), ValueArguments.Slice(ctx)))
                    ?? throw FieldErrors.UnitNotFound($"with id {id}");
            });

        series.Type("[MetricValue!]!")
            .Description("Consecutive periods of one grain, oldest first, the last containing the end period's last day.")
            .Argument("metric", "String!")
            .Argument("grain", "SeriesGrain!", a => a.DefaultValue(SeriesGrain.Month))
            .Argument("periods", "Int!", a => a.DefaultValue(13).Description($"How many periods (1–{MaxSeriesLength})."))
            .Argument("end", "String!", a => a.Description("The period the series ends in: " + ValueArguments.PeriodHelp))
            .Argument("slice", "SliceInput")
            .Resolve(async ctx =>
            {
                var (kind, id) = subject(ctx);
                var metric = ValueArguments.Metric(ctx);
                var slice = ValueArguments.Slice(ctx);
                var periods = ValueArguments.Period(ctx, "end").SeriesEndingHere(ValueArguments.GrainName(ctx.Argument<SeriesGrain>("grain")), ValueArguments.Count(ctx, "periods", 13, MaxSeriesLength));
                ctx.Service<ScopeGate>().RequireReadable(periods[^1]);
                var values = await ctx.ValuesAsync(periods.Select(p => new ValueKey(kind, id, metric, p, slice)).ToArray());
                return values.Select(v => v ?? throw FieldErrors.UnitNotFound($"with id {id}")).ToArray();
            });
    }

    public static void AddBreakdownAndMovers(IObjectTypeDescriptor<OrgNode> d)
    {
        d.Field("breakdown").Type("[BreakdownRow!]!")
            .Description("The metric for each channel, journey stage or segment with data in the period, largest volume first.")
            .Argument("metric", "String!").Argument("period", "String!").Argument("by", "SliceDimension!")
            .Resolve(async ctx =>
            {
                var unit = ctx.ParentAs<OrgNode>();
                var metric = ValueArguments.Metric(ctx);
                var period = ValueArguments.Period(ctx);
                var dim = ValueArguments.DimensionName(ctx.Argument<SliceDimension>("by"));
                var rows = await ctx.BreakdownAsync(new BreakdownKey(SubjectKind.Unit, unit.Id, period, dim));
                var values = ctx.Service<VisibleValues>();
                return rows.Select(r =>
                {
                    var key = new ValueKey(SubjectKind.Unit, unit.Id, metric, period, new Slice(dim, r.Value));
                    return new BreakdownRow(dim, r.Value, new ValueNode(key, values.Shown(key, r.Stats)));
                }).ToArray();
            });

        d.Field("topMovers").Type("[Mover!]!")
            .Description("Visible children whose value changed most against the previous period (by absolute change; significant ones first when asked).")
            .Argument("metric", "String!").Argument("period", "String!")
            .Argument("first", "Int!", a => a.DefaultValue(5))
            .Argument("significantOnly", "Boolean!", a => a.DefaultValue(false))
            .Resolve(async ctx =>
            {
                var metric = ValueArguments.Metric(ctx);
                var period = ValueArguments.Period(ctx);
                var first = ValueArguments.Count(ctx, "first", 5, 100);
                var significantOnly = ctx.ArgumentOr("significantOnly", false);
                var children = await ctx.ChildrenAsync(ctx.ParentAs<OrgNode>().Id);
                var keys = children.SelectMany(c => new[]
                {
                    new ValueKey(SubjectKind.Unit, c.Id, metric, period, Slice.All),
                    new ValueKey(SubjectKind.Unit, c.Id, metric, period.Previous(), Slice.All),
                }).ToArray();
                var values = await ctx.ValuesAsync(keys);
                var movers = new List<Mover>();
                for (var i = 0; i < children.Count; i++)
                {
                    if (values[2 * i] is not { } now || values[2 * i + 1] is not { } before) continue;
                    if (now.Value.ComparedWith(before.Value) is not { } change) continue;
                    if (significantOnly && change.Significant != true) continue;
                    movers.Add(new Mover(children[i], now, change));
                }
                return movers.OrderByDescending(m => Math.Abs(m.Change.Difference)).ThenBy(m => m.Unit.Code, StringComparer.Ordinal).Take(first).ToArray();
            });
    }
}
