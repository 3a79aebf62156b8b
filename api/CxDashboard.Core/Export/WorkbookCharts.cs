using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using X14 = DocumentFormat.OpenXml.Office2010.Excel;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
using Xm = DocumentFormat.OpenXml.Office.Excel;

namespace CxDashboard.Core.Export;

/// <summary>A native line chart: one category range (months) and named series, placed over a cell block.</summary>
public sealed record ChartSpec(string Sheet, string Title, string Categories, IReadOnlyList<(string Name, string NameRef, string Values)> Series,
    string NumberFormat, int FromColumn, int FromRow, int Columns, int Rows);

/// <summary>A line sparkline in one cell over a row of values (an Excel 2010 x14 extension).</summary>
public sealed record SparklineSpec(string Sheet, string Cell, string Data);

/// <summary>
/// Adds to a saved workbook what ClosedXML does not write: native line charts (a drawing part with
/// chart parts) and sparkline groups (the worksheet's x14 extension list).
/// </summary>
public static class WorkbookCharts
{
    private const string SparklineExtUri = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}";

    public static byte[] Add(byte[] workbook, IReadOnlyList<ChartSpec> charts, IReadOnlyList<SparklineSpec> sparklines)
    {
        if (charts.Count == 0 && sparklines.Count == 0) return workbook;
        using var ms = new MemoryStream();
        ms.Write(workbook);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wbPart = doc.WorkbookPart!;
            foreach (var group in charts.GroupBy(c => c.Sheet)) AddCharts(Sheet(wbPart, group.Key), group.ToList());
            foreach (var group in sparklines.GroupBy(s => s.Sheet)) AddSparklines(Sheet(wbPart, group.Key), group.ToList());
        }
        return ms.ToArray();
    }

    private static WorksheetPart Sheet(WorkbookPart wb, string name)
    {
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == name);
        return (WorksheetPart)wb.GetPartById(sheet.Id!);
    }

    private static void AddCharts(WorksheetPart ws, IReadOnlyList<ChartSpec> charts)
    {
        var drawings = ws.DrawingsPart;
        if (drawings is null)
        {
            drawings = ws.AddNewPart<DrawingsPart>();
            drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
            var worksheet = ws.Worksheet;
            var drawing = new Drawing { Id = ws.GetIdOfPart(drawings) };
            // Schema order: <drawing> goes before these, after everything else ClosedXML writes.
            var before = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter or Picture or OleObjects
                or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
            if (before is null) worksheet.Append(drawing);
            else worksheet.InsertBefore(drawing, before);
        }
        var id = (uint)drawings.WorksheetDrawing.ChildElements.Count + 1;
        foreach (var spec in charts)
        {
            var part = drawings.AddNewPart<ChartPart>();
            part.ChartSpace = ChartSpace(spec);
            drawings.WorksheetDrawing.Append(Anchor(spec, drawings.GetIdOfPart(part), id++));
        }
        drawings.WorksheetDrawing.Save();
        ws.Worksheet.Save();
    }

    private static C.ChartSpace ChartSpace(ChartSpec spec)
    {
        const uint categoryAxis = 48650112, valueAxis = 48672768;
        var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        string[] colours = ["2F5597", "C00000"];
        for (var i = 0; i < spec.Series.Count; i++)
        {
            var s = spec.Series[i];
            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(new C.StringReference(new C.Formula(s.NameRef))),
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colours[i % colours.Length] })) { Width = 28575 }
                    .With(i == 1 ? new A.PresetDash { Val = A.PresetLineDashValues.Dash } : null)),
                new C.Marker(new C.Symbol { Val = i == 0 ? C.MarkerStyleValues.Circle : C.MarkerStyleValues.None }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula(spec.Categories))),
                new C.Values(new C.NumberReference(new C.Formula(s.Values))),
                new C.Smooth { Val = false }));
        }
        line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = categoryAxis }, new C.AxisId { Val = valueAxis });

        var plot = new C.PlotArea(
            new C.Layout(),
            line,
            new C.CategoryAxis(
                new C.AxisId { Val = categoryAxis },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = valueAxis },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(
                new C.AxisId { Val = valueAxis },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left },
                new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = spec.NumberFormat, SourceLinked = false },
                new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = categoryAxis },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));

        var chart = new C.Chart(
            new C.Title(
                new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-US", FontSize = 1200, Bold = true }, new A.Text(spec.Title))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            plot,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        return new C.ChartSpace(new C.RoundedCorners { Val = false }, chart);
    }

    private static Xdr.TwoCellAnchor Anchor(ChartSpec spec, string chartRelId, uint id) => new(
        new Xdr.FromMarker(new Xdr.ColumnId(spec.FromColumn.ToString()), new Xdr.ColumnOffset("0"), new Xdr.RowId(spec.FromRow.ToString()), new Xdr.RowOffset("0")),
        new Xdr.ToMarker(new Xdr.ColumnId((spec.FromColumn + spec.Columns).ToString()), new Xdr.ColumnOffset("0"),
            new Xdr.RowId((spec.FromRow + spec.Rows).ToString()), new Xdr.RowOffset("0")),
        new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(
                new Xdr.NonVisualDrawingProperties { Id = id + 1, Name = $"Chart {id}" },
                new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { Macro = "" },
        new Xdr.ClientData());

    private static void AddSparklines(WorksheetPart ws, IReadOnlyList<SparklineSpec> sparklines)
    {
        var group = new X14.SparklineGroup(
            new X14.SeriesColor { Rgb = "FF2F5597" },
            new X14.NegativeColor { Rgb = "FFC00000" },
            new X14.AxisColor { Rgb = "FF000000" },
            new X14.MarkersColor { Rgb = "FF2F5597" },
            new X14.FirstMarkerColor { Rgb = "FF2F5597" },
            new X14.LastMarkerColor { Rgb = "FFC00000" },
            new X14.HighMarkerColor { Rgb = "FF2F5597" },
            new X14.LowMarkerColor { Rgb = "FF2F5597" },
            new X14.Sparklines(sparklines.Select(s => new X14.Sparkline(new Xm.Formula(s.Data), new Xm.ReferenceSequence(s.Cell)))))
        {
            DisplayEmptyCellsAs = X14.DisplayBlanksAsValues.Gap,
            Last = true,
        };
        var ext = new WorksheetExtension(new X14.SparklineGroups(group)) { Uri = SparklineExtUri };
        ext.AddNamespaceDeclaration("x14", "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main");
        var worksheet = ws.Worksheet;
        var list = worksheet.GetFirstChild<WorksheetExtensionList>();
        if (list is null) worksheet.Append(list = new WorksheetExtensionList());
        list.Append(ext);
        worksheet.Save();
    }

    private static T With<T>(this T element, OpenXmlElement? child) where T : OpenXmlElement
    {
        if (child is not null) element.Append(child);
        return element;
    }
}
