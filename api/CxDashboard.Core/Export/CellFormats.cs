using ClosedXML.Excel;

namespace CxDashboard.Core.Export;

/// <summary>
/// How a metric's value goes into a cell: percentages as fractions with a percent format, durations as
/// days with <c>[m]:ss</c>, NPS with one decimal, so Excel computes with the same numbers it shows.
/// </summary>
internal static class CellFormats
{
    public const string Nps = "0.0";
    public const string Percent = "0.0%";
    public const string Duration = "[m]:ss";
    public const string Mean = "0.00";
    public const string Count = "#,##0";
    public const string Points = "+0.0;-0.0;0.0";
    public const string Seconds = "+0\" s\";-0\" s\";0\" s\"";

    /// <summary>A metric value in its unit (<c>score</c>, <c>percent</c>, <c>seconds</c>, <c>mean</c>); nothing for null.</summary>
    public static void Value(IXLCell cell, string metricUnit, double? value)
    {
        if (value is not { } v) return;
        switch (metricUnit)
        {
            case "percent":
                cell.Value = v / 100;
                cell.Style.NumberFormat.Format = Percent;
                break;
            case "seconds":
                cell.Value = v / 86400;
                cell.Style.NumberFormat.Format = Duration;
                break;
            case "mean":
                cell.Value = v;
                cell.Style.NumberFormat.Format = Mean;
                break;
            default:
                cell.Value = v;
                cell.Style.NumberFormat.Format = Nps;
                break;
        }
    }

    /// <summary>
    /// A value as the caller may see it: hidden by the privacy floor, the cell holds no number but the marker (text, so
    /// no sum or average over the column takes it for a zero); otherwise as <see cref="Value(IXLCell, string, double?)"/>.
    /// </summary>
    public static void Value(IXLCell cell, string metricUnit, ReviewValue value, string hiddenMarker)
    {
        if (value.Suppressed) Hidden(cell, hiddenMarker);
        else Value(cell, metricUnit, value.Value);
    }

    /// <summary>The privacy floor's marker in a cell whose number is withheld.</summary>
    public static void Hidden(IXLCell cell, string marker)
    {
        cell.SetValue(marker);
        cell.Style.Font.Italic = true;
        cell.Style.Font.FontColor = XLColor.FromHtml("#7F7F7F");
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>A change: NPS and percentage points with a sign, seconds for durations.</summary>
    public static void Change(IXLCell cell, string metricUnit, double? value)
    {
        if (value is not { } v) return;
        cell.Value = v;
        cell.Style.NumberFormat.Format = metricUnit == "seconds" ? Seconds : Points;
    }

    public static void Number(IXLCell cell, double? value, string format)
    {
        if (value is not { } v) return;
        cell.Value = v;
        cell.Style.NumberFormat.Format = format;
    }

    public static void Header(IXLRange header)
    {
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }
}
