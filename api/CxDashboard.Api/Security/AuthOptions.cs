namespace CxDashboard.Api.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>External OpenID Connect issuer (production). When set, the demo issuer is off.</summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "cxdashboard-demo";

    public string Audience { get; set; } = "cxdashboard";

    /// <summary>Base64 HMAC key (≥ 32 bytes) for demo and embed tokens. Random per process when empty.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Demo personas by name, for local runs (<c>POST /auth/token</c>).</summary>
    public Dictionary<string, PersonaOptions> Personas { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool DemoIssuerEnabled => string.IsNullOrWhiteSpace(Authority);
}

/// <summary>A demo persona: who it is and which part of the organisation it may see.</summary>
public sealed class PersonaOptions
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "viewer";

    /// <summary>Org unit codes whose subtrees the persona sees (empty with no partners = nothing).</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>Partner codes whose engagements the persona sees.</summary>
    public List<string> Partners { get; set; } = [];

    /// <summary>Permissions carried as <c>permission</c> claims (e.g. <c>export</c>).</summary>
    public List<string> Permissions { get; set; } = [];
}
