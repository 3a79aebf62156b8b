using CxDashboard.Api.Security;
using CxDashboard.Core.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Api.Ingestion;

public static class IngestionApi
{
    /// <summary>Largest accepted upload (1 GiB): a month of a large contact centre's interactions.</summary>
    private const long MaxUploadBytes = 1L << 30;

    /// <summary>
    /// <c>POST /api/import/{kind}</c> (multipart, field <c>file</c>; <c>?mode=quarantine</c>, <c>?source=</c>,
    /// <c>?format=csv|jsonl</c>, <c>?encoding=utf8|latin1</c>): analysts only. A rejected file is a 422 problem listing every error.
    /// </summary>
    public static IEndpointRouteBuilder MapCxIngestion(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/import")
            .RequireAuthorization(CxClaims.AnalystPolicy)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes })
            .WithTags("Import");
        group.MapPost("/{kind}", ImportAsync);
        return app;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        string kind, HttpRequest http, Importer importer, ScopeResolver scopes, CancellationToken ct)
    {
        if (ImportNames.ParseKind(kind) is not { } k)
        {
            return ImportUpload.Refused(StatusCodes.Status404NotFound, "Unknown import kind", $"'{kind}' is not one of {string.Join(", ", ImportNames.Kinds)}.",
                UploadProblem.UnknownImportKind, ("value", kind), ("allowed", ImportNames.Kinds));
        }
        var (upload, refused) = await ImportUpload.ReadAsync(http, MaxUploadBytes, ct);
        if (refused is not null) return refused;
        var file = upload!.File;

        // An analyst writes only inside its scope: rows (and org units) outside it are refused one by one.
        var scope = await scopes.ResolveAsync(http.HttpContext.User, ct);
        var rootCodes = http.HttpContext.User.FindAll(CxClaims.ScopeUnit).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

        // An empty part goes through the importer too: the same "the file is empty" rejection as the CLI.
        await using var content = file.OpenReadStream();
        var report = await importer.ImportAsync(new ImportRequest
        {
            Kind = k,
            Content = content,
            FileName = file.FileName,
            Format = upload.Format,
            Encoding = upload.Encoding,
            Quarantine = upload.Quarantine,
            Source = upload.Source,
            Length = file.Length,
            Scope = rootCodes.Contains(ScopeResolver.Everything) ? null : new ImportScope(scope.UnitIds, rootCodes),
        }, ct);

        if (report.Succeeded) return TypedResults.Ok(report);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The file was rejected",
            detail: $"{report.ErrorCount} error(s) in {file.FileName}; nothing was written. " + (upload.Quarantine
                ? "The file as a whole cannot be read (see the errors), so quarantine mode cannot sort its rows either."
                : "Fix them, or import with ?mode=quarantine to load the good rows."),
            extensions: new Dictionary<string, object?>
            {
                ["errorCount"] = report.ErrorCount,
                ["errors"] = report.Errors,
                ["rowsRead"] = report.RowsRead,
            });
    }
}
