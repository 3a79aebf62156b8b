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

    /// <summary>A file holding the key (created with mode 0600 when missing), so tokens survive restarts; used when <see cref="SigningKey"/> is empty.</summary>
    public string? SigningKeyFile { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Demo personas by name, for local runs (<c>POST /auth/token</c>).</summary>
    public Dictionary<string, PersonaOptions> Personas { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Turns the demo issuer on (<c>POST /auth/token</c>: a token for any persona, no password). Off unless set:
    /// <c>api/run.sh</c> sets it for local runs, and it never runs next to an external <see cref="Authority"/>.
    /// </summary>
    public bool DemoIssuer { get; set; }

    public bool DemoIssuerEnabled => DemoIssuer && string.IsNullOrWhiteSpace(Authority);

    /// <summary>
    /// Roles granted small counts: their callers see values below the privacy floor. Every other caller gets the
    /// floor (fail closed), and so does any token scoped to a partner or minted for embedding, whatever its role.
    /// </summary>
    public string[]? SmallCountRoles { get; set; }

    public static readonly string[] DefaultSmallCountRoles = ["executive", "department_head", "analyst"];

    public string[] EffectiveSmallCountRoles => SmallCountRoles is { Length: > 0 } r ? r : DefaultSmallCountRoles;
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
