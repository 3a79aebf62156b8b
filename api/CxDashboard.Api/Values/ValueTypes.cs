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
        d.Field(m => m.Code).Description("The metric's code, used as the metric argument of value fields (nps, csat, fcr, …).");
        d.Field(m => m.Name).Description("Display name.");
        d.Field("kind").Type("MetricKind!").Description("Outcome (what the customer felt) or process (what the organisation did).")
            .ResolveFromParent<Metric>(m => MetricEnums.Kind(m.Kind));
        d.Field("unit").Type("MetricUnit!").Description("The unit of its values and targets.").ResolveFromParent<Metric>(m => MetricEnums.Unit(m.Unit));
        d.Field("direction").Type("MetricDirection!").Description("Which way the metric improves.").ResolveFromParent<Metric>(m => MetricEnums.Direction(m.Direction));
        d.Field(m => m.Description).Description("What the metric tells, in one sentence.");
        d.Field(m => m.Computation).Description("How the value is computed from the pooled counts of the rollup cells.");
        d.Field(m => m.Method).Description("Where the data comes from (survey, agent flag, …); null when not recorded.");
        d.Field(p => (int?)p.ScaleMin).Description("Survey metrics: the lowest answer on the question's scale.");
        d.Field(p => (int?)p.ScaleMax).Description("Survey metrics: the highest answer on the question's scale.");
    }
}

public sealed class MetricValueType : ObjectTypeDefinition<ValueNode>
{
    protected override void Configure(IObjectTypeDescriptor<ValueNode> d)
    {
        d.Name("MetricValue").Description("A metric for one subject, period and slice, derived from pooled rollup counts.");
        d.Field("metric").Type("Metric!").Description("The metric measured.").Resolve(async ctx => await ctx.MetricAsync(ctx.ParentAs<ValueNode>().Key.Metric));
        d.Field("period").Type("String!").Description("Canonical period text (2025-03, 2025-Q1, …).").ResolveFromParent<ValueNode>(p => p.Key.Period.ToString());
        d.Field("periodStart").Type("Date!").Description("First day, inclusive.").ResolveFromParent<ValueNode>(p => p.Key.Period.First);
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
        d.Field(p => p.Difference).Description("In the metric's unit (NPS points, percentage points, seconds, …).");
        d.Field("z").Type("Float").Description("Test statistic; null when no test applies (durations).").ResolveFromParent<ValueChange>(p => p.Z is { } z && double.IsFinite(z) ? z : (double?)null);
        d.Field(p => p.Significant).Description("|z| > 1.96; null when no test applies.");
        d.Field(p => p.Low).Description("Lower end of the difference's 95% interval (difference − 1.96 · standard error); null when no test applies.");
        d.Field(p => p.High).Description("Upper end of the difference's 95% interval; null when no test applies.");
    }
}

/// <summary>One value of a breakdown by channel, journey stage or segment.</summary>
public sealed record BreakdownRow(string Dimension, string Key, ValueNode Value);

public sealed class BreakdownRowType : ObjectTypeDefinition<BreakdownRow>
{
    protected override void Configure(IObjectTypeDescriptor<BreakdownRow> d)
    {
        d.Name("BreakdownRow").Description("The metric for one channel, journey stage or segment of a unit.");
        d.Field("dimension").Type("SliceDimension!").Description("The dimension broken down by.").ResolveFromParent<BreakdownRow>(p => MetricEnums.Dimension(p.Dimension));
        d.Field(p => p.Key).Description("The channel, journey stage or segment.");
        d.Field(p => p.Value).Description("The metric for the unit restricted to this key.");
    }
}

/// <summary>A child unit and how much its value moved against the period before.</summary>
public sealed record Mover(OrgNode Unit, ValueNode Value, ValueChange Change);

public sealed class MoverType : ObjectTypeDefinition<Mover>
{
    protected override void Configure(IObjectTypeDescriptor<Mover> d)
    {
        d.Name("Mover").Description("A child unit whose value moved against the previous period.");
        d.Field(p => p.Unit).Description("The child unit.");
        d.Field(p => p.Value).Description("Its value in the period asked for.");
        d.Field(p => p.Change).Description("Its value minus the previous period's, with the significance test.");
    }
}

public sealed class SliceInputType : InputObjectTypeDefinition<SliceArgument>
{
    protected override void Configure(IInputObjectTypeDescriptor<SliceArgument> d)
    {
        d.Name("SliceInput").Description("One value of one dimension, e.g. { dimension: CHANNEL, value: \"phone\" }.");
        d.Field(s => s.Dimension).Type("SliceDimension!").Description("The dimension.");
        d.Field(s => s.Value).Type("String!").Description("One of its values, e.g. phone, onboarding, premium.");
    }
}
