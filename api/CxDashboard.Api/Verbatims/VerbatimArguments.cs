using CxDashboard.Api.GraphQL;
using CxDashboard.Core.Scorecards;
using CxDashboard.Api.Security;
using CxDashboard.Api.Values;
using CxDashboard.Core.Facts;
using CxDashboard.Core.Verbatims;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Verbatims;

/// <summary>
/// Reads the verbatim filter: <c>slices</c> (one value per dimension, ANDed) or the deprecated single <c>slice</c>.
/// Bad input is a BAD_USER_INPUT field error naming the argument; an embed token's locked slice is applied here
/// (absent: the locked value is filled in; another value of the locked dimension: refused).
/// </summary>
public static class VerbatimArguments
{
    public const string SlicesHelp = "At most one value per dimension, all ANDed, e.g. [{ dimension: CHANNEL, value: \"phone\" }, " +
        "{ dimension: JOURNEY_STAGE, value: \"onboarding\" }, { dimension: SEGMENT, value: \"small_business\" }]. " +
        "Under the privacy floor the floor applies to the combination's comments.";

    public const string SliceDeprecation = "Use slices, which combines channel, journey stage and segment.";

    private const int MaxSegmentLength = 100;

    public static VerbatimSlices Slices(IResolveContext ctx)
    {
        var locks = ctx.Service<ScopeGate>().Locks;
        var list = ctx.Argument<List<SliceArgument>>("slices");
        if (list is null) return locks.CheckArgument(VerbatimSlices.From(ValueArguments.Slice(ctx)));
        if (ctx.Argument<SliceArgument>("slice") is not null)
            throw FieldErrors.BadArgument("slices", "slices and the deprecated slice cannot be given together; put every dimension in slices.",
                KpiProblem.NotBoth, ("first", "slices"), ("second", "slice"));
        var slices = VerbatimSlices.All;
        foreach (var s in list)
        {
            var dimension = ValueArguments.DimensionName(s.Dimension);
            var name = dimension.ToUpperInvariant(); // as the schema spells it: CHANNEL, JOURNEY_STAGE, SEGMENT
            var value = s.Value?.Trim() ?? "";
            if (slices.Get(dimension) is { } earlier)
                throw FieldErrors.BadArgument("slices", $"slices gives {name} twice ('{earlier}' and '{value}'); give at most one value per dimension.",
                    ApiProblem.SliceTwice, ("dimension", dimension), ("first", earlier), ("second", value));
            var known = dimension switch { "channel" => Dimensions.Channels, "journey_stage" => Dimensions.JourneyStages, _ => null };
            if (value.Length == 0)
                throw FieldErrors.BadArgument("slices", $"slices: {name} needs a value, e.g. {{ dimension: CHANNEL, value: \"phone\" }}.", KpiProblem.SliceIncomplete);
            if (known is not null && Array.IndexOf(known, value) < 0)
                throw FieldErrors.BadArgument("slices", $"slices: '{value}' is not a {name}; use one of {string.Join(", ", known)}.",
                    KpiProblem.UnknownSliceValue, ("value", value), ("dimension", dimension), ("allowed", known));
            if (value.Length > MaxSegmentLength)
                throw FieldErrors.BadArgument("slices", $"slices: a segment name has 1 to {MaxSegmentLength} characters.",
                    KpiProblem.SegmentNameLength, ("min", 1), ("max", MaxSegmentLength));
            slices = slices.With(dimension, value);
        }
        return locks.CheckArgument(slices);
    }
}
