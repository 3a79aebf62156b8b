using CxDashboard.Core.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Api.Ingestion;

/// <summary>
/// Reads an import request's query and multipart body, refusing anything ambiguous with a problem that says
/// what was wrong: an unknown or repeated query parameter, a body that is not multipart (JSON), a cut-off
/// multipart body, no part or two parts named <c>file</c>.
/// </summary>
internal sealed record ImportUpload(IFormFile File, bool Quarantine, string Source, ImportFormat? Format, ImportEncoding Encoding)
{
    private static readonly string[] Parameters = ["mode", "source", "format", "encoding"];

    public static async Task<(ImportUpload? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest http, long maxBytes, CancellationToken ct)
    {
        foreach (var (key, values) in http.Query)
        {
            if (!Parameters.Contains(key, StringComparer.Ordinal))
                return Refuse(StatusCodes.Status400BadRequest, "Unknown query parameter", $"'{key}' is not one of {string.Join(", ", Parameters)}.",
                    UploadProblem.UnknownParameter, ("name", key), ("allowed", Parameters));
            if (values.Count > 1)
                return Refuse(StatusCodes.Status400BadRequest, "Repeated query parameter", $"'{key}' is given {values.Count} times ({string.Join(", ", values.Select(v => $"'{v}'"))}); give it once.",
                    UploadProblem.RepeatedParameter, ("name", key), ("count", values.Count));
        }
        var mode = (string?)http.Query["mode"];
        if (mode is not (null or "all-or-nothing" or "quarantine"))
            return Refuse(StatusCodes.Status400BadRequest, "Unknown mode", $"mode '{mode}' is not 'all-or-nothing' (default) or 'quarantine'.", UploadProblem.UnknownMode, ("value", mode));
        ImportFormat? format = null;
        if ((string?)http.Query["format"] is { } f && (format = ImportNames.ParseFormat(f)) is null)
            return Refuse(StatusCodes.Status400BadRequest, "Unknown format", $"format '{f}' is not csv or jsonl.", UploadProblem.UnknownFormat, ("value", f));
        var encoding = ImportEncoding.Utf8;
        if ((string?)http.Query["encoding"] is { } e)
        {
            if (ImportNames.ParseEncoding(e) is not { } parsed)
                return Refuse(StatusCodes.Status400BadRequest, "Unknown encoding", $"encoding '{e}' is not utf8 (default) or latin1.", UploadProblem.UnknownEncoding, ("value", e));
            encoding = parsed;
        }
        var source = (string?)http.Query["source"];

        if (!http.HasFormContentType)
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Not a file upload",
                $"Send the file as multipart/form-data in a part named 'file' (this request's body is {(string.IsNullOrEmpty(http.ContentType) ? "without a content type" : $"'{http.ContentType}'")}).",
                UploadProblem.NotMultipart, ("contentType", http.ContentType ?? ""));
        }
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "File too large", $"The upload is larger than the limit: {ex.Message}",
                UploadProblem.FileTooLarge, ("maxMegabytes", maxBytes / (1024 * 1024)));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Incomplete upload",
                $"The multipart body could not be read to its end (a cut-off upload or a missing closing boundary): {ex.Message} Nothing was imported.",
                UploadProblem.IncompleteUpload);
        }
        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
        {
            var parts = form.Files.Select(p => p.Name).Concat(form.Keys).Distinct().ToList();
            return Refuse(StatusCodes.Status400BadRequest, "No file",
                $"No part named 'file'{(parts.Count == 0 ? "" : $" (found: {string.Join(", ", parts)})")}. Send the file as multipart/form-data in a part named 'file'.",
                UploadProblem.NoFilePart, ("found", parts));
        }
        if (files.Count > 1)
        {
            return Refuse(StatusCodes.Status400BadRequest, "More than one file",
                $"{files.Count} parts are named 'file' ({string.Join(", ", files.Select(x => $"'{x.FileName}'"))}); send one file per request.",
                UploadProblem.MoreThanOneFile, ("count", files.Count));
        }
        return (new ImportUpload(files[0], mode == "quarantine", string.IsNullOrWhiteSpace(source) ? "default" : source, format, encoding), null);
    }

    private static (ImportUpload?, ProblemHttpResult?) Refuse(int status, string title, string detail, string code, params (string Name, object? Value)[] values) =>
        (null, Refused(status, title, detail, code, values));

    /// <summary>A refused upload: the English title and detail, and its <see cref="UploadProblem"/> code with the values it names.</summary>
    internal static ProblemHttpResult Refused(int status, string title, string detail, string code, params (string Name, object? Value)[] values) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?>
        {
            ["code"] = code, ["params"] = values.ToDictionary(v => v.Name, v => v.Value),
        });
}
