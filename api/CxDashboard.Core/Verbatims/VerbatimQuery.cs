using System.Globalization;
using System.Text;
using CxDashboard.Core.Values;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Verbatims;

/// <summary>Which answers a verbatim list shows, e.g. NPS detractors.</summary>
public enum VerbatimBand
{
    All,
    NpsPromoters,
    NpsPassives,
    NpsDetractors,
    CsatSatisfied,
    CsatDissatisfied,
    CesEasy,
    CesHard,
}

public sealed record Verbatim(long Id, DateTimeOffset RespondedAt, long UnitId, string Channel, string JourneyStage, string Segment,
    short? Nps, short? Csat, short? Ces, string Comment)
{
    public string Cursor => VerbatimQuery.EncodeCursor(RespondedAt, Id);

    public string? NpsBand { get; init; } = Band(Nps, 6, 8, "detractor", "passive", "promoter");

    public string? CsatBand { get; init; } = Band(Csat, 2, 3, "dissatisfied", "neutral", "satisfied");

    public string? CesBand { get; init; } = Band(Ces, 3, 4, "hard", "neutral", "easy");

    /// <summary>The scores as bands only (for callers under the privacy floor).</summary>
    public Verbatim Banded() => this with { Nps = null, Csat = null, Ces = null };

    private static string? Band(short? score, int lowMax, int midMax, string low, string mid, string high) =>
        score is not { } s ? null : s <= lowMax ? low : s <= midMax ? mid : high;
}

public sealed record VerbatimPage(IReadOnlyList<Verbatim> Items, bool HasNextPage)
{
    public string? EndCursor => Items.Count == 0 ? null : Items[^1].Cursor;
}

/// <summary>
/// Comments of a unit's subtree for a period, newest first, keyset-paged by (responded_at, id).
/// The one read of raw facts on the API's path (drill-to-detail, DESIGN §3); it is limited to the
/// unit ids the caller may see, passed in by the scope component.
/// </summary>
public sealed class VerbatimQuery(NpgsqlDataSource db)
{
    public const int MaxPageSize = 100;

    public async Task<VerbatimPage> PageAsync(long unitId, IReadOnlyCollection<long> visibleUnitIds, Period period, VerbatimBand band,
        VerbatimSlices slices, int first, string? after, CancellationToken ct = default) =>
        (await PagesAsync([unitId], visibleUnitIds, period, band, slices, first, after, null, ct))[unitId];

    /// <summary>
    /// One page for each of many units in ONE command: a lateral subquery per unit takes that unit's newest
    /// <paramref name="first"/> + 1 comments (the extra row says whether a next page exists), so a query asking
    /// verbatims of every department costs one round trip, not one per department.
    /// </summary>
    /// <param name="slices">The dimensions filtered, ANDed (one value per dimension at most).</param>
    /// <param name="minGroup">Under the privacy floor: a unit whose group (its comments in the period, band and every
    /// filtered dimension together) is smaller than this gets an empty page.</param>
    public async Task<IReadOnlyDictionary<long, VerbatimPage>> PagesAsync(IReadOnlyCollection<long> unitIds, IReadOnlyCollection<long> visibleUnitIds,
        Period period, VerbatimBand band, VerbatimSlices slices, int first, string? after, int? minGroup, CancellationToken ct = default)
    {
        var small = new HashSet<long>();
        if (first is < 1 or > MaxPageSize) throw new ArgumentException($"first must be between 1 and {MaxPageSize}");
        var cursor = after is null ? ((DateTimeOffset, long)?)null : DecodeCursor(after);
        var units = unitIds.Distinct().ToArray();
        var items = units.ToDictionary(u => u, _ => new List<Verbatim>());
        if (units.Length == 0) return new Dictionary<long, VerbatimPage>();
        await using var cmd = db.CreateCommand(PageSql(band, slices, cursor is not null));
        cmd.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = units });
        cmd.Parameters.Add(new NpgsqlParameter("visible", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = visibleUnitIds.ToArray() });
        cmd.Parameters.AddWithValue("from", new DateTimeOffset(period.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        cmd.Parameters.AddWithValue("to", new DateTimeOffset(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        cmd.Parameters.AddWithValue("limit", first + 1);
        foreach (var (column, value) in slices.Filters()) cmd.Parameters.AddWithValue(SliceParameter(column), value);
        if (cursor is { } c)
        {
            cmd.Parameters.AddWithValue("after_ts", c.Item1);
            cmd.Parameters.AddWithValue("after_id", c.Item2);
        }
        if (minGroup is { } floor)
        {
            // Under the privacy floor a list shows only for a group of at least the floor: fewer comments would show
            // individual answers of a group too small to publish.
            await using var count = db.CreateCommand($"""
                SELECT u.unit_id, (SELECT count(*) FROM survey_response r
                    JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id AND c.ancestor_id = u.unit_id
                    WHERE r.org_unit_id = ANY(@visible) AND r.comment IS NOT NULL AND r.comment <> ''
                      AND r.responded_at >= @from AND r.responded_at < @to AND {BandSql(band)} {SlicesSql(slices)})
                FROM unnest(@units) AS u(unit_id)
                """);
            foreach (NpgsqlParameter p in cmd.Parameters) if (p.ParameterName is "units" or "visible" or "from" or "to" || p.ParameterName.StartsWith("slice_", StringComparison.Ordinal)) count.Parameters.Add(p.Clone());
            await using var r = await count.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) if (r.GetInt64(1) < floor) small.Add(r.GetInt64(0));
        }
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                items[r.GetInt64(0)].Add(new Verbatim(r.GetInt64(1), r.GetFieldValue<DateTimeOffset>(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetInt16(7), r.IsDBNull(8) ? null : r.GetInt16(8), r.IsDBNull(9) ? null : r.GetInt16(9), r.GetString(10)));
            }
        }
        return items.ToDictionary(kv => kv.Key, kv =>
            small.Contains(kv.Key) ? new VerbatimPage([], false)
            : kv.Value.Count > first ? new VerbatimPage(kv.Value[..first], true) : new VerbatimPage(kv.Value, false));
    }

    /// <summary>
    /// One page per unit in <c>@units</c>: each visible descendant's newest <c>@limit</c> comments, taken from the
    /// comment indexes (<c>ix_survey_response_comment*</c>: unit[, band], time) as a short backward range scan, then merged. The rows
    /// read are at most descendants × <c>@limit</c> per partition of the period, never the period's partition.
    /// </summary>
    /// <remarks>
    /// The filtered dimensions are conditions on the rows the index scan returns (no index is keyed by them): a page
    /// reads each descendant's comments of the band newest first until it has <c>@limit</c> of the combination, so a
    /// rare combination reads further back in the descendant's own index range, never the period's partition.
    /// </remarks>
    public static string PageSql(VerbatimBand band, VerbatimSlices slices, bool hasCursor)
    {
        var sliceSql = SlicesSql(slices);
        var cursorSql = hasCursor ? "AND (r.responded_at, r.id) < (@after_ts, @after_id)" : "";
        return $"""
            SELECT u.unit_id, v.id, v.responded_at, v.org_unit_id, v.channel, v.journey_stage, v.segment, v.nps, v.csat, v.ces, v.comment
            FROM unnest(@units) AS u(unit_id)
            CROSS JOIN LATERAL (
                SELECT x.* FROM org_unit_closure c
                CROSS JOIN LATERAL (
                    SELECT r.id, r.responded_at, r.org_unit_id, r.channel, r.journey_stage, r.segment, r.nps, r.csat, r.ces, r.comment
                    FROM survey_response r
                    WHERE r.org_unit_id = c.descendant_id AND r.comment IS NOT NULL AND r.comment <> ''
                      AND r.responded_at >= @from AND r.responded_at < @to
                      AND {BandSql(band)} {sliceSql} {cursorSql}
                    ORDER BY r.responded_at DESC, r.id DESC
                    LIMIT @limit) x
                WHERE c.ancestor_id = u.unit_id AND c.descendant_id = ANY(@visible)
                ORDER BY x.responded_at DESC, x.id DESC
                LIMIT @limit) v
            ORDER BY u.unit_id, v.responded_at DESC, v.id DESC
            """;
    }

    // A band is an equality on the score's band expression, written exactly as in the comment indexes (migration
    // VerbatimIndex), so the planner serves it from the index keyed (unit, band, time); NULL scores fall in no band.
    private const string NpsBand = "(CASE WHEN r.nps >= 9 THEN 2 WHEN r.nps >= 7 THEN 1 WHEN r.nps <= 6 THEN 0 END)";
    private const string CsatBand = "(CASE WHEN r.csat >= 4 THEN 2 WHEN r.csat = 3 THEN 1 WHEN r.csat <= 2 THEN 0 END)";
    private const string CesBand = "(CASE WHEN r.ces >= 5 THEN 2 WHEN r.ces = 4 THEN 1 WHEN r.ces <= 3 THEN 0 END)";

    // One equality per filtered dimension, its value a parameter; the column names are the fixed ones of VerbatimSlices.
    private static string SlicesSql(VerbatimSlices slices) =>
        string.Concat(slices.Filters().Select(f => $" AND r.{f.Column} = @{SliceParameter(f.Column)}"));

    private static string SliceParameter(string column) => "slice_" + column;

    private static string BandSql(VerbatimBand band) => band switch
    {
        VerbatimBand.All => "TRUE",
        VerbatimBand.NpsPromoters => $"{NpsBand} = 2",
        VerbatimBand.NpsPassives => $"{NpsBand} = 1",
        VerbatimBand.NpsDetractors => $"{NpsBand} = 0",
        VerbatimBand.CsatSatisfied => $"{CsatBand} = 2",
        VerbatimBand.CsatDissatisfied => $"{CsatBand} = 0",
        VerbatimBand.CesEasy => $"{CesBand} = 2",
        VerbatimBand.CesHard => $"{CesBand} = 0",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    // Opaque to clients; carries the keyset position of the last item of a page.
    internal static string EncodeCursor(DateTimeOffset at, long id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"v1:{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id.ToString(CultureInfo.InvariantCulture)}"));

    private static (DateTimeOffset, long) DecodeCursor(string cursor)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts is ["v1", var ticks, var id])
            {
                return (new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero), long.Parse(id, CultureInfo.InvariantCulture));
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
        }
        throw new ArgumentException($"'{cursor}' is not a cursor from this list");
    }
}
