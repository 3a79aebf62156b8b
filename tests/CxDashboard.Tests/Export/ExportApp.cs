using System.Net;
using System.Net.Http.Headers;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxDashboard.Tests.Export;

/// <summary>
/// The host over a small demo data set (seed 5, months 2025-10 … 2026-10) with a full rollup, a persona without the
/// export permission (<c>viewer</c>) and scheduled reviews configured for CO and DEP-RETAIL-STORES from day 3.
/// The review workbooks the tests read are downloaded once and opened by LibreOffice in one run.
/// </summary>
public sealed class ExportApp : CxApp
{
    public const string Month = "2026-10";
    public const string DeptUnit = "DEP-RETAIL-STORES";
    public const string PartnerUnit = "ENG-PRT-ACME-CARE-CONTACT";

    /// <summary>A month in which the partner's engagement has three responses (below the privacy floor of 5).</summary>
    public const string TinyMonth = "2025-07";

    private Task<Opened>? opened;

    /// <summary>One host and database for every export test class (seeding, the rollup and LibreOffice's start are paid once).</summary>
    [CollectionDefinition(Name)]
    public sealed class Collection : ICollectionFixture<ExportApp>
    {
        public const string Name = "export";
    }

    public string WorkDir { get; } = Directory.CreateTempSubdirectory("cx-export-tests-").FullName;

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Auth:Personas:viewer:Name", "Vic Viewer");
        web.UseSetting("Auth:Personas:viewer:Role", "executive");
        web.UseSetting("Auth:Personas:viewer:Units:0", "CO");
        // The whole company in scope and the export permission, but a role without the small-count grant: under the floor.
        web.UseSetting("Auth:Personas:auditor:Name", "Aud Auditor");
        web.UseSetting("Auth:Personas:auditor:Role", "auditor");
        web.UseSetting("Auth:Personas:auditor:Units:0", "CO");
        web.UseSetting("Auth:Personas:auditor:Permissions:0", "export");
        web.UseSetting("Export:Schedule:Units:0", "CO");
        web.UseSetting("Export:Schedule:Units:1", DeptUnit);
        web.UseSetting("Export:Schedule:Day", "3");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 6_000, Interactions = 40_000, Seed = 5 });
        // July 2025 (before the demo's months): three responses at one Acme engagement, all below the privacy floor.
        await ExecuteAsync("SELECT ensure_month_partitions('survey_response', '2025-07-01T00:00:00Z', '2025-07-31T23:59:59Z')");
        await ExecuteAsync($"""
            INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, nps, csat, ces)
            SELECT 'TINY-' || g, '2025-07-10T10:00:00Z'::timestamptz + g * interval '1 hour', u.id, 'phone', 'service', 'consumer', 9 - g, 5, 6
            FROM generate_series(1, 3) g, org_unit u WHERE u.code = '{PartnerUnit}'
            """);
        await new RollupEngine(DataSource).RebuildAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(WorkDir, true); } catch (IOException) { }
    }

    /// <summary>GET as a persona; the response is returned whatever its status.</summary>
    public async Task<HttpResponseMessage> GetAsync(string persona, string url)
    {
        using var client = CreateClient(persona);
        return await client.GetAsync(url);
    }

    public async Task<string> DownloadAsync(string persona, string url, string fileName)
    {
        using var response = await GetAsync(persona, url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: HTTP {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        var path = Path.Combine(WorkDir, fileName);
        await File.WriteAllBytesAsync(path, body);
        return path;
    }

    /// <summary>The workbooks the tests share, each with every sheet as CSV after LibreOffice recalculated it.</summary>
    public sealed record Opened(Dictionary<string, string> Files, Dictionary<string, Dictionary<string, List<string[]>>> Sheets)
    {
        public Dictionary<string, List<string[]>> this[string name] => Sheets[Files[name]];
    }

    public Task<Opened> OpenedAsync()
    {
        lock (this) return opened ??= OpenAsync();
    }

    private async Task<Opened> OpenAsync()
    {
        var files = new Dictionary<string, string>
        {
            ["executive"] = await DownloadAsync("executive", $"/export/monthly-review.xlsx?unit=CO&month={Month}&locale=en", "review-executive.xlsx"),
            ["executive-zh"] = await DownloadAsync("executive", $"/export/monthly-review.xlsx?unit=CO&month={Month}&locale=zh-CN", "review-executive-zh.xlsx"),
            ["department_head"] = await DownloadAsync("department_head", $"/export/monthly-review.xlsx?unit={DeptUnit}&month={Month}", "review-department.xlsx"),
            ["partner_manager"] = await DownloadAsync("partner_manager", $"/export/monthly-review.xlsx?unit={PartnerUnit}&month={Month}", "review-partner.xlsx"),
            ["partner_manager_tiny"] = await DownloadAsync("partner_manager", $"/export/monthly-review.xlsx?unit={PartnerUnit}&month={TinyMonth}", "review-partner-tiny.xlsx"),
            ["raw"] = await DownloadAsync("analyst", "/export/interactions.xlsx?unit=DIV-CARE&from=2026-09-01&to=2026-10-31", "raw-interactions.xlsx"),
        };
        var sheets = await WorkbookTools.SheetsAsync([.. files.Values]);
        return new Opened(files, sheets);
    }
}
