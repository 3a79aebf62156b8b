namespace CxDashboard.Core.Scorecards;

/// <summary>Confidence rules of DESIGN §6 (configuration section <c>Scorecards</c>).</summary>
public sealed class ConfidenceOptions
{
    public const string Section = "Scorecards";

    /// <summary>Below this n a value is flagged low-confidence.</summary>
    public int MinN { get; set; } = 30;

    /// <summary>Below this n a value is suppressed (its n stays visible) for partner and embedded callers.</summary>
    public int PrivacyFloor { get; set; } = 5;
}

/// <summary>
/// Whether a value is hidden from the caller: primary suppression below the privacy floor, or complementary
/// suppression so it cannot be worked out from published totals and parts (the caller's pattern decides).
/// </summary>
public delegate bool ValueGate(SubjectKind kind, long subjectId, string metric, Period period, Slice slice, long n);

/// <summary>A reading as shown to one caller: flagged below the minimum n, suppressed below the privacy floor when the caller is subject to it.</summary>
public sealed record MetricValue(MetricReading Reading, bool LowConfidence, bool Suppressed)
{
    public static MetricValue Of(MetricReading reading, ConfidenceOptions options, bool applyPrivacyFloor) =>
        Shown(reading, options, applyPrivacyFloor && reading.N > 0 && reading.N < options.PrivacyFloor);

    /// <summary>A reading whose suppression was decided elsewhere (the caller's suppression pattern).</summary>
    public static MetricValue Shown(MetricReading reading, ConfidenceOptions options, bool suppressed) =>
        new(reading, reading.N < options.MinN, suppressed);

    public string Metric => Reading.Metric;
    public long N => Reading.N;
    public double? Value => Suppressed ? null : Reading.Value;
    public double? Low => Suppressed ? null : Reading.Low;
    public double? High => Suppressed ? null : Reading.High;
    public double? P90 => Suppressed ? null : Reading.P90;
    public double? Mean => Suppressed ? null : Reading.Mean;

    /// <summary>Promoters (NPS) or the numerator of a share: the counts behind the value, hidden with it.</summary>
    public long? Numerator => Suppressed || Reading.Shape is not (ReadingShape.Nps or ReadingShape.Share) ? null : (long)Reading.Raw.A;

    /// <summary>Detractors (NPS only), hidden with the value.</summary>
    public long? Detractors => Suppressed || Reading.Shape != ReadingShape.Nps ? null : (long)Reading.Raw.B;

    /// <summary>This value against an earlier (or other) one; nothing when either side is suppressed or empty.</summary>
    public ValueChange? ComparedWith(MetricValue other) => Suppressed || other.Suppressed ? null : Reading.ComparedWith(other.Reading);
}

/// <summary>A value in its period, next to the previous period's.</summary>
public sealed record PeriodValue(Period Period, MetricValue Current, Period PreviousPeriod, MetricValue Previous)
{
    public ValueChange? Change => Current.ComparedWith(Previous);
}
