namespace CxDashboard.Core.Drivers;

/// <summary>
/// The counts a driver analysis needs, kept by the rollup engine in <c>driver_cell</c> (one row per unit's own responses
/// and day or month; migration <c>DriverCells</c> must match these columns). For each condition and side (it held / it
/// did not) the CSAT n and top-2 and the NPS n, promoters and detractors, plus the linked responses: additive, so a
/// subtree and a quarter are column sums of month rows, and the privacy floor's parts (each unit's own month) are rows.
/// </summary>
public static class DriverCells
{
    /// <summary>A condition's key (column prefix) and its truth per linked (response, interaction) row; NULL = not known, in neither group.</summary>
    public static readonly (string Key, string Holds)[] Conditions =
    [
        ("fcr", "f.resolved_first_contact"),
        ("sla", "CASE WHEN f.sla_target_seconds IS NULL THEN NULL ELSE coalesce(f.response_seconds <= f.sla_target_seconds, false) END"),
        ("transferred", "f.transfers > 0"),
        ("switched", "f.switched_channel"),
        ("low_effort", "f.ces >= 5"),
    ];

    public static readonly (string Side, string Test)[] Sides = [("w", "IS TRUE"), ("wo", "IS FALSE")];

    /// <summary>Each statistic and the linked rows f it counts.</summary>
    public static readonly (string Stat, string Counts)[] Stats =
    [
        ("csat_n", "f.csat IS NOT NULL"),
        ("csat_top2", "f.csat >= 4"),
        ("nps_n", "f.nps IS NOT NULL"),
        ("promoters", "f.nps >= 9"),
        ("detractors", "f.nps <= 6"),
    ];

    public static string Column(string condition, string side, string stat) => $"{condition}_{side}_{stat}";

    /// <summary>Every count column after <c>linked</c>, in a fixed order: condition, side, stat.</summary>
    public static readonly string[] CountColumns =
        [.. Conditions.SelectMany(c => Sides.SelectMany(s => Stats.Select(st => Column(c.Key, s.Side, st.Stat))))];

    /// <summary>
    /// The aggregate of each of <see cref="CountColumns"/> over linked rows <c>f</c>: how many rows count, or with
    /// <paramref name="weight"/> (an expression of f) the sum of the counted rows' weights (the refresh's signed pairs).
    /// With <paramref name="heldColumns"/> each condition's truth is read from column f.{key} (<see cref="WithConditions"/>)
    /// instead of being evaluated in each of its ten aggregates.
    /// </summary>
    public static IEnumerable<string> Aggregates(string? weight = null, bool heldColumns = false) =>
        Conditions.SelectMany(c => Sides.SelectMany(s => Stats.Select(st =>
        {
            var counted = $"FILTER (WHERE {st.Counts} AND ({(heldColumns ? $"f.{c.Key}" : c.Holds)}) {s.Test})";
            return weight is null ? $"count(*) {counted}" : $"coalesce(sum({weight}) {counted}, 0)";
        })));

    /// <summary>
    /// The linked rows of <paramref name="linkedRows"/> with each condition's truth computed once, as column {key}. OFFSET 0
    /// keeps PostgreSQL from pulling the subquery up, which would copy each condition back into its ten FILTERs (the SLA
    /// condition compares a numeric each time): a full rebuild's driver cells, 800k pairs at 1M + 1M rows, spent ~1 s of
    /// ~6 s on that.
    /// </summary>
    private static string WithConditions(string linkedRows) => $"""
        SELECT f.org_unit_id, f.day, f.csat, f.nps, {string.Join(", ", Conditions.Select(c => $"{c.Holds} AS {c.Key}"))}
        FROM ({linkedRows}) f OFFSET 0
        """;

    /// <summary>
    /// The linked (response, interaction) rows the analysis counts, with what the conditions read. A response counts an
    /// interaction opened from 35 days before the start of the response's month up to the end of that month, so every
    /// link belongs to the response's month alone and a quarter's groups are exactly the sum of its months'.
    /// <paramref name="responseWhere"/> limits the responses (alias r) and <paramref name="interactionWhere"/> the
    /// interaction partitions read (alias i); <paramref name="responseFrom"/> may join the responses (alias r) to keys, and
    /// <paramref name="interactionFrom"/> name other interaction rows (alias i). Each row carries <paramref name="weight"/> as w.
    /// </summary>
    public static string LinkedRows(string responseWhere, string interactionWhere, string responseFrom = "survey_response r",
        string interactionFrom = "interaction i", string weight = "1") => $"""
        SELECT {weight} AS w, r.csat, r.nps, r.ces, i.resolved_first_contact, i.transfers, i.switched_channel, i.sla_target_seconds,
               extract(epoch FROM i.first_response_at - i.opened_at) AS response_seconds,
               r.org_unit_id, (r.responded_at AT TIME ZONE 'UTC')::date AS day
        FROM {responseFrom}
        JOIN {interactionFrom} ON i.external_id = r.interaction_external_id
        WHERE {responseWhere} AND {interactionWhere}
          AND i.opened_at >= (date_trunc('month', r.responded_at AT TIME ZONE 'UTC') - interval '35 days') AT TIME ZONE 'UTC'
          AND i.opened_at < (date_trunc('month', r.responded_at AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC'
        """;

    /// <summary>
    /// Day rows of driver_cell (or of <paramref name="target"/>, a table like it) from the linked rows of the responses that
    /// <paramref name="responseWhere"/> selects.
    /// </summary>
    public static string InsertDays(string responseWhere, string interactionWhere, string responseFrom = "survey_response r", string target = "driver_cell") => $"""
        INSERT INTO {target} (org_unit_id, grain, period_start, linked, {string.Join(", ", CountColumns)})
        SELECT f.org_unit_id, 'day', f.day, count(*), {string.Join(", ", Aggregates(heldColumns: true))}
        FROM ({WithConditions(LinkedRows(responseWhere, interactionWhere, responseFrom))}) f
        GROUP BY f.org_unit_id, f.day
        """;

    /// <summary>Month rows as sums of the day rows of the months in <paramref name="monthWhere"/> (over period_start of day rows).</summary>
    public static string InsertMonths(string monthWhere) => $"""
        INSERT INTO driver_cell (org_unit_id, grain, period_start, linked, {string.Join(", ", CountColumns)})
        SELECT org_unit_id, 'month', date_trunc('month', period_start)::date, sum(linked), {string.Join(", ", CountColumns.Select(c => $"sum({c})"))}
        FROM driver_cell WHERE grain = 'day' AND {monthWhere}
        GROUP BY org_unit_id, date_trunc('month', period_start)
        """;

    /// <summary>Month rows re-summed from the day rows of the (unit_id, month) pairs in table <paramref name="unitMonths"/>.</summary>
    public static string InsertMonthsOf(string unitMonths) => $"""
        INSERT INTO driver_cell (org_unit_id, grain, period_start, linked, {string.Join(", ", CountColumns)})
        SELECT d.org_unit_id, 'month', m.month, sum(d.linked), {string.Join(", ", CountColumns.Select(c => $"sum(d.{c})"))}
        FROM {unitMonths} m JOIN driver_cell d ON d.org_unit_id = m.unit_id AND d.grain = 'day'
         AND d.period_start >= m.month AND d.period_start < (m.month + interval '1 month')::date
        GROUP BY d.org_unit_id, m.month
        """;
}
