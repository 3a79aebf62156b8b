using System.Collections.Concurrent;
using CxDashboard.Core.Rollups;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// The committed state of what a scorecard's KPI side reads, as the kpi_revision row counts it (see the KpiRevision
/// migration): a change to KPIs, targets, check-ins, unit names or metrics commits a new number.
/// </summary>
public readonly record struct KpiRevision(long Number, Guid Generation);

/// <summary>
/// The KPI side of a scorecard read (KPIs, the units expanded, targets, latest check-ins): read from the database
/// after <see cref="Revision"/> was, so it is at least that recent. Shared between requests: read-only.
/// </summary>
public sealed record KpiSide(
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlySet<long> ExpandedUnits,
    IReadOnlyDictionary<(long Kpi, DateOnly Start), double> Targets,
    IReadOnlyDictionary<long, KpiCheckinView> Checkins,
    KpiRevision Revision)
{
    /// <summary>
    /// The (unit, slice) pairs whose cells these KPIs read, with the <see cref="CellColumnGroup"/>s their metrics need,
    /// as parallel arrays for the cell statement: what its KPI set computes in SQL when no KPI side is at hand.
    /// </summary>
    public (long[] Units, string[] Dimensions, string[] Values, int[] Groups) CellSubjects { get; } = SubjectsOf(Kpis);

    private static (long[], string[], string[], int[]) SubjectsOf(IReadOnlyList<KpiDefinition> kpis)
    {
        var groups = new Dictionary<(long Unit, Slice Slice), CellColumnGroup>();
        foreach (var k in kpis)
        {
            var key = (k.UnitId, Slice.Of(k.SliceDimension, k.SliceValue));
            groups[key] = groups.GetValueOrDefault(key) | MetricReading.GroupsOf(k.MetricCode);
        }
        return ([.. groups.Keys.Select(k => k.Unit)], [.. groups.Keys.Select(k => k.Slice.Dimension)], [.. groups.Keys.Select(k => k.Slice.Value)],
            [.. groups.Values.Select(g => (int)g)]);
    }
}

/// <summary>
/// KPI sides by what was asked (units, levels, grain, periods), for one database. Definitions, targets and check-ins
/// change a few times a day, cells every refresh: a scorecard reads its cells each time, and with them the revision
/// (one row), and reuses the KPI side it read before while the revision is the same. Any change, committed by any
/// node or straight in SQL, bumps the revision, and the next read of each entry reads its KPI side again. At most
/// <see cref="Limit"/> entries: past that the cache starts over (an entry is a few hundred KPIs at most).
/// </summary>
public sealed class KpiSideCache
{
    public const int Limit = 1024;

    private readonly ConcurrentDictionary<Key, KpiSide> entries = new();

    /// <summary>What a KPI side was read for (<see cref="For"/> sorts the unit ids: the same set is the same key).</summary>
    public sealed record Key(long[] UnitIds, int Levels, string Grain, DateOnly From, DateOnly To, DateOnly CheckinFrom, DateOnly CheckinTo)
    {
        public static Key For(long[] unitIds, int levels, string grain, DateOnly from, DateOnly to, DateOnly checkinFrom, DateOnly checkinTo)
        {
            var sorted = unitIds.ToArray();
            Array.Sort(sorted);
            return new Key(sorted, levels, grain, from, to, checkinFrom, checkinTo);
        }

        public bool Equals(Key? other) => other is not null && Levels == other.Levels && Grain == other.Grain && From == other.From
            && To == other.To && CheckinFrom == other.CheckinFrom && CheckinTo == other.CheckinTo && UnitIds.AsSpan().SequenceEqual(other.UnitIds);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var id in UnitIds) hash.Add(id);
            hash.Add(Levels);
            hash.Add(Grain);
            hash.Add(From);
            hash.Add(To);
            hash.Add(CheckinFrom);
            return hash.ToHashCode();
        }
    }

    public KpiSide? Find(Key key) => entries.GetValueOrDefault(key);

    /// <summary>Keeps <paramref name="side"/> unless a more recent one of the same database is there (a slower read finishing last).</summary>
    public void Store(Key key, KpiSide side)
    {
        if (entries.Count >= Limit) entries.Clear();
        entries.AddOrUpdate(key, side, (_, held) =>
            held.Revision.Generation == side.Revision.Generation && held.Revision.Number > side.Revision.Number ? held : side);
    }
}
