using System.Diagnostics;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// The shared read loop of every importer: opens the right record source, checks the header, and
/// hands each usable record to a callback, collecting errors and rejected rows.
/// </summary>
internal sealed class RecordLoop(ImportRequest request, FieldSet fields, ImportOptions options)
{
    public const int MaxReportedErrors = 1000;
    private const int MaxInlineRejects = 1000;

    private readonly IReadOnlySet<string> known = fields.Known;
    private readonly List<ImportError> errors = [];

    /// <summary>The first <see cref="MaxReportedErrors"/> errors, by line and column.</summary>
    public List<ImportError> Errors => errors.OrderBy(e => e.Line).ThenBy(e => e.Column ?? 0).ToList();
    public long ErrorCount { get; private set; }
    public long RowsRead { get; private set; }
    public long Rejected { get; private set; }
    /// <summary>True when the file as a whole is unusable (no header, no rows, a quote never closed): rejected in every mode.</summary>
    public bool FileRejected { get; private set; }
    public List<RejectedRow> RejectedRows { get; } = [];
    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    /// <summary>Time spent reading, validating and staging (the rest of an import is the merge).</summary>
    public double ParseSeconds { get; private set; }

    /// <summary>What an import reports of this loop: counts, the first errors, rejects and times.</summary>
    public ImportReport Report(string mode, bool succeeded) => new()
    {
        Kind = request.Kind.Name(),
        File = request.FileName,
        Mode = mode,
        Succeeded = succeeded,
        RowsRead = RowsRead,
        Rejected = Rejected,
        ErrorCount = ErrorCount,
        Errors = Errors,
        RejectedRows = RejectedRows,
        Seconds = Clock.Elapsed.TotalSeconds,
        ParseSeconds = ParseSeconds,
    };

    /// <summary>
    /// Runs the loop; false when the file as a whole is unusable (<see cref="FileRejected"/>): a bad header, no
    /// data rows, or records that cannot be told apart. Fact timestamps are checked against <paramref name="window"/>.
    /// </summary>
    public async Task<bool> RunAsync(Func<FieldReader, IRecordSource, Task> onRecord, CancellationToken ct, DateWindow? window = null)
    {
        var counting = new CountingStream(request.Content);
        var format = request.Format ?? ImportNames.FormatFromFileName(request.FileName);
        using IRecordSource source = format == ImportFormat.Csv
            ? new CsvRecordSource(counting, request.FileName, request.Encoding, options)
            : new JsonLinesRecordSource(counting, request.FileName, request.Encoding, options);

        var recordErrors = new List<ImportError>();
        if (format == ImportFormat.Csv && !CheckCsvHeader(source)) return RejectFile();
        source.Bind(fields);

        var reader = new FieldReader(source, request.FileName, recordErrors) { Window = window };
        var progress = new ProgressLine(request, counting, this);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            recordErrors.Clear();
            if (!source.Read(recordErrors, out var usable)) break;
            RowsRead++;
            reader.StartRecord();
            if (usable)
            {
                foreach (var (field, column) in source.UnknownFields())
                {
                    recordErrors.Add(new ImportError(request.FileName, source.Line, column, field, ImportProblem.UnknownField,
                        $"unknown field (known: {string.Join(", ", known.Order())})", ("known", known.Order().ToArray())));
                }
                // Missing required values are reported by the typed reader when the kind reads them.
                // Parse even after an unknown field so every problem of the record is reported at once;
                // the callback writes nothing for a record with errors.
                await onRecord(reader, source);
            }
            if (recordErrors.Count > 0) Reject(source, recordErrors);
            progress.Tick();
        }
        progress.Finish();
        ParseSeconds = Clock.Elapsed.TotalSeconds;
        if (source.Fatal is { } fatal)
        {
            AddError(fatal);
            return RejectFile();
        }
        if (RowsRead == 0)
        {
            // One rule for both formats: a file with nothing to import is a mistake (wrong file, cut upload).
            AddError(format == ImportFormat.Csv
                ? new ImportError(request.FileName, 1, null, null, ImportProblem.NoDataRows, "the file has a header but no data rows")
                : new ImportError(request.FileName, 1, null, null, ImportProblem.EmptyFile, "the file is empty: expected one JSON object per line"));
            return RejectFile();
        }
        return true;
    }

    private bool RejectFile()
    {
        FileRejected = true;
        return false;
    }

    private bool CheckCsvHeader(IRecordSource source)
    {
        var header = source.Header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (header.Count == 0)
        {
            AddError(source.Fatal ?? new ImportError(request.FileName, 1, null, null, ImportProblem.EmptyFile, "the file is empty: expected a header row"));
            return false;
        }
        var ok = true;
        foreach (var field in fields.Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            AddError(new ImportError(request.FileName, 1, null, field, ImportProblem.MissingColumn, $"missing required column '{field}'", ("column", field)));
            ok = false;
        }
        for (var i = 0; i < header.Count; i++)
        {
            if (!known.Contains(header[i]))
            {
                AddError(new ImportError(request.FileName, 1, i + 1, header[i], ImportProblem.UnknownColumn, $"unknown column (known: {string.Join(", ", known.Order())})",
                    ("known", known.Order().ToArray())));
                ok = false;
            }
            else if (header.FindIndex(h => string.Equals(h, header[i], StringComparison.OrdinalIgnoreCase)) != i)
            {
                AddError(new ImportError(request.FileName, 1, i + 1, header[i], ImportProblem.ColumnTwice, "column appears twice"));
                ok = false;
            }
        }
        return ok;
    }

    private void Reject(IRecordSource source, List<ImportError> recordErrors) =>
        RejectRow(source.Line, source.RawText, source.Header, recordErrors);

    /// <summary>
    /// Rejects a row that read well but fails a check over the whole file (an org unit in a cycle, under a
    /// rejected parent): counted, reported and, in quarantine mode, written out like any other.
    /// </summary>
    public void RejectRow(int line, string text, IReadOnlyList<string> header, IReadOnlyList<ImportError> rowErrors)
    {
        Rejected++;
        foreach (var e in rowErrors) AddError(e);
        if (!request.Quarantine) return;
        var row = new RejectedRow(line, text, rowErrors.Select(e => e.Column is { } c
            ? $"column {c}{(e.Field is null ? "" : $" ({e.Field})")}: {e.Reason}"
            : $"{(e.Field is null ? "" : $"{e.Field}: ")}{e.Reason}").ToList()) { Problems = [.. rowErrors] };
        request.Rejects?.Write(row, header);
        if (RejectedRows.Count < MaxInlineRejects) RejectedRows.Add(row);
    }

    public void AddError(ImportError e)
    {
        ErrorCount++;
        if (errors.Count < MaxReportedErrors) errors.Add(e);
    }

    /// <summary>"import responses.csv: 42% 420,000 rows, 180,000 rows/s" every half second, when asked for.</summary>
    private sealed class ProgressLine(ImportRequest request, CountingStream counting, RecordLoop loop)
    {
        private long lastTicks;

        public void Tick()
        {
            if (request.Progress is null || (loop.RowsRead & 1023) != 0) return;
            var now = loop.Clock.ElapsedTicks;
            if (now - lastTicks < Stopwatch.Frequency / 2) return;
            lastTicks = now;
            Write(final: false);
        }

        public void Finish()
        {
            if (request.Progress is not null) Write(final: true);
        }

        private void Write(bool final)
        {
            var rate = loop.RowsRead / Math.Max(0.001, loop.Clock.Elapsed.TotalSeconds);
            var percent = request.Length is > 0 ? $"{Math.Min(100, 100.0 * counting.BytesRead / request.Length.Value),3:0}% " : "";
            request.Progress!.WriteLine($"import {Path.GetFileName(request.FileName)}: {percent}{loop.RowsRead:N0} rows read, {rate:N0} rows/s{(final ? " — parsed" : "")}");
        }
    }
}
