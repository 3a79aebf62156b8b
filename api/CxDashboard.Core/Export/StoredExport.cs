namespace CxDashboard.Core.Export;

/// <summary>
/// A monthly review produced by the scheduled export job (or a failed attempt at one): kept in
/// PostgreSQL with who produced it, when, and over which scope, and listed by <c>GET /api/exports</c>.
/// </summary>
public sealed class StoredExport
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public long OrgUnitId { get; set; }
    public required string UnitCode { get; set; }
    /// <summary>First day of the reviewed month.</summary>
    public DateOnly Month { get; set; }
    public required string Locale { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The identity the review was read as (the scheduler's).</summary>
    public required string CreatedBy { get; set; }
    /// <summary>The scope the review was read with: fingerprint and unit count.</summary>
    public required string Scope { get; set; }
    /// <summary>Whether the values were read under the privacy floor.</summary>
    public bool PrivacyFloor { get; set; }
    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }
    public int Attempt { get; set; }
    public string? Error { get; set; }
    public string? FileName { get; set; }
    public byte[]? Content { get; set; }
    public long SizeBytes { get; set; }
}
