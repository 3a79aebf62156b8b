using System.Globalization;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// The days one connection of a full rebuild takes: facts whose time (UTC) is from <see cref="From"/> (inclusive) to
/// <see cref="To"/> (exclusive); an open end takes everything on that side. Day cells, week parts and driver day rows
/// are additive per day, so connections that take disjoint days build disjoint rows (a week or month across two
/// connections' days gets a cell from each, summed into one).
/// </summary>
internal sealed record RebuildRange(DateTime? From, DateTime? To)
{
    public static readonly RebuildRange All = new(null, null);

    /// <summary>The WHERE clause that keeps a fact table's rows of this range (empty for all), by its time column.</summary>
    public string Where(string timeColumn) => Condition(timeColumn) is { Length: > 0 } c ? $"WHERE {c}" : "";

    /// <summary>The condition alone ("true" for all).</summary>
    public string Condition(string timeColumn, TimeSpan? widenBefore = null) => string.Join(" AND ", new[]
    {
        From is { } from ? $"{timeColumn} >= '{Literal(from - (widenBefore ?? TimeSpan.Zero))}'::timestamptz" : null,
        To is { } to ? $"{timeColumn} < '{Literal(to)}'::timestamptz" : null,
    }.Where(c => c is not null).DefaultIfEmpty("true"));

    private static string Literal(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss'+00'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The facts' days split into at most <paramref name="connections"/> runs, in time order, each about the same size on
    /// disk: from each month's bytes (both fact tables are partitioned by month, named table_yYYYYmMM), a run ends on the
    /// day where its share falls, the month's bytes taken as spread evenly over its days. Whole months alone left one
    /// connection 7 of 13 months (1M + 1M rows), and the other waited for it.
    /// </summary>
    public static async Task<IReadOnlyList<RebuildRange>> SplitAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int connections, CancellationToken ct)
    {
        if (connections <= 1) return [All];
        var months = new List<(DateTime Month, long Bytes)>();
        await using (var cmd = new NpgsqlCommand(MonthSizes, conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) months.Add((DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetInt64(1)));
        }
        var bounds = Bounds(months, connections);
        if (bounds.Count == 0) return [All];
        var ranges = new List<RebuildRange>();
        DateTime? start = null;
        foreach (var b in bounds)
        {
            ranges.Add(new RebuildRange(start, b));
            start = b;
        }
        ranges.Add(new RebuildRange(start, null));
        return ranges;
    }

    /// <summary>The first day of each run after the first (UTC midnight), strictly increasing, inside the months given.</summary>
    internal static List<DateTime> Bounds(IReadOnlyList<(DateTime Month, long Bytes)> months, int connections)
    {
        var total = months.Sum(m => m.Bytes);
        var bounds = new List<DateTime>();
        long sofar = 0;
        foreach (var (month, bytes) in months)
        {
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            while (bounds.Count < connections - 1 && bytes > 0)
            {
                var share = total * (bounds.Count + 1) / connections;
                if (sofar + bytes <= share) break;
                var day = month.AddDays(Math.Clamp((int)Math.Round((double)(share - sofar) / bytes * days), 0, days - 1));
                // never an empty run: the first one has a day before it, and each bound is after the last
                if (day == months[0].Month) day = day.AddDays(1);
                if (bounds.Count > 0 && day <= bounds[^1]) day = bounds[^1].AddDays(1);
                if (day >= month.AddDays(days)) break;
                bounds.Add(day);
            }
            sofar += bytes;
        }
        return bounds;
    }

    /// <summary>Each month with facts and the bytes its partitions of both fact tables take.</summary>
    private const string MonthSizes = """
        SELECT make_date(substring(c.relname FROM '_y(\d{4})m\d{2}$')::int, substring(c.relname FROM '_y\d{4}m(\d{2})$')::int, 1)::timestamp AS month,
               sum(pg_relation_size(c.oid))::bigint AS bytes
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN ('survey_response'::regclass, 'interaction'::regclass) AND c.relname ~ '_y\d{4}m\d{2}$'
        GROUP BY 1
        HAVING sum(pg_relation_size(c.oid)) > 0
        ORDER BY 1
        """;
}
