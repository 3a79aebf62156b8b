using CxDashboard.Core.Embedding;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Embedding;

/// <summary>The <c>HostApplicationInput</c> of the admin mutations.</summary>
public sealed class HostApplicationArgs
{
    public string Name { get; set; } = "";
    public List<string> Origins { get; set; } = [];
    public List<string> GrantUnits { get; set; } = [];
    public List<string> GrantPartners { get; set; } = [];
    public List<string> Views { get; set; } = [];
    public List<string> Permissions { get; set; } = [];

    public HostInput ToInput() => new(Name, Origins, GrantUnits, GrantPartners, Views, Permissions);
}

public sealed class HostApplicationInputType : InputObjectTypeDefinition<HostApplicationArgs>
{
    protected override void Configure(IInputObjectTypeDescriptor<HostApplicationArgs> d)
    {
        d.Name("HostApplicationInput").Description("A host application's registration (replaces every field on update).");
        d.Field("name").Type("String!").Description("The host's name, shown in the audit.");
        d.Field("origins").Type("[String!]!").Description("Origins allowed to frame the views, e.g. https://intranet.example.com.");
        d.Field("grantUnits").Type("[String!]!").DefaultValue(new List<string>()).Description("Org unit codes whose subtrees the host may grant.");
        d.Field("grantPartners").Type("[String!]!").DefaultValue(new List<string>()).Description("Partner codes whose engagements the host may grant.");
        d.Field("views").Type("[String!]!").Description("scorecard, cascade, process, partner.");
        d.Field("permissions").Type("[String!]!").DefaultValue(new List<string> { "view", "drill" }).Description("view, drill, export.");
    }
}

public sealed class HostApplicationType : ObjectTypeDefinition<HostApplication>
{
    protected override void Configure(IObjectTypeDescriptor<HostApplication> d)
    {
        d.Name("HostApplication").Description("An application that embeds CxDashboard views (analysts only).");
        d.Field("id").Type("ID!").Description("The host's id (updateHostApplication, issueApiKey).").ResolveFromParent<HostApplication>(h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        d.Field(h => h.Name).Description("The host's name.");
        d.Field(h => h.Origins).Description("Origins allowed to frame the views.");
        d.Field(h => h.GrantUnits).Description("Org unit codes whose subtrees the host may grant.");
        d.Field(h => h.GrantPartners).Description("Partner codes whose engagements the host may grant.");
        d.Field(h => h.Views).Description("The views the host may embed: scorecard, cascade, process, partner.");
        d.Field(h => h.Permissions).Description("What its tokens may do: view, drill, export.");
        d.Field(h => h.CreatedAt).Description("When it was registered.");
        d.Field(h => h.DisabledAt).Description("When it was disabled; null while active.");
        d.Field("keys").Type("[ApiKey!]!").Description("Its API keys (ids and dates; a key's secret is shown only when issued).")
            .ResolveFromParent<HostApplication>(h => h.Keys.OrderBy(k => k.Id).ToList());
    }
}

public sealed class ApiKeyType : ObjectTypeDefinition<EmbedApiKey>
{
    protected override void Configure(IObjectTypeDescriptor<EmbedApiKey> d)
    {
        d.Name("ApiKey").Description("An API key of a host application, without its secret.");
        d.Field(k => k.KeyId).Description("The key's public id (the part before the secret).");
        d.Field(k => k.CreatedAt).Description("When it was issued.");
        d.Field(k => k.ExpiresAt).Description("The end of a rotated-out key's overlap.");
        d.Field(k => k.RevokedAt).Description("When it was revoked; null while valid.");
        d.Field(k => k.LastUsedAt).Description("When it last obtained a token.");
    }
}

public sealed class IssuedApiKeyType : ObjectTypeDefinition<IssuedApiKey>
{
    protected override void Configure(IObjectTypeDescriptor<IssuedApiKey> d)
    {
        d.Name("IssuedApiKey").Description("A new API key. Its secret is in 'key' this once: store it now, it cannot be shown again.");
        d.Field("hostId").Type("ID!").Description("The host the key belongs to.").ResolveFromParent<IssuedApiKey>(k => k.HostId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        d.Field(k => k.KeyId).Description("The key's public id.");
        d.Field(k => k.Key).Description("Send as Authorization: ApiKey <key> to POST /embed/token.");
        d.Field(k => k.CreatedAt).Description("When it was issued.");
    }
}
