namespace CxDashboard.Core.Embedding;

/// <summary>
/// An application that shows CxDashboard views inside its own pages (an intranet, a partner portal, a CRM): who it
/// is, which origins may frame the views, the widest scope its tokens may grant and the views and permissions it may
/// ask for. Its API keys authenticate <c>POST /embed/token</c>.
/// </summary>
public sealed class HostApplication
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Origins allowed to frame the views (<c>https://portal.example.com</c>): the embed route's <c>frame-ancestors</c>.</summary>
    public string[] Origins { get; set; } = [];

    /// <summary>Org unit codes whose subtrees the host may grant.</summary>
    public string[] GrantUnits { get; set; } = [];

    /// <summary>Partner codes whose engagements the host may grant.</summary>
    public string[] GrantPartners { get; set; } = [];

    /// <summary>Views the host may embed (<see cref="EmbedViews"/>).</summary>
    public string[] Views { get; set; } = [];

    /// <summary>Permissions its tokens may carry (<see cref="EmbedPermissions"/>); <c>view</c> always.</summary>
    public string[] Permissions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the host is switched off: its keys stop working and its tokens are refused.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public List<EmbedApiKey> Keys { get; set; } = [];
}
