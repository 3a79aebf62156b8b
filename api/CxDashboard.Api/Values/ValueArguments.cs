using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Scorecards;
using CxDashboard.Api.Security;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Values;

/// <summary>Slice dimensions as the API names them.</summary>
public enum SliceDimension
{
    Channel,
    JourneyStage,
    Segment,
}

/// <summary>Grains of a time series.</summary>
public enum SeriesGrain
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>The <c>slice</c> input: one value of one dimension.</summary>
public sealed record SliceArgument(SliceDimension Dimension, string Value);

/// <summary>
/// Reads and checks the arguments shared by the fields that read values (metric, period, slice, counts); bad input is
/// a BAD_USER_INPUT field error naming the argument. The one period parser of the API: scorecards and drivers use it too.
/// </summary>
public static class ValueArguments
{
    public const string PeriodHelp = "2025-03 (month), 2025-Q1 (quarter), 2025 (year), 2025-W05 (ISO week), 2025-03-14 (day) or 2025-03-01..2025-03-15 (day range)";

    public static string Metric(IResolveContext ctx)
    {
        var code = ctx.Argument<string>("metric") ?? "";
        return MetricReading.IsKnown(code) ? code : throw FieldErrors.BadArgument("metric", $"Unknown metric '{code}'; the query 'metrics' lists them.", KpiProblem.UnknownMetric, ("metric", code));
    }

    public static Period Period(IResolveContext ctx, string name = "period")
    {
        try
        {
            // An embed token's locked period: the argument must be that period.
            var period = ctx.Service<ScopeGate>().Locks.CheckArgument(Core.Values.Period.Parse(ctx.Argument<string>(name) ?? ""), name);
            ctx.Service<ScopeGate>().RequireReadable(period);
            return period;
        }
        catch (PeriodException e)
        {
            throw FieldErrors.BadArgument(name, e.Message, ApiProblem.BadPeriod, ("value", ctx.Argument<string>(name)));
        }
    }

    public static Slice Slice(IResolveContext ctx)
    {
        // An embed token's locked slice: an absent slice reads it, another slice is refused.
        var locks = ctx.Service<ScopeGate>().Locks;
        if (ctx.Argument<SliceArgument>("slice") is not { } s) return locks.CheckArgument(Core.Values.Slice.All);
        if (string.IsNullOrWhiteSpace(s.Value)) throw FieldErrors.BadArgument("slice", "A slice needs a value, e.g. { dimension: CHANNEL, value: \"phone\" }.", KpiProblem.SliceIncomplete);
        return locks.CheckArgument(new Slice(DimensionName(s.Dimension), s.Value));
    }

    public static string DimensionName(SliceDimension d) => d switch
    {
        SliceDimension.Channel => "channel",
        SliceDimension.JourneyStage => "journey_stage",
        _ => "segment",
    };

    public static string GrainName(SeriesGrain g) => g.ToString().ToLowerInvariant();

    public static int Count(IResolveContext ctx, string name, int fallback, int max)
    {
        var n = ctx.ArgumentOr(name, fallback);
        return n >= 1 && n <= max ? n : throw FieldErrors.BadArgument(name, $"{name} must be between 1 and {max}.", ApiProblem.CountRange, ("name", name), ("min", 1), ("max", max));
    }
}
