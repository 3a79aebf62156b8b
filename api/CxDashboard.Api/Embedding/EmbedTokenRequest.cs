using System.Text.Json.Serialization;

namespace CxDashboard.Api.Embedding;

/// <summary>The body of <c>POST /embed/token</c> (docs/embedding.md). Everything but the view is optional.</summary>
public sealed record EmbedTokenRequest(
    string? View,
    EmbedScopeRequest? Scope,
    EmbedLockRequest? Locked,
    string? Locale,
    string[]? Permissions,
    int? TtlSeconds);

/// <summary>The scope asked for: org unit codes (each with its subtree) and partner codes; absent = the host's whole grant.</summary>
public sealed record EmbedScopeRequest(string[]? Units, string[]? Partners);

/// <summary>Filters the viewer cannot change: the unit the view opens on, the period, one slice.</summary>
public sealed record EmbedLockRequest(string? Unit, string? Period, EmbedSliceRequest? Slice);

public sealed record EmbedSliceRequest(string? Dimension, string? Value);

/// <summary>A minted token (OAuth-style names) and where to open it.</summary>
public sealed record EmbedTokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("embed_url")] string EmbedUrl);
