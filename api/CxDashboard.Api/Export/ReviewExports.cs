using CxDashboard.Api.Security;
using CxDashboard.Core.Export;

namespace CxDashboard.Api.Export;

/// <summary>A produced review workbook.</summary>
public sealed record ReviewFile(byte[] Content, string FileName, long Rows, ReviewRequest Request);

/// <summary>
/// The one path every monthly review takes (HTTP, CLI, scheduled job): check the request, read it through
/// the caller's scope gate, lay out the workbook, and record the export — or the refusal — in the audit table.
/// </summary>
public sealed class ReviewExports(ScopeGate gate, ExportRequests requests, MonthlyReviewReader reader, ExportAuditLog audit)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<(ReviewFile? File, ExportRefusal? Refusal)> ExportAsync(
        string? unit, string? month, string? locale, CancellationToken ct = default)
    {
        var (request, refusal) = await requests.ReviewAsync(unit, month, locale, ct);
        var parameters = $"month={month}; locale={locale ?? "en"}";
        if (refusal is not null)
        {
            await AuditAsync("monthly-review", "xlsx", unit, parameters, 0, "refused", $"{refusal.Status} {refusal.Title}", ct);
            return (null, refusal);
        }
        var review = await reader.ReadAsync(request!.Unit, request.Month, ct);
        var bytes = MonthlyReviewWorkbook.Write(review, request.Labels);
        var rows = review.Summary.Count + 2L * review.Units.Count + review.TrendMonths.Count + review.League.Count
            + (long)review.Units.Count * ReviewMetrics.Counted.Length + 2L * (review.Drivers?.Drivers.Count ?? 0);
        await AuditAsync("monthly-review", "xlsx", request.Unit.Code, parameters, rows, "succeeded", null, ct);
        return (new ReviewFile(bytes, $"monthly-review-{request.Unit.Code}-{request.Month}-{request.Labels.Locale}.xlsx", rows, request), null);
    }

    public async Task AuditAsync(string kind, string format, string? unit, string? parameters, long rows, string outcome, string? detail,
        CancellationToken ct = default)
    {
        var scope = await gate.ScopeAsync(ct);
        await audit.RecordAsync(new ExportAudit
        {
            Subject = gate.User?.FindFirst("sub")?.Value ?? "anonymous",
            CallerName = gate.DisplayName,
            Kind = kind,
            Format = format,
            UnitCode = unit,
            Parameters = parameters,
            Scope = ScopeText(gate, scope),
            PrivacyFloor = gate.AppliesPrivacyFloor,
            Rows = rows,
            Outcome = outcome,
            Detail = detail,
        }, CancellationToken.None);
    }

    /// <summary>The scope as granted (unit and partner codes of the token) and as resolved (how many units it covers).</summary>
    public static string ScopeText(ScopeGate gate, CallerScope scope)
    {
        var granted = (gate.User?.FindAll(CxClaims.ScopeUnit).Select(c => c.Value) ?? [])
            .Concat(gate.User?.FindAll(CxClaims.ScopePartner).Select(c => "partner " + c.Value) ?? []);
        return $"{string.Join(", ", granted)} ({scope.UnitIds.Count} units)";
    }
}
