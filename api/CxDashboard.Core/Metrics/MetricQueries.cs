using Npgsql;

namespace CxDashboard.Core.Metrics;

/// <summary>Metric catalogue rows by code, one SQL command per batch (for the value fields' <c>metric</c> DataLoader).</summary>
public sealed class MetricQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyDictionary<string, Metric>> ByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand(
            "SELECT code, name, kind, unit, direction, description, computation, method, scale_min, scale_max FROM metric WHERE code = ANY($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = codes.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var found = new Dictionary<string, Metric>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
        {
            found[r.GetString(0)] = new Metric
            {
                Code = r.GetString(0), Name = r.GetString(1), Kind = r.GetString(2), Unit = r.GetString(3), Direction = r.GetString(4),
                Description = r.GetString(5), Computation = r.GetString(6), Method = r.IsDBNull(7) ? null : r.GetString(7),
                ScaleMin = r.IsDBNull(8) ? null : r.GetInt16(8), ScaleMax = r.IsDBNull(9) ? null : r.GetInt16(9),
            };
        }
        return found;
    }
}
