namespace CxDashboard.Api.Values;

/// <summary>What a metric measures: the customer's experience or the organisation's work.</summary>
public enum MetricKind
{
    /// <summary>What the customer felt (survey scores: NPS, CSAT, CES).</summary>
    Outcome,

    /// <summary>What the organisation did (interaction data: resolution, speed, transfers, …).</summary>
    Process,
}

/// <summary>Which way a metric improves.</summary>
public enum MetricDirection
{
    /// <summary>Higher values are better (NPS, CSAT, FCR, …).</summary>
    HigherIsBetter,

    /// <summary>Lower values are better (repeat contacts, response time, transfers, …).</summary>
    LowerIsBetter,
}

/// <summary>The unit a metric's values, targets and changes are in.</summary>
public enum MetricUnit
{
    /// <summary>NPS points, −100 to 100.</summary>
    Score,

    /// <summary>A share in percent, 0 to 100.</summary>
    Percent,

    /// <summary>A duration in seconds (values are medians).</summary>
    Seconds,

    /// <summary>A mean on the survey question's scale.</summary>
    Mean,
}

/// <summary>The closed sets of the metric catalogue, stored as lower-case text (metric.kind, .direction, .unit), as API enums.</summary>
public static class MetricEnums
{
    public static MetricKind Kind(string kind) => kind == "process" ? MetricKind.Process : MetricKind.Outcome;

    public static MetricDirection Direction(string direction) => direction == "lower" ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;

    public static MetricUnit Unit(string unit) => unit switch
    {
        "score" => MetricUnit.Score,
        "percent" => MetricUnit.Percent,
        "seconds" => MetricUnit.Seconds,
        "mean" => MetricUnit.Mean,
        _ => throw new InvalidOperationException($"Unknown metric unit '{unit}'."),
    };

    /// <summary>The API's slice dimension of a stored one (channel, journey_stage, segment).</summary>
    public static SliceDimension Dimension(string dimension) => dimension switch
    {
        "channel" => SliceDimension.Channel,
        "journey_stage" => SliceDimension.JourneyStage,
        "segment" => SliceDimension.Segment,
        _ => throw new InvalidOperationException($"Unknown slice dimension '{dimension}'."),
    };
}
