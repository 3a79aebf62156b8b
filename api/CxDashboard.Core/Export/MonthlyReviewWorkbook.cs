using System.Globalization;
using ClosedXML.Excel;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Export;

/// <summary>
/// Lays a <see cref="MonthlyReview"/> out as the review workbook (ClosedXML), then adds what ClosedXML
/// cannot write — the Trends line charts and the Summary sparklines — with the Open XML SDK
/// (<see cref="WorkbookCharts"/>). Column widths are set here: ClosedXML's AdjustToContents needs
/// libgdiplus on Linux.
/// </summary>
public static class MonthlyReviewWorkbook
{
    private const int SummaryHeaderRow = 8;

    public static byte[] Write(MonthlyReview review, ReviewLabels l)
    {
        using var wb = new XLWorkbook();
        var charts = new List<ChartSpec>();
        var sparklines = new List<SparklineSpec>();
        var units = MetricCatalogue.All.ToDictionary(m => m.Code, m => m.Unit);

        Summary(wb.AddWorksheet(l["s.summary"]), review, l, sparklines);
        Cascade(wb.AddWorksheet(l["s.cascade"]), review, l, units);
        Process(wb.AddWorksheet(l["s.process"]), review, l, units);
        Trends(wb.AddWorksheet(l["s.trends"]), review, l, charts);
        Partners(wb.AddWorksheet(l["s.partners"]), review, l);
        Data(wb.AddWorksheet(l["s.data"]), review, l);

        foreach (var ws in wb.Worksheets)
        {
            ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            ws.PageSetup.FitToPages(1, 0);
            ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        }

        var h = review.Header;
        wb.Properties.Title = $"{l["title"]} {h.UnitCode} {h.Month}";
        wb.Properties.Subject = $"{h.UnitName} — {h.Month}";
        wb.Properties.Author = h.Caller;
        wb.Properties.Company = "CxDashboard";
        wb.Properties.Keywords = $"cx review {h.UnitCode} {h.Month}";
        wb.Properties.Comments = $"{l["as_of"]}: {Stamp(h.DataAsOf)}";
        wb.Properties.Created = h.GeneratedAt.UtcDateTime;

        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return WorkbookPrefixes.Unprefix(WorkbookCharts.Add(ms.ToArray(), charts, sparklines));
    }

    private static string Stamp(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    private static void Summary(IXLWorksheet ws, MonthlyReview r, ReviewLabels l, List<SparklineSpec> sparklines)
    {
        var h = r.Header;
        ws.Cell(1, 1).Value = l["title"];
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 16;
        (string, string)[] head =
        [
            (l["unit"], $"{h.UnitCode} — {h.UnitName}"), (l["month"], h.Month.ToString()), (l["as_of"], Stamp(h.DataAsOf)),
            (l["caller"], h.Caller),
        ];
        for (var i = 0; i < head.Length; i++)
        {
            ws.Cell(2 + i, 1).Value = head[i].Item1;
            ws.Cell(2 + i, 1).Style.Font.Bold = true;
            ws.Cell(2 + i, 2).SetValue(head[i].Item2);
        }
        ws.Cell(6, 1).Value = l["score"];
        ws.Cell(6, 1).Style.Font.Bold = true;
        if (r.Score is { } score) CellFormats.Number(ws.Cell(6, 2), score / 100, CellFormats.Percent);
        if (h.PrivacyFloor) ws.Cell(7, 1).Value = l["floor"];

        string[] cols = [l["kpi"], l["slice"], l["shared"], l["weight"], l["actual"], l["target"], l["attainment"], l["status"], l["change"], l["significance"], l["n"], l["trend"]];
        var hr = SummaryHeaderRow;
        for (var c = 0; c < cols.Length; c++) ws.Cell(hr, c + 1).Value = cols[c];
        for (var i = 0; i < r.TrendMonths.Count; i++) ws.Cell(hr, 13 + i).SetValue(r.TrendMonths[i].ToString());
        CellFormats.Header(ws.Range(hr, 1, hr, 12 + r.TrendMonths.Count));

        var row = hr + 1;
        foreach (var k in r.Summary)
        {
            ws.Cell(row, 1).SetValue(l.Metric(k.Metric));
            if (k.Slice is not null) ws.Cell(row, 2).SetValue(k.Slice);
            ws.Cell(row, 3).SetValue(k.Shared ? l["yes"] : l["no"]);
            CellFormats.Number(ws.Cell(row, 4), k.Weight, "0.0");
            if (k.Suppressed) CellFormats.Hidden(ws.Cell(row, 5), l["hidden"]);
            else CellFormats.Value(ws.Cell(row, 5), k.MetricUnit, k.Actual);
            CellFormats.Value(ws.Cell(row, 6), k.MetricUnit, k.Target);
            CellFormats.Number(ws.Cell(row, 7), k.Attainment / 100, CellFormats.Percent);
            ws.Cell(row, 8).SetValue(l.Status(k.Status));
            CellFormats.Change(ws.Cell(row, 9), k.MetricUnit, k.Change);
            if (k.Significant is { } s) ws.Cell(row, 10).SetValue(s ? l["significant"] : l["not_significant"]);
            CellFormats.Number(ws.Cell(row, 11), k.N, CellFormats.Count);
            for (var i = 0; i < k.Trend.Count; i++) CellFormats.Value(ws.Cell(row, 13 + i), k.MetricUnit, k.Trend[i]);
            sparklines.Add(new SparklineSpec(ws.Name, $"L{row}", $"'{ws.Name}'!{Col(13)}{row}:{Col(12 + k.Trend.Count)}{row}"));
            row++;
        }
        var last = Math.Max(hr + 1, row - 1);
        StatusColours(ws.Range(hr + 1, 8, last, 8), l);
        StatusFill(ws.Range(hr + 1, 5, last, 5), "$H", hr + 1, l);
        ws.Range(hr, 1, last, 11).SetAutoFilter();
        ws.SheetView.FreezeRows(hr);
        ws.PageSetup.SetRowsToRepeatAtTop(hr, hr);
        Widths(ws, [34, 16, 8, 8, 11, 11, 11, 12, 12, 14, 9, 18]);
        for (var i = 0; i < r.TrendMonths.Count; i++) ws.Column(13 + i).Width = 9;
        ws.Column(2).Width = 34; // header values live in column B as well
    }

    private static void Cascade(IXLWorksheet ws, MonthlyReview r, ReviewLabels l, Dictionary<string, string> units)
    {
        var cols = new List<string> { l["code"], l["name"], l["kind"], l["level"] };
        foreach (var m in ReviewMetrics.Main) cols.AddRange([l.Metric(m), $"{l.Metric(m)} {l["n"]}", $"{l.Metric(m)} {l["status"]}"]);
        for (var c = 0; c < cols.Count; c++) ws.Cell(1, c + 1).Value = cols[c];
        CellFormats.Header(ws.Range(1, 1, 1, cols.Count));
        ws.Outline.SummaryVLocation = XLOutlineSummaryVLocation.Top;

        var row = 2;
        foreach (var u in r.Units)
        {
            ws.Cell(row, 1).SetValue(u.Code);
            ws.Cell(row, 2).SetValue(u.Name);
            ws.Cell(row, 2).Style.Alignment.Indent = u.Level;
            ws.Cell(row, 3).SetValue(u.Kind);
            ws.Cell(row, 4).Value = u.Level;
            if (u.Level > 0) ws.Row(row).OutlineLevel = Math.Min(u.Level, 7);
            if (u.Level == 0) ws.Row(row).Style.Font.Bold = true;
            for (var i = 0; i < ReviewMetrics.Main.Length; i++)
            {
                var m = ReviewMetrics.Main[i];
                var v = u.Values.GetValueOrDefault(m) ?? ReviewValue.None;
                CellFormats.Value(ws.Cell(row, 5 + 3 * i), units[m], v, l["hidden"]);
                CellFormats.Number(ws.Cell(row, 6 + 3 * i), v.N, CellFormats.Count);
                if (u.Statuses.TryGetValue(m, out var st)) ws.Cell(row, 7 + 3 * i).SetValue(l.Status(st));
            }
            row++;
        }
        var last = Math.Max(2, row - 1);
        for (var i = 0; i < ReviewMetrics.Main.Length; i++)
        {
            var statusCol = 7 + 3 * i;
            StatusColours(ws.Range(2, statusCol, last, statusCol), l);
            StatusFill(ws.Range(2, 5 + 3 * i, last, 5 + 3 * i), "$" + Col(statusCol), 2, l);
        }
        ws.Range(1, 1, last, cols.Count).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        Widths(ws, [22, 40, 12, 7, 10, 9, 12, 10, 9, 12, 10, 9, 12]);
    }

    private static void Process(IXLWorksheet ws, MonthlyReview r, ReviewLabels l, Dictionary<string, string> units)
    {
        string[] metrics = [.. ReviewMetrics.Outcomes, .. ReviewMetrics.Process];
        var cols = new List<string> { l["code"], l["name"], l["level"] };
        cols.AddRange(metrics.Select(m => $"{(ReviewMetrics.Outcomes.Contains(m) ? l["outcome"] : l["process"])}: {l.Metric(m)}"));
        for (var c = 0; c < cols.Count; c++) ws.Cell(1, c + 1).Value = cols[c];
        CellFormats.Header(ws.Range(1, 1, 1, cols.Count));
        ws.Outline.SummaryVLocation = XLOutlineSummaryVLocation.Top;
        var row = 2;
        foreach (var u in r.Units)
        {
            ws.Cell(row, 1).SetValue(u.Code);
            ws.Cell(row, 2).SetValue(u.Name);
            ws.Cell(row, 2).Style.Alignment.Indent = u.Level;
            ws.Cell(row, 3).Value = u.Level;
            if (u.Level > 0) ws.Row(row).OutlineLevel = Math.Min(u.Level, 7);
            for (var i = 0; i < metrics.Length; i++)
            {
                CellFormats.Value(ws.Cell(row, 4 + i), units[metrics[i]], u.Values.GetValueOrDefault(metrics[i]) ?? ReviewValue.None, l["hidden"]);
            }
            row++;
        }
        var lastUnit = Math.Max(2, row - 1);
        ws.Range(1, 1, lastUnit, cols.Count).SetAutoFilter();
        ws.Range(1, 4, lastUnit, 3 + ReviewMetrics.Outcomes.Length).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFF2CC");
        CellFormats.Header(ws.Range(1, 1, 1, cols.Count));

        // The drivers table under the per-unit table.
        row += 2;
        ws.Cell(row, 1).Value = $"{l["drivers"]} — {r.Header.UnitCode}";
        ws.Cell(row, 1).Style.Font.Bold = true;
        row++;
        string[] dcols = [l["condition"], l["metric"], l["outcome"], l["n_with"], l["value_with"], l["n_without"], l["value_without"], l["gap"], l["gap_low"], l["gap_high"], l["significance"], l["share_with"], l["target_share"], l["expected_change"]];
        for (var c = 0; c < dcols.Length; c++) ws.Cell(row, c + 1).Value = dcols[c];
        CellFormats.Header(ws.Range(row, 1, row, dcols.Length));
        row++;
        foreach (var d in r.Drivers?.Drivers ?? [])
        {
            foreach (var (outcome, split) in new[] { ("nps", d.Nps), ("csat", d.Csat) })
            {
                var fmt = outcome == "nps" ? CellFormats.Nps : "0.0";
                ws.Cell(row, 1).SetValue(l["c." + d.Condition]);
                ws.Cell(row, 2).SetValue(l.Metric(d.ProcessMetric));
                ws.Cell(row, 3).SetValue(l.Metric(outcome));
                CellFormats.Number(ws.Cell(row, 4), split.NWith, CellFormats.Count);
                CellFormats.Number(ws.Cell(row, 5), split.ValueWith, fmt);
                CellFormats.Number(ws.Cell(row, 6), split.NWithout, CellFormats.Count);
                CellFormats.Number(ws.Cell(row, 7), split.ValueWithout, fmt);
                if (split.Suppressed)
                {
                    foreach (var c in new[] { 5, 7, 8 }) CellFormats.Hidden(ws.Cell(row, c), l["hidden"]);
                }
                CellFormats.Number(ws.Cell(row, 8), split.Gap, CellFormats.Points);
                CellFormats.Number(ws.Cell(row, 9), split.GapLow, CellFormats.Points);
                CellFormats.Number(ws.Cell(row, 10), split.GapHigh, CellFormats.Points);
                if (split.Significant is { } s) ws.Cell(row, 11).SetValue(s ? l["significant"] : l["not_significant"]);
                CellFormats.Number(ws.Cell(row, 12), split.ShareWith, CellFormats.Percent);
                CellFormats.Number(ws.Cell(row, 13), split.TargetShare, CellFormats.Percent);
                CellFormats.Number(ws.Cell(row, 14), split.EstimatedChange, CellFormats.Points);
                row++;
            }
        }
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        Widths(ws, [26, 40, 22, 12, 12, 12, 12, 12, 12, 12, 14, 12, 12, 14]);
    }

    private static void Trends(IXLWorksheet ws, MonthlyReview r, ReviewLabels l, List<ChartSpec> charts)
    {
        ws.Cell(1, 1).Value = l["month"];
        var main = r.Summary.Where(k => k.Slice is null).ToList();
        for (var k = 0; k < main.Count; k++)
        {
            ws.Cell(1, 2 + 2 * k).SetValue($"{l.Metric(main[k].Metric)} — {l["actual"]}");
            ws.Cell(1, 3 + 2 * k).SetValue($"{l.Metric(main[k].Metric)} — {l["target"]}");
        }
        CellFormats.Header(ws.Range(1, 1, 1, Math.Max(1, 1 + 2 * main.Count)));
        for (var i = 0; i < r.TrendMonths.Count; i++)
        {
            ws.Cell(2 + i, 1).SetValue(r.TrendMonths[i].ToString());
            for (var k = 0; k < main.Count; k++)
            {
                CellFormats.Value(ws.Cell(2 + i, 2 + 2 * k), main[k].MetricUnit, main[k].Trend.ElementAtOrDefault(i));
                CellFormats.Value(ws.Cell(2 + i, 3 + 2 * k), main[k].MetricUnit, main[k].TrendTargets.ElementAtOrDefault(i));
            }
        }
        var lastRow = 1 + r.TrendMonths.Count;
        var sheet = $"'{ws.Name}'";
        for (var k = 0; k < main.Count; k++)
        {
            var (a, t) = (Col(2 + 2 * k), Col(3 + 2 * k));
            charts.Add(new ChartSpec(ws.Name, l.Metric(main[k].Metric),
                $"{sheet}!$A$2:$A${lastRow}",
                [(l["actual"], $"{sheet}!${a}$1", $"{sheet}!${a}$2:${a}${lastRow}"), (l["target"], $"{sheet}!${t}$1", $"{sheet}!${t}$2:${t}${lastRow}")],
                main[k].MetricUnit == "percent" ? CellFormats.Percent : main[k].MetricUnit == "seconds" ? CellFormats.Duration : CellFormats.Nps,
                FromColumn: (k % 2) * 8, FromRow: lastRow + 2 + (k / 2) * 18, Columns: 8, Rows: 16));
        }
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        ws.Column(1).Width = 10;
        for (var c = 2; c <= 1 + 2 * main.Count; c++) ws.Column(c).Width = 14;
    }

    private static void Partners(IXLWorksheet ws, MonthlyReview r, ReviewLabels l)
    {
        string[] cols = [l["rank"], l["code"], l["partner"], l.Metric("nps"), $"{l.Metric("nps")} {l["n"]}", l.Metric("csat"), $"{l.Metric("csat")} {l["n"]}", l.Metric("fcr"), $"{l.Metric("fcr")} {l["n"]}"];
        for (var c = 0; c < cols.Length; c++) ws.Cell(1, c + 1).Value = cols[c];
        CellFormats.Header(ws.Range(1, 1, 1, cols.Length));
        var row = 2;
        foreach (var p in r.League)
        {
            if (p.Rank is { } rank) ws.Cell(row, 1).Value = rank;
            ws.Cell(row, 2).SetValue(p.Code);
            ws.Cell(row, 3).SetValue(p.Name);
            CellFormats.Value(ws.Cell(row, 4), "score", p.Nps, l["hidden"]);
            CellFormats.Number(ws.Cell(row, 5), p.Nps.N, CellFormats.Count);
            CellFormats.Value(ws.Cell(row, 6), "percent", p.Csat, l["hidden"]);
            CellFormats.Number(ws.Cell(row, 7), p.Csat.N, CellFormats.Count);
            CellFormats.Value(ws.Cell(row, 8), "percent", p.Fcr, l["hidden"]);
            CellFormats.Number(ws.Cell(row, 9), p.Fcr.N, CellFormats.Count);
            row++;
        }
        ws.Range(1, 1, Math.Max(2, row - 1), cols.Length).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        Widths(ws, [7, 16, 30, 10, 9, 10, 9, 10, 9]);
    }

    /// <summary>
    /// The counts behind every count-based figure, one row per unit and metric, with the value as a live
    /// formula over the counts in its row (NPS = 100·(P − D)/n, shares = numerator/denominator).
    /// </summary>
    private static void Data(IXLWorksheet ws, MonthlyReview r, ReviewLabels l)
    {
        string[] cols = [l["code"], l["name"], l["level"], l["metric"], l["kpi"], l["denominator"], l["numerator"], l["passives"], l["detractors"], l["value"]];
        for (var c = 0; c < cols.Length; c++) ws.Cell(1, c + 1).Value = cols[c];
        CellFormats.Header(ws.Range(1, 1, 1, cols.Length));
        var row = 2;
        foreach (var u in r.Units)
        {
            foreach (var m in ReviewMetrics.Counted)
            {
                var v = u.Values.GetValueOrDefault(m) ?? ReviewValue.None;
                ws.Cell(row, 1).SetValue(u.Code);
                ws.Cell(row, 2).SetValue(u.Name);
                ws.Cell(row, 3).Value = u.Level;
                ws.Cell(row, 4).SetValue(m);
                ws.Cell(row, 5).SetValue(l.Metric(m));
                ws.Cell(row, 6).Value = v.N;
                if (v.Numerator is { } num) ws.Cell(row, 7).Value = num;
                if (v.Suppressed)
                {
                    CellFormats.Hidden(ws.Cell(row, 10), l["hidden"]);
                }
                else if (m == "nps" && v.Numerator is { } p && v.Detractors is { } d)
                {
                    ws.Cell(row, 8).Value = v.N - p - d;
                    ws.Cell(row, 9).Value = d;
                    ws.Cell(row, 10).FormulaA1 = $"IF(AND(F{row}>0,ISNUMBER(G{row}),ISNUMBER(I{row})),100*(G{row}-I{row})/F{row},\"\")";
                    ws.Cell(row, 10).Style.NumberFormat.Format = CellFormats.Nps;
                }
                else if (m != "nps")
                {
                    ws.Cell(row, 10).FormulaA1 = $"IF(AND(F{row}>0,ISNUMBER(G{row})),G{row}/F{row},\"\")";
                    ws.Cell(row, 10).Style.NumberFormat.Format = CellFormats.Percent;
                }
                row++;
            }
        }
        ws.Range(1, 1, Math.Max(2, row - 1), cols.Length).SetAutoFilter();
        ws.Range(2, 6, Math.Max(2, row - 1), 9).Style.NumberFormat.Format = CellFormats.Count;
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        Widths(ws, [22, 36, 7, 14, 26, 14, 14, 10, 11, 14]);
    }

    /// <summary>Status text cells coloured by rules (not painted), so a filter or an edit keeps them right.</summary>
    private static void StatusColours(IXLRange range, ReviewLabels l)
    {
        range.AddConditionalFormat().WhenEquals($"\"{l.Status(KpiStatus.OnTrack)}\"").Fill.SetBackgroundColor(XLColor.FromHtml("#C6EFCE")).Font.SetFontColor(XLColor.FromHtml("#006100"));
        range.AddConditionalFormat().WhenEquals($"\"{l.Status(KpiStatus.AtRisk)}\"").Fill.SetBackgroundColor(XLColor.FromHtml("#FFEB9C")).Font.SetFontColor(XLColor.FromHtml("#9C5700"));
        range.AddConditionalFormat().WhenEquals($"\"{l.Status(KpiStatus.OffTrack)}\"").Fill.SetBackgroundColor(XLColor.FromHtml("#FFC7CE")).Font.SetFontColor(XLColor.FromHtml("#9C0006"));
    }

    /// <summary>Value cells take their status's colour through a formula rule on the status column.</summary>
    private static void StatusFill(IXLRange range, string statusColumn, int firstRow, ReviewLabels l)
    {
        range.AddConditionalFormat().WhenIsTrue($"{statusColumn}{firstRow}=\"{l.Status(KpiStatus.OnTrack)}\"").Font.SetFontColor(XLColor.FromHtml("#006100"));
        range.AddConditionalFormat().WhenIsTrue($"{statusColumn}{firstRow}=\"{l.Status(KpiStatus.AtRisk)}\"").Font.SetFontColor(XLColor.FromHtml("#9C5700"));
        range.AddConditionalFormat().WhenIsTrue($"{statusColumn}{firstRow}=\"{l.Status(KpiStatus.OffTrack)}\"").Font.SetFontColor(XLColor.FromHtml("#9C0006"));
    }

    private static void Widths(IXLWorksheet ws, double[] widths)
    {
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
    }

    internal static string Col(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
