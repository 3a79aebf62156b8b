using CxDashboard.Core.Ingestion;

namespace CxDashboard.Api.Cli;

/// <summary>
/// <c>import &lt;org-units|responses|interactions&gt; &lt;file&gt; [--format csv|jsonl] [--encoding utf8|latin1] [--quarantine rejects-file] [--source name] [--progress]</c>.
/// Exit codes: <see cref="ExitCodes"/>.
/// </summary>
internal static class ImportVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("import", new CliForm([], [$"<{string.Join('|', ImportNames.Kinds)}>", "<file>"],
        [new("--format", "csv|jsonl"), new("--encoding", "utf8|latin1"), new("--quarantine", "rejects-file"), new("--source", "name"),
         CliOption.Flag("--progress"), CliOption.Flag("--no-progress")]));

    public static async Task<int> RunAsync(WebApplication app, CliArgs o)
    {
        var kind = ImportNames.ParseKind(o.Arguments[0])
            ?? throw new CliUsageException($"unknown kind '{o.Arguments[0]}' (use {string.Join(", ", ImportNames.Kinds)})");
        var path = o.Arguments[1];
        if (!File.Exists(path)) throw new CliUsageException($"file not found: {path}");
        var format = o.Value("--format") is { } f
            ? ImportNames.ParseFormat(f) ?? throw new CliUsageException($"--format: '{f}' is not csv or jsonl")
            : ImportNames.FormatFromFileName(path);
        var encoding = o.Value("--encoding") is { } enc
            ? ImportNames.ParseEncoding(enc) ?? throw new CliUsageException($"--encoding: '{enc}' is not utf8 or latin1")
            : ImportEncoding.Utf8;

        var showProgress = o.Has("--progress") || (!o.Has("--no-progress") && !Console.IsErrorRedirected);
        // Rejected rows go to a temporary file that replaces the --quarantine file only once the import has
        // committed: a rejected file or an unreachable database leaves an earlier rejects file as it was.
        var rejectsPath = o.Value("--quarantine");
        var rejectsTemp = rejectsPath is null ? null : $"{rejectsPath}.{Environment.ProcessId}.tmp";
        RejectFileSink? rejects = rejectsTemp is null ? null : new RejectFileSink(new StreamWriter(rejectsTemp), format);

        await using var file = File.OpenRead(path);
        var importer = app.Services.GetRequiredService<Importer>();
        ImportReport report;
        try
        {
            using (rejects)
            {
                report = await importer.ImportAsync(new ImportRequest
                {
                    Kind = kind,
                    Content = file,
                    FileName = path,
                    Format = format,
                    Encoding = encoding,
                    Quarantine = rejects is not null,
                    Rejects = rejects,
                    Source = o.Value("--source") ?? "default",
                    Length = file.Length,
                    Progress = showProgress ? Console.Error : null,
                });
            }
            if (report.Succeeded && rejectsTemp is not null) File.Move(rejectsTemp, rejectsPath!, overwrite: true);
        }
        finally
        {
            if (rejectsTemp is not null && File.Exists(rejectsTemp)) File.Delete(rejectsTemp);
        }

        foreach (var e in report.Errors) Console.Error.WriteLine(e);
        if (report.ErrorCount > report.Errors.Count) Console.Error.WriteLine($"… and {report.ErrorCount - report.Errors.Count} more errors");
        if (!report.Succeeded)
        {
            Console.Error.WriteLine($"import {kind.Name()}: {path} rejected with {report.ErrorCount} error(s); nothing was written" +
                (rejects is null ? " (use --quarantine <file> to import the good rows)" : ""));
            return ExitCodes.Rejected;
        }
        Console.WriteLine($"import {kind.Name()}: {report.RowsRead:N0} rows read, {report.Inserted:N0} inserted, {report.Updated:N0} updated, " +
            $"{report.Unchanged:N0} unchanged, {report.Late:N0} late, {report.Rejected:N0} rejected" +
            (kind == ImportKind.OrgUnits ? $", {report.Moved:N0} moved" : "") +
            $" in {report.Seconds:0.0}s (read+validate+stage {report.ParseSeconds:0.0}s, merge {report.Seconds - report.ParseSeconds:0.0}s; {report.RowsPerSecond:N0} rows/s)" +
            (rejects is not null && report.Rejected > 0 ? $"; rejected rows written to {rejectsPath}" : ""));
        return ExitCodes.Done;
    }
}
