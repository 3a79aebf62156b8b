using System.Globalization;
using Npgsql;

namespace CxDashboard.Core.Rollups;

/// <summary>
/// Facts whose time (UTC) is from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive); an open end takes
/// everything on that side. A full rebuild reads the facts a month at a time (<see cref="MonthsAsync"/>): day cells are
/// additive per day, so months make disjoint day cells, and the week and month cells are summed from them.
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
    /// The facts in runs of one month each, in time order, from the months with facts (both fact tables are partitioned by
    /// month, named table_yYYYYmMM): the first run open before, the last open after, so every fact is in one run whatever
    /// partitions there are. One run (<see cref="All"/>) when there is at most one month.
    /// </summary>
    public static async Task<IReadOnlyList<RebuildRange>> MonthsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var months = new List<DateTime>();
        await using (var cmd = new NpgsqlCommand(MonthsWithFacts, conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) months.Add(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc));
        }
        var runs = new List<RebuildRange>();
        DateTime? start = null;
        foreach (var month in months.Skip(1))
        {
            runs.Add(new RebuildRange(start, month));
            start = month;
        }
        runs.Add(new RebuildRange(start, null));
        return runs;
    }

    /// <summary>Each month whose partitions of the fact tables hold any rows (a page or more).</summary>
    private const string MonthsWithFacts = """
        SELECT make_date(substring(c.relname FROM '_y(\d{4})m\d{2}$')::int, substring(c.relname FROM '_y\d{4}m(\d{2})$')::int, 1)::timestamp AS month
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN ('survey_response'::regclass, 'interaction'::regclass) AND c.relname ~ '_y\d{4}m\d{2}$'
        GROUP BY 1
        HAVING sum(pg_relation_size(c.oid)) > 0
        ORDER BY 1
        """;
}
