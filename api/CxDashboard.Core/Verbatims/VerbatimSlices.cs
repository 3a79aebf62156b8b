using CxDashboard.Core.Values;

namespace CxDashboard.Core.Verbatims;

/// <summary>
/// A verbatim list's filter on the response's dimensions: at most one value per dimension, all given ones ANDed
/// (e.g. phone AND onboarding AND small_business). A record of strings, so two filters asking the same are equal
/// (a data loader or cache key holding it groups them).
/// </summary>
public sealed record VerbatimSlices(string? Channel = null, string? JourneyStage = null, string? Segment = null)
{
    public static readonly VerbatimSlices All = new();

    /// <summary>The one-dimension slice of the other reads, as a filter.</summary>
    public static VerbatimSlices From(Slice slice) => slice.Dimension == "all" ? All : All.With(slice.Dimension, slice.Value);

    public bool IsAll => Channel is null && JourneyStage is null && Segment is null;

    /// <summary>The value asked for a dimension (column name, as <see cref="Slice.Dimensions"/>); null if not filtered.</summary>
    public string? Get(string dimension) => dimension switch
    {
        "channel" => Channel,
        "journey_stage" => JourneyStage,
        "segment" => Segment,
        _ => throw new ArgumentException($"unknown slice dimension '{dimension}'; use one of {string.Join(", ", Slice.Dimensions)}"),
    };

    public VerbatimSlices With(string dimension, string value) => dimension switch
    {
        "channel" => this with { Channel = value },
        "journey_stage" => this with { JourneyStage = value },
        "segment" => this with { Segment = value },
        _ => throw new ArgumentException($"unknown slice dimension '{dimension}'; use one of {string.Join(", ", Slice.Dimensions)}"),
    };

    /// <summary>The filtered dimensions as (column, value), in the fixed order channel, journey_stage, segment.</summary>
    public IEnumerable<(string Column, string Value)> Filters()
    {
        foreach (var d in Slice.Dimensions)
        {
            if (Get(d) is { } v) yield return (d, v);
        }
    }

    public override string ToString() => IsAll ? "all" : string.Join(" & ", Filters().Select(f => $"{f.Column}={f.Value}"));
}
