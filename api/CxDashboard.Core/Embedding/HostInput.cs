namespace CxDashboard.Core.Embedding;

/// <summary>What an analyst registers (or replaces) for a host application.</summary>
public sealed record HostInput(
    string Name,
    IReadOnlyList<string> Origins,
    IReadOnlyList<string> GrantUnits,
    IReadOnlyList<string> GrantPartners,
    IReadOnlyList<string> Views,
    IReadOnlyList<string> Permissions);

/// <summary>A key as issued: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record IssuedApiKey(long HostId, string KeyId, string Key, DateTimeOffset CreatedAt);
