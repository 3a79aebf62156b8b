using System.Collections.Concurrent;
using CxDashboard.Core.Privacy;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxDashboard.Api.Security;

/// <summary>
/// The suppression pattern of each scope (<see cref="FloorCube"/>), kept per host while the rollup cells stay the
/// same (<c>rollup_state.refreshed_at</c>), so a caller reads one consistent pattern whatever and however often it
/// asks. Only callers the privacy floor applies to use it (see <see cref="ScopeGate"/>).
/// </summary>
public sealed class FloorPatterns(NpgsqlDataSource db, IOptions<ConfidenceOptions> confidence)
{
    private const int MaxScopes = 256;

    private readonly ConcurrentDictionary<string, (DateTime? Version, Lazy<Task<FloorCube>> Cube)> cache = new();

    /// <summary>The pattern of <paramref name="scope"/>; <paramref name="shape"/> gives its units (with visible parents) and partners when it must be built.</summary>
    public async Task<FloorCube> ForAsync(CallerScope scope, Func<Task<IReadOnlyList<FloorPartner>>> partners, CancellationToken ct)
    {
        var version = await VersionAsync(ct);
        var key = Key(scope);
        if (cache.TryGetValue(key, out var entry) && entry.Version == version && !entry.Cube.Value.IsFaulted) return await entry.Cube.Value.WaitAsync(ct);
        if (cache.Count >= MaxScopes) cache.Clear();
        var fresh = (version, new Lazy<Task<FloorCube>>(() => BuildAsync(scope, partners)));
        entry = cache.AddOrUpdate(key, fresh, (_, old) => old.Version == version && !old.Cube.Value.IsFaulted ? old : fresh);
        return await entry.Cube.Value.WaitAsync(ct);
    }

    /// <summary>Drops a scope's pattern (a value's count no longer matched it: the data changed).</summary>
    public void Forget(CallerScope scope) => cache.TryRemove(Key(scope), out _);

    /// <summary>The scope's visible set as a short fingerprint: two callers seeing the same units share one pattern.</summary>
    private static string Key(CallerScope scope) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(string.Join(',', scope.UnitIds.Order()))));

    private async Task<FloorCube> BuildAsync(CallerScope scope, Func<Task<IReadOnlyList<FloorPartner>>> partners)
    {
        // Not the requester's token: a pattern other requests wait for must not be cancelled with the first one.
        var units = new Dictionary<long, long?>();
        await using (var cmd = db.CreateCommand("SELECT id, parent_id FROM org_unit WHERE id = ANY(@ids)"))
        {
            cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = scope.ToArray() });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) units[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetInt64(1);
        }
        return await FloorCube.BuildAsync(db, units, await partners(), confidence.Value.PrivacyFloor);
    }

    private async Task<DateTime?> VersionAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT refreshed_at FROM rollup_state WHERE id = 1");
        return await cmd.ExecuteScalarAsync(ct) is DateTime t ? t : null;
    }
}
