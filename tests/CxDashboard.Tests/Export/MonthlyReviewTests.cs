using System.Globalization;
using System.Text.Json;
using CxDashboard.Core.Export;

namespace CxDashboard.Tests.Export;

/// <summary>
/// The monthly review workbook, opened by LibreOffice (every formula recalculated, every sheet to CSV) and compared
/// cell by cell with what the GraphQL API answers the same caller for the same unit and month.
/// </summary>
[Collection(ExportApp.Collection.Name)]
public sealed class MonthlyReviewTests(ExportApp app)
{
    private const double Tolerance = 1e-6;
    private static readonly ReviewLabels En = ReviewLabels.For("en")!;

    private static readonly Dictionary<string, string> Units = new()
    {
        ["nps"] = "score", ["csat"] = "percent", ["ces_agree"] = "percent", ["fcr"] = "percent", ["repeat_rate"] = "percent", ["sla"] = "percent",
        ["transfer_rate"] = "percent", ["channel_switch"] = "percent", ["abandonment"] = "percent", ["containment"] = "percent", ["response_time"] = "seconds",
    };

    /// <summary>A cell back in the API's unit: percent cells hold fractions, durations hold days.</summary>
    private static double? Unscaled(string metricUnit, string cell) => WorkbookTools.NumOrNull(cell) is not { } v ? null : metricUnit switch
    {
        "percent" => v * 100,
        "seconds" => v * 86400,
        _ => v,
    };

    private static void Near(double? expected, double? actual, string what, double? absolute = null)
    {
        if (expected is null) { Assert.True(actual is null, $"{what}: expected empty, got {actual}"); return; }
        Assert.True(actual is not null, $"{what}: expected {expected}, got empty");
        var allowed = absolute ?? Tolerance * Math.Max(1, Math.Abs(expected.Value));
        Assert.True(Math.Abs(expected.Value - actual.Value) <= allowed, $"{what}: expected {expected}, got {actual}");
    }

    [Fact]
    public async Task Cascade_process_and_data_sheets_hold_the_GraphQL_values_of_every_unit_after_recalculation()
    {
        var opened = await app.OpenedAsync();
        var book = opened["executive"];
        var api = await ReviewExpectations.ReadAsync(app, "executive", "CO", ExportApp.Month);
        Assert.True(api.Units.Count > 100, $"the demo company has 171 units, the API showed {api.Units.Count}");

        // Cascade: code, name, kind, level, then (value, n, status) for NPS, CSAT, FCR.
        var cascade = book[En["s.cascade"]].Skip(1).Where(r => r.Length > 1 && r[0] != "").ToList();
        Assert.Equal(api.Units.Keys.Order(), cascade.Select(r => r[0]).Order());
        foreach (var r in cascade)
        {
            var expected = api.Units[r[0]].Values;
            string[] main = ["nps", "csat", "fcr"];
            for (var i = 0; i < main.Length; i++)
            {
                Near(expected[main[i]].Value, Unscaled(Units[main[i]], r[4 + 3 * i]), $"Cascade {r[0]} {main[i]}");
                Assert.Equal(expected[main[i]].N, int.Parse(r[5 + 3 * i], CultureInfo.InvariantCulture));
            }
        }
        Assert.Equal("0", cascade[0][3]);
        Assert.Equal("CO", cascade[0][0]);

        // Process vs outcome: code, name, level, then nps, csat, ces_agree, fcr, repeat_rate, sla, response_time, transfer_rate, containment.
        string[] processMetrics = ["nps", "csat", "ces_agree", "fcr", "repeat_rate", "sla", "response_time", "transfer_rate", "containment"];
        var process = book[En["s.process"]].Skip(1).TakeWhile(r => r.Length > 1 && r[0] != "").ToList();
        Assert.Equal(api.Units.Count, process.Count);
        foreach (var r in process)
        {
            for (var i = 0; i < processMetrics.Length; i++)
            {
                Near(api.Units[r[0]].Values[processMetrics[i]].Value, Unscaled(Units[processMetrics[i]], r[3 + i]), $"Process {r[0]} {processMetrics[i]}",
                    Units[processMetrics[i]] == "seconds" ? 0.5 : null);
            }
        }

        // Data: the value column is a formula over the counts in its row, recalculated by LibreOffice.
        var data = book[En["s.data"]].Skip(1).Where(r => r.Length > 9 && r[0] != "").ToList();
        Assert.Equal(api.Units.Count * ReviewExpectations.Counted.Length, data.Count);
        var withValue = 0;
        foreach (var r in data)
        {
            var (value, n) = api.Units[r[0]].Values[r[3]];
            Assert.Equal(n, int.Parse(r[5], CultureInfo.InvariantCulture));
            Near(value, Unscaled(Units[r[3]], r[9]), $"Data {r[0]} {r[3]} (formula)");
            if (value is not null) withValue++;
        }
        Assert.True(withValue > data.Count / 2, $"only {withValue} of {data.Count} data rows have a value");
    }

    [Fact]
    public async Task Summary_and_trends_hold_the_scorecard_with_changes_and_13_months()
    {
        var opened = await app.OpenedAsync();
        var book = opened["executive"];
        var idBody = await app.GraphQLAsync("executive", "{ unit(code: \"CO\") { id } }");
        var id = idBody.GetProperty("data").GetProperty("unit").GetProperty("id").GetString();
        var body = await app.GraphQLAsync("executive", """
            query($id: ID!, $p: String!) { scorecard(unit: $id, period: $p) { score kpis {
              kpi { metric valueUnit shared sliceDimension sliceValue } actual target attainment n status trend { period actual target } } } }
            """, new Dictionary<string, object?> { ["id"] = id, ["p"] = ExportApp.Month });
        var card = body.GetProperty("data").GetProperty("scorecard");
        var kpis = card.GetProperty("kpis").EnumerateArray().ToList();
        Assert.NotEmpty(kpis);

        var summary = book[En["s.summary"]];
        Assert.Equal("CO", summary[1][1].Split(' ')[0]);
        Assert.Equal(ExportApp.Month, summary[2][1]);
        Assert.Contains("Erin Executive", summary[4][1]);
        Near(card.GetProperty("score").GetDouble(), Unscaled("percent", summary[5][1]), "weighted score");
        var lines = summary.Skip(8).Where(r => r.Length > 11 && r[0] != "").ToList();
        Assert.Equal(kpis.Count, lines.Count);
        // Shared KPIs first.
        var sharedFlags = lines.Select(r => r[2] == "yes").ToList();
        Assert.Equal(sharedFlags.OrderByDescending(x => x), sharedFlags);

        var statusNames = new Dictionary<string, string> { ["ON_TRACK"] = "on track", ["AT_RISK"] = "at risk", ["OFF_TRACK"] = "off track", ["NO_DATA"] = "no data" };
        var sliceQuery = new List<string>();
        foreach (var k in kpis)
        {
            var kpi = k.GetProperty("kpi");
            var metric = kpi.GetProperty("metric").GetString()!;
            var unit = kpi.GetProperty("valueUnit").GetString()!;
            var slice = kpi.GetProperty("sliceDimension").ValueKind == JsonValueKind.Null ? "" : $"{kpi.GetProperty("sliceDimension").GetString()}={kpi.GetProperty("sliceValue").GetString()}";
            var row = lines.Single(r => r[0] == En.Metric(metric) && r[1] == slice);
            double? whole = unit == "seconds" ? 0.5 : null;
            Near(Num(k, "actual"), Unscaled(unit, row[4]), $"{metric} {slice} actual", whole);
            Near(Num(k, "target"), Unscaled(unit, row[5]), $"{metric} {slice} target", whole);
            Near(Num(k, "attainment"), Unscaled("percent", row[6]), $"{metric} {slice} attainment");
            Assert.Equal(statusNames[k.GetProperty("status").GetString()!], row[7]);
            Assert.Equal(k.GetProperty("n").GetInt32(), int.Parse(row[10], CultureInfo.InvariantCulture));
            var trend = k.GetProperty("trend").EnumerateArray().ToList();
            Assert.Equal(13, trend.Count);
            for (var i = 0; i < 13; i++) Near(Num(trend[i], "actual"), Unscaled(unit, row[12 + i]), $"{metric} {slice} trend {i}", whole);

            // The change vs the previous month, with its significance, as the value field reports it.
            var sliceArg = slice == "" ? "" : $", slice: {{ dimension: {kpi.GetProperty("sliceDimension").GetString()!.ToUpperInvariant()}, value: \"{kpi.GetProperty("sliceValue").GetString()}\" }}";
            var change = (await app.GraphQLAsync("executive", $"{{ unit(code: \"CO\") {{ value(metric: \"{metric}\", period: \"{ExportApp.Month}\"{sliceArg}) {{ change {{ difference significant }} }} }} }}"))
                .GetProperty("data").GetProperty("unit").GetProperty("value").GetProperty("change");
            if (change.ValueKind == JsonValueKind.Null) { Assert.Equal("", row[8]); continue; }
            Near(change.GetProperty("difference").GetDouble(), WorkbookTools.NumOrNull(row[8]), $"{metric} {slice} change", whole);
            var sig = change.GetProperty("significant");
            Assert.Equal(sig.ValueKind == JsonValueKind.Null ? "" : sig.GetBoolean() ? "significant" : "not significant", row[9]);
        }

        // Trends: month column, then (actual, target) per unsliced KPI in Summary order.
        var trends = book[En["s.trends"]];
        Assert.Equal(14, trends.TakeWhile(r => r.Length > 0 && r[0] != "").Count());
        var months = trends.Skip(1).Take(13).Select(r => r[0]).ToList();
        Assert.Equal(ExportApp.Month, months[^1]);
        Assert.Equal("2025-10", months[0]);
        var unsliced = kpis.Where(k => k.GetProperty("kpi").GetProperty("sliceDimension").ValueKind == JsonValueKind.Null).ToList();
        foreach (var k in unsliced)
        {
            var metric = k.GetProperty("kpi").GetProperty("metric").GetString()!;
            var unit = k.GetProperty("kpi").GetProperty("valueUnit").GetString()!;
            var col = Array.IndexOf(trends[0], $"{En.Metric(metric)} — Actual");
            Assert.True(col > 0, $"no Trends column for {metric}");
            var trend = k.GetProperty("trend").EnumerateArray().ToList();
            for (var i = 0; i < 13; i++)
            {
                double? whole = unit == "seconds" ? 0.5 : null;
                Near(Num(trend[i], "actual"), Unscaled(unit, trends[1 + i][col]), $"Trends {metric} {months[i]} actual", whole);
                Near(Num(trend[i], "target"), Unscaled(unit, trends[1 + i][col + 1]), $"Trends {metric} {months[i]} target", whole);
            }
        }
    }

    [Fact]
    public async Task Partners_sheet_is_the_league_table_of_the_API()
    {
        var opened = await app.OpenedAsync();
        var rows = opened["executive"][En["s.partners"]].Skip(1).Where(r => r.Length > 8 && r[1] != "").ToList();
        var league = new Dictionary<string, List<JsonElement>>();
        foreach (var m in new[] { "nps", "csat", "fcr" })
        {
            var body = await app.GraphQLAsync("executive", $"{{ partnerLeague(metric: \"{m}\", period: \"{ExportApp.Month}\") {{ rank partner {{ code }} value {{ value n }} }} }}");
            league[m] = body.GetProperty("data").GetProperty("partnerLeague").EnumerateArray().ToList();
        }
        Assert.Equal(6, rows.Count);
        Assert.Equal(league["nps"].Select(x => x.GetProperty("partner").GetProperty("code").GetString()), rows.Select(r => r[1]));
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = league["nps"][i].GetProperty("rank");
            Assert.Equal(rank.ValueKind == JsonValueKind.Null ? "" : rank.GetInt32().ToString(CultureInfo.InvariantCulture), rows[i][0]);
            string[] metrics = ["nps", "csat", "fcr"];
            for (var m = 0; m < 3; m++)
            {
                var entry = league[metrics[m]].Single(x => x.GetProperty("partner").GetProperty("code").GetString() == rows[i][1]).GetProperty("value");
                Near(Num(entry, "value"), Unscaled(m == 0 ? "score" : "percent", rows[i][3 + 2 * m]), $"Partners {rows[i][1]} {metrics[m]}");
                Assert.Equal(entry.GetProperty("n").GetInt32(), int.Parse(rows[i][4 + 2 * m], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task Data_sheet_counts_of_the_company_match_plain_SQL_over_the_raw_responses()
    {
        var opened = await app.OpenedAsync();
        var data = opened["executive"][En["s.data"]];
        var nps = data.Single(r => r.Length > 3 && r[0] == "CO" && r[3] == "nps");
        var csat = data.Single(r => r.Length > 3 && r[0] == "CO" && r[3] == "csat");
        var sql = (await app.RowsAsync("""
            SELECT count(nps), count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps BETWEEN 7 AND 8), count(*) FILTER (WHERE nps <= 6),
                   count(csat), count(*) FILTER (WHERE csat >= 4)
            FROM survey_response WHERE responded_at >= '2026-10-01T00:00:00Z' AND responded_at < '2026-11-01T00:00:00Z'
            """))[0].Select(Convert.ToInt64).ToArray();
        Assert.Equal([sql[0], sql[1], sql[2], sql[3]], new[] { nps[5], nps[6], nps[7], nps[8] }.Select(long.Parse));
        Assert.Equal([sql[4], sql[5]], new[] { csat[5], csat[6] }.Select(long.Parse));
        // Hand-worked: 100·(P − D)/n and top-2/n from the SQL counts, against LibreOffice's recalculated formulas.
        Near(100.0 * (sql[1] - sql[3]) / sql[0], WorkbookTools.Num(nps[9]), "NPS formula");
        Near((double)sql[5] / sql[4], WorkbookTools.Num(csat[9]), "CSAT formula");
    }

    [Fact]
    public async Task Workbook_is_valid_Open_XML_and_exceljs_sees_outlines_rules_panes_filters_and_charts()
    {
        var opened = await app.OpenedAsync();
        foreach (var file in opened.Files.Values)
        {
            var errors = WorkbookTools.Validate(file);
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join("\n", errors.Take(20))}");
        }

        var seen = await WorkbookTools.InspectAsync(opened.Files["executive"]);
        var sheets = seen.GetProperty("sheets").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["Summary", "Cascade", "Process vs outcome", "Trends", "Partners", "Data"], sheets.Keys);
        foreach (var s in sheets.Values)
        {
            Assert.True(s.GetProperty("frozen").GetBoolean(), $"{s.GetProperty("name")} has no frozen pane");
            Assert.Equal("landscape", s.GetProperty("orientation").GetString());
            Assert.Equal(1, s.GetProperty("fitToWidth").GetInt32());
        }
        Assert.Equal(8, sheets["Summary"].GetProperty("frozenRows").GetInt32());
        Assert.Equal(1, sheets["Data"].GetProperty("frozenRows").GetInt32());
        foreach (var name in new[] { "Summary", "Cascade", "Partners", "Data", "Process vs outcome" })
        {
            Assert.NotEqual(JsonValueKind.Null, sheets[name].GetProperty("autoFilter").ValueKind);
        }
        // Company → division → department → team → engagement: outline levels 1..3 or deeper below the company row.
        Assert.True(sheets["Cascade"].GetProperty("maxOutline").GetInt32() >= 3);
        Assert.Equal(170, sheets["Cascade"].GetProperty("outlinedRows").GetInt32());
        // Status colours are rules on the status text (cellIs) and on the value cells (expression), not painted fills.
        var rules = sheets["Cascade"].GetProperty("conditionalRules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("type").GetString() == "cellIs" && r.GetProperty("formulae")[0].GetString() == "\"on track\"");
        Assert.Contains(rules, r => r.GetProperty("type").GetString() == "expression");
        Assert.Contains(sheets["Summary"].GetProperty("conditionalRules").EnumerateArray(), r => r.GetProperty("formulae")[0].GetString() == "\"off track\"");
        // One line chart per unsliced KPI on Trends, one sparkline per Summary KPI line.
        Assert.True(seen.GetProperty("lineCharts").GetInt32() >= 2, seen.ToString());
        Assert.Equal(seen.GetProperty("charts").GetInt32(), seen.GetProperty("lineCharts").GetInt32());
        Assert.True(seen.GetProperty("sparklines").GetInt32() >= 2);
        // Document properties, read back through the package (core properties) and exceljs (extended properties).
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(opened.Files["executive"], false);
        Assert.StartsWith("Monthly CX review CO 2026-10", doc.PackageProperties.Title);
        Assert.Equal("Erin Executive (demo:executive)", doc.PackageProperties.Creator);
        Assert.Equal("CxDashboard", seen.GetProperty("company").GetString());
        // Header rows repeat on every printed page (print titles, one per sheet).
        var titles = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Where(d => d.Name == "_xlnm.Print_Titles").Select(d => d.Text).ToList();
        Assert.Equal(6, titles.Count);
        Assert.Contains("Summary!8:8", titles);
    }

    [Fact]
    public async Task Chinese_locale_names_sheets_labels_and_statuses_in_Chinese_with_the_same_numbers()
    {
        var opened = await app.OpenedAsync();
        var zh = opened["executive-zh"];
        var en = opened["executive"];
        Assert.Equal(new[] { "概览", "层级分解", "过程与结果", "趋势", "合作伙伴", "数据" }.Order(), zh.Keys.Order());
        Assert.Equal("月度客户体验回顾", zh["概览"][0][0]);
        var statuses = zh["层级分解"].Skip(1).SelectMany(r => new[] { r.ElementAtOrDefault(6), r.ElementAtOrDefault(9), r.ElementAtOrDefault(12) }).Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { "达标", "有风险", "未达标", "无数据" }));
        // The numbers are the English workbook's, cell for cell.
        var enData = en[En["s.data"]].Skip(1).Select(r => r[9]).ToList();
        var zhData = zh["数据"].Skip(1).Select(r => r[9]).ToList();
        Assert.Equal(enData, zhData);
    }

    private static double? Num(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetDouble();
}
