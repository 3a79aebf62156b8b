using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CxDashboard.Core.Export;

/// <summary>
/// ClosedXML (through the Open XML SDK) writes SpreadsheetML with an <c>x:</c> prefix on every element. Excel and
/// LibreOffice read that, but readers that match element names literally (exceljs, many scripts) do not; the same
/// XML with the namespace as the default one reads everywhere. Only the SpreadsheetML parts (and the extended
/// properties, written with <c>ap:</c>) are rewritten.
/// </summary>
public static class WorkbookPrefixes
{
    private static readonly (string Prefix, string Namespace)[] Rewritten =
    [
        ("x", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
        ("ap", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    ];

    public static byte[] Unprefix(byte[] workbook)
    {
        using var ms = new MemoryStream();
        ms.Write(workbook);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => (e.FullName.StartsWith("xl/", StringComparison.Ordinal) || e.FullName.StartsWith("docProps/", StringComparison.Ordinal))
                         && e.FullName.EndsWith(".xml", StringComparison.Ordinal)
                         && !e.FullName.Contains("/drawings/", StringComparison.Ordinal) && !e.FullName.StartsWith("xl/theme/", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) xml = reader.ReadToEnd();
                var (prefix, ns) = Rewritten.FirstOrDefault(r => xml.Contains($"xmlns:{r.Prefix}=\"{r.Namespace}\"", StringComparison.Ordinal));
                if (prefix is null || xml.Contains(" xmlns=\"", StringComparison.Ordinal)) continue;
                xml = Regex.Replace(xml, $"<(/?){prefix}:", "<$1");
                xml = xml.Replace($"xmlns:{prefix}=\"{ns}\"", $"xmlns=\"{ns}\"", StringComparison.Ordinal);
                var name = entry.FullName;
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }
        return ms.ToArray();
    }
}
