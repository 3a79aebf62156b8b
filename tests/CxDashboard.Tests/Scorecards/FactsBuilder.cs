using System.Globalization;
using System.Text;
using CxDashboard.Core.Ingestion;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// Builds a test's own small org and facts, then rebuilds the rollup. Facts go through the real importer (CSV).
/// Codes carry a per-test prefix so tests sharing a class database never see each other's units. Each test's
/// tree has its own root, which the importer refuses (one company per database), so the units are inserted in
/// SQL, parents first, and the closure rebuilt as the importer does.
/// </summary>
public sealed class FactsBuilder(CxDatabase db, string prefix)
{
    private readonly List<(string Code, string Name, string Kind, string? Parent)> units = [];
    private readonly List<string> responses = [];
    private readonly List<string> interactions = [];
    private int next;

    public string Code(string local) => $"{prefix}-{local}";

    public FactsBuilder Unit(string code, string kind, string? parent = null)
    {
        units.Add((Code(code), $"{code} unit", kind, parent is null ? null : Code(parent)));
        return this;
    }

    /// <summary><paramref name="count"/> responses at <paramref name="unit"/> on <paramref name="day"/> with the given scores.</summary>
    public FactsBuilder Responses(string unit, DateOnly day, int count, int? nps, int? csat, int? ces = null, string? interaction = null, string segment = "consumer")
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-r{next++}";
            responses.Add(string.Join(',', id, Ts(day, i), Code(unit), "phone", "service", segment, N(nps), N(csat), N(ces), interaction ?? ""));
        }
        return this;
    }

    /// <summary>
    /// <paramref name="count"/> interactions with the given process facts, each answered by one linked
    /// response carrying the given scores (when <paramref name="nps"/> or <paramref name="csat"/> is set).
    /// </summary>
    public FactsBuilder Contacts(string unit, DateOnly day, int count, bool? resolved, int responseSeconds = 30, int sla = 60,
        int transfers = 0, bool switched = false, int? nps = null, int? csat = null, int? ces = null)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-i{next++}";
            var opened = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(i);
            interactions.Add(string.Join(',', id, $"{prefix}-c{i}", Iso(opened), Iso(opened.AddSeconds(responseSeconds)), Code(unit), "phone", "service", "consumer",
                resolved is null ? "" : resolved.Value ? "true" : "false", transfers, switched ? "true" : "false", sla));
            if (nps is not null || csat is not null || ces is not null)
            {
                responses.Add(string.Join(',', $"{prefix}-r{next++}", Iso(opened.AddHours(2)), Code(unit), "phone", "service", "consumer", N(nps), N(csat), N(ces), id));
            }
        }
        return this;
    }

    public async Task BuildAsync()
    {
        var importer = new Importer(db.DataSource);
        foreach (var (code, name, kind, parent) in units)
        {
            await db.ExecuteAsync("INSERT INTO org_unit (kind, code, name, parent_id) VALUES ($1, $2, $3, (SELECT id FROM org_unit WHERE code = $4))",
                kind, code, name, parent);
        }
        if (units.Count > 0) await db.ExecuteAsync("SELECT rebuild_org_closure()");
        await Import(importer, ImportKind.Interactions,
            "external_id,customer_key,opened_at,first_response_at,unit_code,channel,journey_stage,segment,resolved_first_contact,transfers,switched_channel,sla_target_seconds", interactions);
        await Import(importer, ImportKind.Responses, "external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,ces,interaction_external_id", responses);
        await new RollupEngine(db.DataSource).RebuildAsync();
    }

    public async Task<long> IdAsync(string code) => (await db.ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", Code(code)));

    private static async Task Import(Importer importer, ImportKind kind, string header, List<string> rows)
    {
        if (rows.Count == 0) return;
        var csv = header + "\n" + string.Join("\n", rows) + "\n";
        var report = await importer.ImportAsync(new ImportRequest { Kind = kind, FileName = $"{kind}.csv", Content = new MemoryStream(Encoding.UTF8.GetBytes(csv)) });
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
    }

    private static string Ts(DateOnly day, int i) => Iso(day.ToDateTime(new TimeOnly(9, 0)).AddSeconds(i));

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string N(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
}
