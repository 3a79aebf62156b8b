namespace CxDashboard.Core.Export;

/// <summary>
/// One export, as the audit trail keeps it: who asked, what (kind and parameters), over which scope,
/// when, how many rows left, and how it ended. Refused requests are recorded too (outcome <c>refused</c>).
/// </summary>
public sealed class ExportAudit
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The token's subject (<c>sub</c>), or <c>scheduler</c> for scheduled reviews.</summary>
    public required string Subject { get; set; }
    public string? CallerName { get; set; }
    /// <summary><c>monthly-review</c>, <c>responses</c>, <c>interactions</c> or <c>stored-review</c>.</summary>
    public required string Kind { get; set; }
    public required string Format { get; set; }
    public string? UnitCode { get; set; }
    /// <summary>The request's parameters as text (month, range, locale).</summary>
    public string? Parameters { get; set; }
    /// <summary>The caller's scope: the fingerprint of its visible unit set and how many units it holds.</summary>
    public required string Scope { get; set; }
    public bool PrivacyFloor { get; set; }
    public long Rows { get; set; }
    /// <summary><c>succeeded</c>, <c>refused</c> or <c>aborted</c>.</summary>
    public required string Outcome { get; set; }
    public string? Detail { get; set; }
}
