namespace CxDashboard.Core.Rollups;

/// <summary>Column groups of a rollup cell: which metric reads which (see <c>MetricReading.GroupsOf</c>).</summary>
[Flags]
public enum CellColumnGroup
{
    None = 0,
    Responses = 1,
    Interactions = 2,
    /// <summary>First response time: its n, sum and histogram (only the response-time metric reads them).</summary>
    ResponseTime = 4,
    /// <summary>Handle time: its n, sum and histogram.</summary>
    HandleTime = 8,
}

/// <summary>An additive statistic of a rollup cell and how it is computed from one raw fact table.</summary>
public sealed record CellColumn(string Name, string SqlType, string Aggregate);

/// <summary>
/// The statistics every rollup cell carries. Each is a count or a sum, so a cell of a parent, a
/// partner or a coarser period is the column-wise sum of its parts — every displayed number is then
/// derived from these at read time (see <see cref="Metrics.MetricMath"/>), exactly.
/// </summary>
public static class CellColumns
{
    private const string Rt = "extract(epoch FROM (first_response_at - opened_at))";

    /// <summary>From survey_response rows.</summary>
    public static readonly CellColumn[] Responses =
    [
        new("responses", "integer", "count(*)"),
        new("nps_n", "integer", "count(nps)"),
        new("promoters", "integer", "count(*) FILTER (WHERE nps >= 9)"),
        new("passives", "integer", "count(*) FILTER (WHERE nps BETWEEN 7 AND 8)"),
        new("detractors", "integer", "count(*) FILTER (WHERE nps <= 6)"),
        new("csat_n", "integer", "count(csat)"),
        new("csat_top2", "integer", "count(*) FILTER (WHERE csat >= 4)"),
        new("csat_sum", "double precision", "coalesce(sum(csat), 0)"),
        new("csat_sum_sq", "double precision", "coalesce(sum(csat * csat), 0)"),
        new("ces_n", "integer", "count(ces)"),
        new("ces_agree", "integer", "count(*) FILTER (WHERE ces >= 5)"),
        new("ces_sum", "double precision", "coalesce(sum(ces), 0)"),
        new("ces_sum_sq", "double precision", "coalesce(sum(ces * ces), 0)"),
    ];

    /// <summary>From interaction rows.</summary>
    public static readonly CellColumn[] Interactions =
    [
        new("contacts", "integer", "count(*)"),
        new("fcr_num", "integer", "count(*) FILTER (WHERE resolved_first_contact)"),
        new("fcr_den", "integer", "count(resolved_first_contact)"),
        new("repeat_num", "integer", "count(*) FILTER (WHERE repeat_within_7d)"),
        new("repeat_den", "integer", "count(repeat_within_7d)"),
        new("sla_num", "integer", $"count(*) FILTER (WHERE sla_target_seconds IS NOT NULL AND first_response_at IS NOT NULL AND {Rt} <= sla_target_seconds)"),
        new("sla_den", "integer", "count(sla_target_seconds)"),
        new("transfer_num", "integer", "count(*) FILTER (WHERE transfers > 0)"),
        new("switch_num", "integer", "count(*) FILTER (WHERE switched_channel)"),
        new("abandon_num", "integer", "count(*) FILTER (WHERE abandoned)"),
        new("ss_started", "integer", "count(contained_in_self_service)"),
        new("ss_contained", "integer", "count(*) FILTER (WHERE contained_in_self_service)"),
        new("rt_n", "integer", "count(first_response_at)"),
        new("rt_sum", "double precision", $"coalesce(sum({Rt}), 0)"),
        new("ht_n", "integer", "count(handle_seconds)"),
        new("ht_sum", "double precision", "coalesce(sum(handle_seconds), 0)"),
        .. Histogram("rt", "rt_bucket"),
        .. Histogram("ht", "ht_bucket"),
    ];

    public static readonly CellColumn[] All = [.. Responses, .. Interactions];

    /// <summary>
    /// The group of each column of <see cref="All"/>, in that order. The two durations' columns (their histograms
    /// above all) are two thirds of a cell, and only the two duration metrics read them, so readers that know their
    /// metrics skip them.
    /// </summary>
    public static readonly CellColumnGroup[] Groups = [.. All.Select(GroupOf)];

    private static CellColumnGroup GroupOf(CellColumn c) =>
        Responses.Contains(c) ? CellColumnGroup.Responses
        : c.Name.StartsWith("rt_", StringComparison.Ordinal) ? CellColumnGroup.ResponseTime
        : c.Name.StartsWith("ht_", StringComparison.Ordinal) ? CellColumnGroup.HandleTime
        : CellColumnGroup.Interactions;

    public static string HistogramColumn(string prefix, int k) => $"{prefix}_h{k:D2}";

    /// <summary>Bucket expressions the interaction aggregate reads (computed once per row in a subquery).</summary>
    public static readonly string InteractionBuckets =
        $"{DurationHistogram.SqlBucketOfInterval("first_response_at - opened_at")} AS rt_bucket, {DurationHistogram.SqlBucketOfWholeSeconds("handle_seconds")} AS ht_bucket";

    private static IEnumerable<CellColumn> Histogram(string prefix, string bucket) =>
        Enumerable.Range(0, DurationHistogram.Buckets).Select(k => new CellColumn(HistogramColumn(prefix, k), "integer", $"count(*) FILTER (WHERE {bucket} = {k})"));
}
