using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpreadCheetah;

namespace CxDashboard.Benchmarks;

/// <summary>
/// <c>export [--responses N] [--interactions N] [--database NAME]</c>: the monthly review of the company at demo size (time, peak
/// memory of the CLI process), the raw interactions export (all 13 months: ~1M rows at the default size) beside the npm exceljs
/// streaming writer writing the same rows (ratio, peak memory of both), the first byte of the same export over HTTP, and the two
/// candidate .NET writers (SpreadCheetah, the Open XML SDK's OpenXmlWriter) on the same 1M synthetic rows without a database.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        long responses = 300_000, interactions = 1_100_000; // about 1M of them in the last 365 days (a raw export spans at most 366)
        string? existing = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--responses": responses = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--interactions": interactions = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--database": existing = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        var work = Directory.CreateTempSubdirectory("cx-bench-export-").FullName;
        try
        {
            await using var db = existing is null ? await BenchDatabase.CreateAsync("export") : BenchDatabase.Existing(existing);
            if (existing is null)
            {
                Console.Error.WriteLine($"seeding {responses:N0} responses and {interactions:N0} interactions …");
                var seed = await db.HostAsync(["seed", "--responses", responses.ToString(CultureInfo.InvariantCulture), "--interactions", interactions.ToString(CultureInfo.InvariantCulture)], echoStderr: true);
                if (seed.Code != 0) throw new InvalidOperationException("seed failed: " + seed.Out);
                var rollup = await db.HostAsync(["rollup", "--full"], echoStderr: true);
                if (rollup.Code != 0) throw new InvalidOperationException("rollup failed: " + rollup.Out);
            }
            await using (var count = db.DataSource.CreateCommand("SELECT (SELECT count(*) FROM survey_response), (SELECT count(*) FROM interaction), (SELECT count(*) FROM org_unit)"))
            await using (var r = await count.ExecuteReaderAsync())
            {
                await r.ReadAsync();
                Console.WriteLine($"data: {r.GetInt64(0):N0} responses, {r.GetInt64(1):N0} interactions, {r.GetInt64(2)} units; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");
            }

            // 1. The monthly review of the company (CLI process: start-up included, as an operator would run it).
            var reviewPath = Path.Combine(work, "review.xlsx");
            for (var run = 1; run <= 2; run++)
            {
                var review = await MeasuredHostAsync(db, ["export", "monthly-review", "--unit", "CO", "--month", "2026-10", "--out", reviewPath]);
                Console.WriteLine($"monthly review CO 2026-10 (run {run}): {review.Seconds:0.00} s wall (process incl. start-up), peak RSS {review.PeakMb:0} MB, " +
                    $"{new FileInfo(reviewPath).Length / 1024.0:0} KB — {LastLine(review.Err)}");
            }

            // 2. Raw interactions of the whole company, the last 12 months: .xlsx by the export, CSV of the same rows for the exceljs baseline.
            string[] raw = ["export", "interactions", "--unit", "CO", "--from", "2025-11-01", "--to", "2026-10-31"];
            var csvPath = Path.Combine(work, "rows.csv");
            var csv = await MeasuredHostAsync(db, [.. raw, "--out", csvPath]);
            Console.WriteLine($"raw export CSV: {csv.Seconds:0.00} s, peak RSS {csv.PeakMb:0} MB, {new FileInfo(csvPath).Length / 1048576.0:0} MB — {LastLine(csv.Err)}");
            var xlsxPath = Path.Combine(work, "rows.xlsx");
            var ours = await MeasuredHostAsync(db, [.. raw, "--out", xlsxPath]);
            Console.WriteLine($"raw export .xlsx (SpreadCheetah, rows from PostgreSQL): {ours.Seconds:0.00} s, peak RSS {ours.PeakMb:0} MB (goal < 200), " +
                $"{new FileInfo(xlsxPath).Length / 1048576.0:0} MB — {LastLine(ours.Err)}");
            var node = await MeasuredAsync("node", [Path.Combine(Root(), "tests", "export", "bench-exceljs.mjs"), csvPath, Path.Combine(work, "exceljs.xlsx")], null);
            if (node.Code != 0) throw new InvalidOperationException("exceljs baseline failed: " + node.Err);
            var js = JsonDocument.Parse(node.Out).RootElement;
            Console.WriteLine($"exceljs streaming writer, same rows from the CSV: {node.Seconds:0.00} s wall, peak RSS {js.GetProperty("peakRssMb").GetDouble():0} MB, " +
                $"{js.GetProperty("rows").GetInt64():N0} rows, {new FileInfo(Path.Combine(work, "exceljs.xlsx")).Length / 1048576.0:0} MB");
            Console.WriteLine($"ratio exceljs / export: {node.Seconds / ours.Seconds:0.00}x (goal ≥ 1: the export at least as fast)");

            // 3. Time to first byte over HTTP (Kestrel) for the same export.
            await using (var api = await ApiProcess.StartAsync(db.ConnectionString))
            {
                var (first, total, bytes) = await api.DownloadTimingAsync("/export/interactions.xlsx?unit=CO&from=2025-11-01&to=2026-10-31");
                Console.WriteLine($"HTTP /export/interactions.xlsx: first byte after {first * 1000:0} ms, last after {total:0.00} s, {bytes / 1048576.0:0} MB");
            }

            // 4. The writer choice: the same 1M synthetic rows (no database) through each candidate.
            const int rows = 1_000_000;
            var cheetah = await TimeWriterAsync(() => SpreadCheetahAsync(Path.Combine(work, "sc.xlsx"), rows));
            var openXml = await TimeWriterAsync(() => OpenXmlWriterAsync(Path.Combine(work, "ox.xlsx"), rows));
            Console.WriteLine($"writers, {rows:N0} rows × 18 columns: SpreadCheetah {cheetah.Seconds:0.00} s ({cheetah.AllocatedMb:0} MB allocated), " +
                $"OpenXmlWriter {openXml.Seconds:0.00} s ({openXml.AllocatedMb:0} MB allocated); SpreadCheetah {openXml.Seconds / cheetah.Seconds:0.00}x faster");
            return 0;
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    private sealed record Measured(int Code, double Seconds, double PeakMb, string Out, string Err);

    private static Task<Measured> MeasuredHostAsync(BenchDatabase db, string[] args) =>
        MeasuredAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll"), .. args], db.ConnectionString);

    /// <summary>Runs a process to its end; peak memory is its VmHWM (high-water RSS) polled from /proc until it exits.</summary>
    private static async Task<Measured> MeasuredAsync(string program, string[] args, string? connectionString)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (connectionString is not null) psi.Environment["ConnectionStrings__Cx"] = connectionString;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        double peakKb = 0;
        while (!p.HasExited)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{p.Id}/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peakKb = Math.Max(peakKb, double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // exited between the check and the read
            }
            await Task.Delay(20);
        }
        await p.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        var (o, e) = (await stdout, await stderr);
        if (p.ExitCode != 0 && program == "dotnet") throw new InvalidOperationException($"{string.Join(' ', args.Skip(1))} failed ({p.ExitCode}): {e}");
        return new Measured(p.ExitCode, seconds, peakKb / 1024, o, e);
    }

    private static async Task<(double Seconds, double AllocatedMb)> TimeWriterAsync(Func<Task> write)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        await write();
        return (clock.Elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(true) - before) / 1048576.0);
    }

    // A row shaped like an interaction: ids and codes as text, three timestamps, numbers and flags.
    private static readonly DateTime Start = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private static async Task SpreadCheetahAsync(string path, int rows)
    {
        await using var file = File.Create(path);
        await using var book = await Spreadsheet.CreateNewAsync(file, new SpreadCheetahOptions { BufferSize = 64 * 1024 });
        await book.StartWorksheetAsync("Interactions");
        var row = new DataCell[18];
        for (var i = 0; i < rows; i++)
        {
            var opened = Start.AddSeconds(i * 31L);
            row[0] = new DataCell($"I-{i}"); row[1] = new DataCell($"C{i % 50000}"); row[2] = new DataCell(opened);
            row[3] = new DataCell(opened.AddSeconds(40)); row[4] = new DataCell(opened.AddSeconds(400)); row[5] = new DataCell("TEAM-CARE-VIP-EAST");
            row[6] = new DataCell("phone"); row[7] = new DataCell("service"); row[8] = new DataCell("consumer"); row[9] = new DataCell(300 + i % 600);
            row[10] = new DataCell(i % 3 != 0); row[11] = new DataCell(i % 5); row[12] = new DataCell(i % 7 == 0); row[13] = new DataCell(false);
            row[14] = new DataCell(); row[15] = new DataCell(false); row[16] = new DataCell(i % 11 == 0); row[17] = new DataCell(600);
            await book.AddRowAsync(row);
        }
        await book.FinishAsync();
    }

    private static Task OpenXmlWriterAsync(string path, int rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var ws = wb.AddNewPart<WorksheetPart>();
        using (var w = OpenXmlWriter.Create(ws))
        {
            var number = new[] { new OpenXmlAttribute("t", "", "n") };
            var text = new[] { new OpenXmlAttribute("t", "", "inlineStr") };
            var boolean = new[] { new OpenXmlAttribute("t", "", "b") };
            void Text(string s) { w.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Cell(), text); w.WriteElement(new InlineString(new Text(s))); w.WriteEndElement(); }
            void Num(double d) { w.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Cell(), number); w.WriteElement(new CellValue(d.ToString(CultureInfo.InvariantCulture))); w.WriteEndElement(); }
            void Bool(bool b) { w.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Cell(), boolean); w.WriteElement(new CellValue(b ? "1" : "0")); w.WriteEndElement(); }
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            for (var i = 0; i < rows; i++)
            {
                var opened = Start.AddSeconds(i * 31L);
                w.WriteStartElement(new Row());
                Text($"I-{i}"); Text($"C{i % 50000}"); Num(opened.ToOADate()); Num(opened.AddSeconds(40).ToOADate()); Num(opened.AddSeconds(400).ToOADate());
                Text("TEAM-CARE-VIP-EAST"); Text("phone"); Text("service"); Text("consumer"); Num(300 + i % 600);
                Bool(i % 3 != 0); Num(i % 5); Bool(i % 7 == 0); Bool(false); w.WriteElement(new DocumentFormat.OpenXml.Spreadsheet.Cell()); Bool(false); Bool(i % 11 == 0); Num(600);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Interactions" }));
        return Task.CompletedTask;
    }
}
