using System.Globalization;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Export;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CxDashboard.Api.Export;

public static class ExportApi
{
    public sealed record StoredExportView(long Id, string Kind, string UnitCode, string Month, string Locale, DateTimeOffset CreatedAt, string CreatedBy,
        string Scope, string Status, int Attempt, string? Error, long SizeBytes, string? Download);

    /// <summary>
    /// <c>GET /export/monthly-review.xlsx?unit=&amp;month=&amp;locale=</c>, <c>GET /export/{responses|interactions}.{xlsx|csv}?unit=&amp;from=&amp;to=</c>,
    /// <c>GET /api/exports</c> (stored scheduled reviews in scope) and <c>GET /api/exports/{id}</c>. Every endpoint needs a bearer
    /// token with the <c>export</c> permission and runs under the <c>export</c> concurrency limit.
    /// </summary>
    public static IEndpointRouteBuilder MapCxExport(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireAuthorization(CxClaims.ExportPolicy).RequireRateLimiting(ExportExtensions.LimiterPolicy).WithTags("Export");
        export.MapGet("/monthly-review.xlsx", MonthlyReviewAsync);
        export.MapGet("/responses.xlsx", (HttpContext h, CancellationToken ct) => RawAsync(h, RawKind.Responses, false, ct));
        export.MapGet("/responses.csv", (HttpContext h, CancellationToken ct) => RawAsync(h, RawKind.Responses, true, ct));
        export.MapGet("/interactions.xlsx", (HttpContext h, CancellationToken ct) => RawAsync(h, RawKind.Interactions, false, ct));
        export.MapGet("/interactions.csv", (HttpContext h, CancellationToken ct) => RawAsync(h, RawKind.Interactions, true, ct));

        var stored = app.MapGroup("/api/exports").RequireAuthorization(CxClaims.ExportPolicy).RequireRateLimiting(ExportExtensions.LimiterPolicy).WithTags("Export");
        stored.MapGet("/", ListAsync);
        stored.MapGet("/{id:long}", DownloadAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MonthlyReviewAsync(
        string? unit, string? month, string? locale, ReviewExports reviews, CancellationToken ct)
    {
        try
        {
            var (file, refusal) = await reviews.ExportAsync(unit, month, locale, ct);
            return file is null ? refusal!.ToProblem() : TypedResults.File(file.Content, ReviewExports.XlsxType, file.FileName);
        }
        catch (CxDashboard.GraphQL.GraphQLException e) when (e.Errors is [{ Message: var message, Extensions: { } x }] && x.GetValueOrDefault("code") is ApiProblem.PatternBuilding)
        {
            // A floor caller's pattern for the newest cells is not ready: no workbook, a retry hint (Retry-After is set by the gate).
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Figures being prepared", detail: message);
        }
    }

    private static async Task<Results<RawFileResult, ProblemHttpResult>> RawAsync(HttpContext http, RawKind kind, bool csv, CancellationToken ct)
    {
        var services = http.RequestServices;
        var gate = services.GetRequiredService<ScopeGate>();
        var reviews = services.GetRequiredService<ReviewExports>();
        var q = http.Request.Query;
        var name = kind == RawKind.Responses ? "responses" : "interactions";
        var format = csv ? "csv" : "xlsx";
        var parameters = $"from={q["from"]}; to={q["to"]}";
        var (request, refusal) = await services.GetRequiredService<ExportRequests>().RawAsync(q["unit"], q["from"], q["to"], ct);
        if (refusal is not null)
        {
            await reviews.AuditAsync(name, format, q["unit"], parameters, 0, "refused", $"{refusal.Status} {refusal.Title}", ct);
            return refusal.ToProblem();
        }
        var scope = await gate.ScopeAsync(ct);
        var selection = new RawSelection(kind, request!.Unit.Id, scope.ToArray(), request.From, request.To);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{name}-{request.Unit.Code}-{request.From:yyyyMMdd}-{request.To:yyyyMMdd}.{format}");
        return new RawFileResult(services.GetRequiredService<RawExport>(), selection, csv, fileName,
            (rows, outcome) => reviews.AuditAsync(name, format, request.Unit.Code, parameters, rows, outcome, null));
    }

    private static async Task<Ok<List<StoredExportView>>> ListAsync(ScopeGate gate, NpgsqlDataSource db, CancellationToken ct, int limit = 100)
    {
        var scope = await gate.ScopeAsync(ct);
        await using var cmd = db.CreateCommand("""
            SELECT id, kind, unit_code, month, locale, created_at, created_by, scope, status, attempt, error, size_bytes
            FROM stored_export WHERE org_unit_id = ANY($1) AND (privacy_floor OR NOT $2)
            ORDER BY id DESC LIMIT $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = scope.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = gate.AppliesPrivacyFloor });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 500) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<StoredExportView>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            var status = r.GetString(8);
            list.Add(new StoredExportView(id, r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), r.GetString(6), r.GetString(7), status, r.GetInt32(9),
                r.IsDBNull(10) ? null : r.GetString(10), r.GetInt64(11), status == "succeeded" ? $"/api/exports/{id}" : null));
        }
        return TypedResults.Ok(list);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        long id, ScopeGate gate, NpgsqlDataSource db, ReviewExports reviews, CancellationToken ct)
    {
        var scope = await gate.ScopeAsync(ct);
        await using var cmd = db.CreateCommand("""
            SELECT status, file_name, content, unit_code, month FROM stored_export
            WHERE id = $1 AND org_unit_id = ANY($2) AND (privacy_floor OR NOT $3)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = scope.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = gate.AppliesPrivacyFloor });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return TypedResults.Problem(statusCode: 404, title: "Unknown export", detail: $"No stored export {id} in your scope.");
        }
        if (r.GetString(0) != "succeeded" || r.IsDBNull(2))
        {
            return TypedResults.Problem(statusCode: 409, title: "Export failed", detail: $"Stored export {id} failed; the scheduler retries it (see GET /api/exports).");
        }
        var (fileName, content, unit, month) = (r.GetString(1), r.GetFieldValue<byte[]>(2), r.GetString(3), r.GetFieldValue<DateOnly>(4));
        await reviews.AuditAsync("stored-review", "xlsx", unit, $"id={id}; month={month:yyyy-MM}", 0, "succeeded", null, ct);
        return TypedResults.File(content, ReviewExports.XlsxType, fileName);
    }

    /// <summary>
    /// Streams raw rows straight into the response: headers and the first rows go out while PostgreSQL is still
    /// sending later ones. The audit row is written when the stream ends (rows written; <c>aborted</c> if it broke off).
    /// </summary>
    public sealed class RawFileResult(RawExport raw, RawSelection selection, bool csv, string fileName, Func<long, string, Task> done) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = csv ? "text/csv; charset=utf-8" : ReviewExports.XlsxType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            // SpreadCheetah finishes each zip entry with a synchronous write; allowed for this response only.
            if (!csv && http.Features.Get<IHttpBodyControlFeature>() is { } control) control.AllowSynchronousIO = true;
            long rows = 0;
            var outcome = "aborted";
            try
            {
                void Progress(long n) => rows = n;
                rows = csv
                    ? await raw.WriteCsvAsync(selection, http.Response.Body, Progress, http.RequestAborted)
                    : await raw.WriteXlsxAsync(selection, http.Response.Body, Progress, http.RequestAborted);
                outcome = "succeeded";
            }
            finally
            {
                await done(rows, outcome);
            }
        }
    }
}
