namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The stable codes of a refused KPI input (extensions.problem of a GraphQL error, next to its English message), so a
/// client can say the problem in its reader's language from the code and its params. One place: a new check adds its
/// code here, to docs/graphql-api.md and to the web's locale files (errors.kpi.*).
/// </summary>
public static class KpiProblem
{
    /// <summary>A value outside the metric's range. Params: value, min, max, metric, unit.</summary>
    public const string OutOfRange = "OUT_OF_RANGE";
    /// <summary>A weight not above 0 or above the maximum. Params: value, max.</summary>
    public const string WeightOutOfRange = "WEIGHT_OUT_OF_RANGE";
    /// <summary>Text longer than allowed. Params: max.</summary>
    public const string TooLong = "TOO_LONG";
    /// <summary>A required input is missing. Params: what (unit, metric).</summary>
    public const string Required = "REQUIRED";
    /// <summary>Something fixed when the KPI was created is given again. Params: what (unit, metric, slice).</summary>
    public const string FixedOnceCreated = "FIXED_ONCE_CREATED";
    /// <summary>Two inputs that exclude each other. Params: first, second.</summary>
    public const string NotBoth = "NOT_BOTH";
    /// <summary>No KPI with this id. Params: id.</summary>
    public const string KpiNotFound = "KPI_NOT_FOUND";
    /// <summary>No org unit with this id. Params: id.</summary>
    public const string UnitNotFound = "UNIT_NOT_FOUND";
    /// <summary>Params: metric.</summary>
    public const string UnknownMetric = "UNKNOWN_METRIC";
    /// <summary>The unit already has a KPI on this metric and slice.</summary>
    public const string DuplicateKpi = "DUPLICATE_KPI";
    /// <summary>A slice needs both a dimension and a value.</summary>
    public const string SliceIncomplete = "SLICE_INCOMPLETE";
    /// <summary>Params: dimension.</summary>
    public const string NotSliceDimension = "NOT_SLICE_DIMENSION";
    /// <summary>Params: value, dimension, allowed (list).</summary>
    public const string UnknownSliceValue = "UNKNOWN_SLICE_VALUE";
    /// <summary>Params: min, max (characters).</summary>
    public const string SegmentNameLength = "SEGMENT_NAME_LENGTH";
    public const string OwnParent = "OWN_PARENT";
    /// <summary>A parent at the same unit that is not an outcome KPI driven by this process KPI.</summary>
    public const string ParentNotOutcome = "PARENT_NOT_OUTCOME";
    /// <summary>Params: parentUnit.</summary>
    public const string ParentNotAbove = "PARENT_NOT_ABOVE";
    /// <summary>Params: metric, parentMetric.</summary>
    public const string ParentOtherMetric = "PARENT_OTHER_METRIC";
    public const string NoTargets = "NO_TARGETS";
    /// <summary>Params: max.</summary>
    public const string TooManyTargets = "TOO_MANY_TARGETS";
    /// <summary>Params: grain.</summary>
    public const string NotTargetGrain = "NOT_TARGET_GRAIN";
    /// <summary>A date that does not start its period. Params: date, grain (month, quarter, year).</summary>
    public const string NotPeriodStart = "NOT_PERIOD_START";
    /// <summary>Params: date.</summary>
    public const string DuplicatePeriod = "DUPLICATE_PERIOD";
    /// <summary>Params: date, from, to.</summary>
    public const string DateOutsideWindow = "DATE_OUTSIDE_WINDOW";
    public const string NoAuthor = "NO_AUTHOR";
    public const string RuleEmpty = "RULE_EMPTY";
    /// <summary>Params: max.</summary>
    public const string RuleTooLong = "RULE_TOO_LONG";
    public const string RuleNoDataStatus = "RULE_NO_DATA_STATUS";
    public const string RuleAlwaysWithBounds = "RULE_ALWAYS_WITH_BOUNDS";
    public const string RuleNoBounds = "RULE_NO_BOUNDS";
    /// <summary>Params: min, max.</summary>
    public const string RuleMinAboveMax = "RULE_MIN_ABOVE_MAX";
    public const string NotFinite = "NOT_FINITE";
    public const string RuleUnreachable = "RULE_UNREACHABLE";
}
