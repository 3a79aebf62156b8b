using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CxDashboard.Tests.Export;

/// <summary>
/// Opens exported workbooks with programs other than the one that wrote them: LibreOffice (headless, recalculating
/// every formula on load, every sheet to CSV in one run for many files), the Open XML SDK's validator, and exceljs
/// (tests/export/inspect.mjs). Missing programs fail the test; tests/run.sh installs them.
/// </summary>
internal static class WorkbookTools
{
    private static readonly SemaphoreSlim Office = new(1, 1);

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CxDashboard.sln not found above the test binaries");
    }

    /// <summary>Every sheet of every file as CSV rows of raw (unformatted) cell values, keyed by file then sheet name.</summary>
    public static async Task<Dictionary<string, Dictionary<string, List<string[]>>>> SheetsAsync(IReadOnlyList<string> files)
    {
        var outDir = Directory.CreateTempSubdirectory("cx-lo-csv-").FullName;
        var profile = Path.Combine(Path.GetTempPath(), $"cx-lo-profile-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(profile, "user"));
        // Recalculate every formula on load (LibreOffice keeps the file's cached results by default).
        await File.WriteAllTextAsync(Path.Combine(profile, "user", "registrymodifications.xcu"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """);
        // Filter options: comma, quote, UTF-8, from line 1, en-US numbers, raw values (not as shown), every sheet (-1).
        var args = new List<string>
        {
            $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1", "--outdir", outDir,
        };
        args.AddRange(files);
        await Office.WaitAsync();
        try
        {
            var (code, output) = await RunAsync("soffice", args, TimeSpan.FromMinutes(5));
            Assert.True(code == 0, $"soffice exited {code}: {output}");
        }
        finally
        {
            Office.Release();
        }
        var result = new Dictionary<string, Dictionary<string, List<string[]>>>();
        foreach (var file in files)
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var sheets = new Dictionary<string, List<string[]>>();
            foreach (var csv in Directory.GetFiles(outDir, stem + "-*.csv"))
            {
                sheets[Path.GetFileNameWithoutExtension(csv)[(stem.Length + 1)..]] = Csv(await File.ReadAllTextAsync(csv, Encoding.UTF8));
            }
            Assert.True(sheets.Count > 0, $"LibreOffice wrote no CSV for {file}");
            result[file] = sheets;
        }
        return result;
    }

    /// <summary>Open XML SDK schema and semantic validation; returns the errors (none expected).</summary>
    public static List<string> Validate(string file)
    {
        using var doc = SpreadsheetDocument.Open(file, false);
        return new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>What exceljs (and its zip reader) sees in the file.</summary>
    public static async Task<JsonElement> InspectAsync(string file)
    {
        var script = Path.Combine(RepoRoot, "tests", "export", "inspect.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepoRoot, "tests", "export", "node_modules", "exceljs")),
            "tests/export/node_modules is missing: run `npm ci` in tests/export (tests/run.sh does)");
        var (code, output) = await RunAsync("node", [script, file], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"inspect.mjs exited {code}: {output}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>
    /// A cell of LibreOffice's CSV as the number it holds: raw values, except that percent cells keep their % sign
    /// (71.6% → 0.716) and [m]:ss durations come as minutes:seconds (→ days, whole seconds).
    /// </summary>
    public static double Num(string s)
    {
        if (s.EndsWith('%')) return double.Parse(s[..^1], NumberStyles.Float, CultureInfo.InvariantCulture) / 100;
        if (s.Contains(':'))
        {
            var parts = s.Split(':').Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            return parts.Aggregate(0.0, (acc, p) => acc * 60 + p) / 86400;
        }
        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static double? NumOrNull(string s) => string.IsNullOrEmpty(s) ? null : Num(s);

    private static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{program}' is not installed ({ex.Message}); tests/run.sh installs libreoffice-calc and Node.js", ex);
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            await p.WaitForExitAsync(cts.Token);
            return (p.ExitCode, (await stdout) + (p.ExitCode != 0 ? await stderr : ""));
        }
    }

    /// <summary>RFC 4180 rows (quoted fields, doubled quotes, line breaks inside quotes).</summary>
    public static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
