using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Values;

public sealed class MetricType : ObjectTypeDefinition<Metric>
{
    protected override void Configure(IObjectTypeDescriptor<Metric> d)
    {
        d.Name("Metric").Description("A catalogue entry: what a metric measures and how it is computed from rollup cells.");
        d.Field(m => m.Code);
        d.Field(m => m.Name);
        d.Field(m => m.Kind).Description("outcome (what the customer felt) or process (what the organisation did).");
        d.Field(m => m.Unit).Description("score, percent, seconds or mean.");
        d.Field(m => m.Direction).Description("higher or lower is better.");
        d.Field(m => m.Description);
        d.Field(m => m.Computation);
        d.Field(m => m.Method);
        d.Field("scaleMin").Type("Int").ResolveFromParent<Metric>(p => (int?)p.ScaleMin);
        d.Field("scaleMax").Type("Int").ResolveFromParent<Metric>(p => (int?)p.ScaleMax);
    }
}

public sealed class MetricValueType : ObjectTypeDefinition<ValueNode>
{
    protected override void Configure(IObjectTypeDescriptor<ValueNode> d)
    {
        d.Name("MetricValue").Description("A metric for one subject, period and slice, derived from pooled rollup counts.");
        d.Field("metric").Type("String!").Resolve(ctx => V(ctx).Metric);
        d.Field("period").Type("String!").Description("Canonical period text (2025-03, 2025-Q1, …).").ResolveFromParent<ValueNode>(p => p.Key.Period.ToString());
        d.Field("periodStart").Type("Date!").ResolveFromParent<ValueNode>(p => p.Key.Period.First);
        d.Field("periodEnd").Type("Date!").Description("Last day, inclusive.").ResolveFromParent<ValueNode>(p => p.Key.Period.Last);
        d.Field("value").Type("Float").Description("Null without data, or when suppressed below the privacy floor. Durations: the median in seconds.").Resolve(ctx => V(ctx).Value);
        d.Field("n").Type("Int!").Description("Responses or contacts the value is computed from (always shown).").Resolve(ctx => (int)V(ctx).N);
        d.Field("low").Type("Float").Description("Lower end of the 95% interval (adjusted Wald for NPS, Wilson for shares, normal for means).").Resolve(ctx => V(ctx).Low);
        d.Field("high").Type("Float").Description("Upper end of the 95% interval.").Resolve(ctx => V(ctx).High);
        d.Field("lowConfidence").Type("Boolean!").Description("n is below the minimum (default 30).").Resolve(ctx => V(ctx).LowConfidence);
        d.Field("suppressed").Type("Boolean!").Description("n is below the privacy floor (default 5) for a partner or embedded caller.").Resolve(ctx => V(ctx).Suppressed);
        d.Field("p90").Type("Float").Description("Durations: 90th percentile in seconds.").Resolve(ctx => V(ctx).P90);
        d.Field("mean").Type("Float").Description("Durations and means: the arithmetic mean.").Resolve(ctx => V(ctx).Mean);
        d.Field("previous").Type("MetricValue").Description("The same metric in the period before (a day range: the same number of days before).")
            .Resolve(async ctx => await ctx.ValueAsync(Previous(ctx)));
        d.Field("change").Type("Change").Description("This value minus the previous period's, with its significance test; null when either side has no value.")
            .Resolve(async ctx =>
            {
                var prev = await ctx.ValueAsync(Previous(ctx));
                return prev is null ? null : V(ctx).ComparedWith(prev.Value);
            });
    }

    private static MetricValue V(CxDashboard.GraphQL.Execution.IResolveContext ctx) => ctx.ParentAs<ValueNode>().Value;

    private static ValueKey Previous(CxDashboard.GraphQL.Execution.IResolveContext ctx)
    {
        var key = ctx.ParentAs<ValueNode>().Key;
        return key with { Period = key.Period.Previous() };
    }
}

public sealed class ChangeType : ObjectTypeDefinition<ValueChange>
{
    protected override void Configure(IObjectTypeDescriptor<ValueChange> d)
    {
        d.Name("Change").Description("A difference between two values and its two-sample test (DESIGN §6).");
        d.Field("difference").Type("Float!").Description("In the metric's unit (NPS points, percentage points, seconds, …).").ResolveFromParent<ValueChange>(p => p.Difference);
        d.Field("z").Type("Float").Description("Test statistic; null when no test applies (durations).").ResolveFromParent<ValueChange>(p => p.Z is { } z && double.IsFinite(z) ? z : (double?)null);
        d.Field("significant").Type("Boolean").Description("|z| > 1.96; null when no test applies.").ResolveFromParent<ValueChange>(p => p.Significant);
    }
}

/// <summary>One value of a breakdown by channel, journey stage or segment.</summary>
public sealed record BreakdownRow(string Dimension, string Key, ValueNode Value);

public sealed class BreakdownRowType : ObjectTypeDefinition<BreakdownRow>
{
    protected override void Configure(IObjectTypeDescriptor<BreakdownRow> d)
    {
        d.Name("BreakdownRow");
        d.Field("dimension").Type("String!").ResolveFromParent<BreakdownRow>(p => p.Dimension);
        d.Field("key").Type("String!").Description("The channel, journey stage or segment.").ResolveFromParent<BreakdownRow>(p => p.Key);
        d.Field("value").Type("MetricValue!").ResolveFromParent<BreakdownRow>(p => p.Value);
    }
}

/// <summary>A child unit and how much its value moved against the period before.</summary>
public sealed record Mover(OrgNode Unit, ValueNode Value, ValueChange Change);

public sealed class MoverType : ObjectTypeDefinition<Mover>
{
    protected override void Configure(IObjectTypeDescriptor<Mover> d)
    {
        d.Name("Mover");
        d.Field("unit").Type("OrgUnit!").ResolveFromParent<Mover>(p => p.Unit);
        d.Field("value").Type("MetricValue!").ResolveFromParent<Mover>(p => p.Value);
        d.Field("change").Type("Change!").ResolveFromParent<Mover>(p => p.Change);
    }
}

public sealed class SliceInputType : InputObjectTypeDefinition<SliceArgument>
{
    protected override void Configure(IInputObjectTypeDescriptor<SliceArgument> d)
    {
        d.Name("SliceInput").Description("One value of one dimension, e.g. { dimension: CHANNEL, value: \"phone\" }.");
        d.Field(s => s.Dimension).Type("SliceDimension!");
        d.Field(s => s.Value).Type("String!");
    }
}
