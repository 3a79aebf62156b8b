namespace CxDashboard.Core.Embedding;

/// <summary>
/// One audit row of embedding: a token issued (or refused) for a host through one of its keys, or an export made
/// with an embed token. Kept apart from <c>export_audit</c> (which records the export itself) so a host's activity
/// reads in one table.
/// </summary>
public sealed class EmbedAudit
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><c>token</c>, <c>token_refused</c> or <c>export</c>.</summary>
    public required string Event { get; set; }

    public long? HostApplicationId { get; set; }

    /// <summary>The API key's public id.</summary>
    public string? KeyId { get; set; }

    /// <summary>The token's id (<c>jti</c>).</summary>
    public string? TokenId { get; set; }

    public string? View { get; set; }

    /// <summary>The granted scope and locked filters as text (<c>units=DEP-X; partners=; unit=DEP-X; period=2026-10</c>).</summary>
    public string? Scope { get; set; }

    /// <summary>What else is worth keeping: the export's path and status, a refusal's reason.</summary>
    public string? Detail { get; set; }
}
