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
        d.Field("name").Type("String!");
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
        d.Field("id").Type("ID!").ResolveFromParent<HostApplication>(h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        d.Field("name").Type("String!").ResolveFromParent<HostApplication>(h => h.Name);
        d.Field("origins").Type("[String!]!").ResolveFromParent<HostApplication>(h => h.Origins);
        d.Field("grantUnits").Type("[String!]!").ResolveFromParent<HostApplication>(h => h.GrantUnits);
        d.Field("grantPartners").Type("[String!]!").ResolveFromParent<HostApplication>(h => h.GrantPartners);
        d.Field("views").Type("[String!]!").ResolveFromParent<HostApplication>(h => h.Views);
        d.Field("permissions").Type("[String!]!").ResolveFromParent<HostApplication>(h => h.Permissions);
        d.Field("createdAt").Type("DateTime!").ResolveFromParent<HostApplication>(h => h.CreatedAt);
        d.Field("disabledAt").Type("DateTime").ResolveFromParent<HostApplication>(h => h.DisabledAt);
        d.Field("keys").Type("[ApiKey!]!").Description("Its API keys (ids and dates; a key's secret is shown only when issued).")
            .ResolveFromParent<HostApplication>(h => h.Keys.OrderBy(k => k.Id).ToList());
    }
}

public sealed class ApiKeyType : ObjectTypeDefinition<EmbedApiKey>
{
    protected override void Configure(IObjectTypeDescriptor<EmbedApiKey> d)
    {
        d.Name("ApiKey").Description("An API key of a host application, without its secret.");
        d.Field("keyId").Type("String!").ResolveFromParent<EmbedApiKey>(k => k.KeyId);
        d.Field("createdAt").Type("DateTime!").ResolveFromParent<EmbedApiKey>(k => k.CreatedAt);
        d.Field("expiresAt").Type("DateTime").Description("The end of a rotated-out key's overlap.").ResolveFromParent<EmbedApiKey>(k => k.ExpiresAt);
        d.Field("revokedAt").Type("DateTime").ResolveFromParent<EmbedApiKey>(k => k.RevokedAt);
        d.Field("lastUsedAt").Type("DateTime").ResolveFromParent<EmbedApiKey>(k => k.LastUsedAt);
    }
}

public sealed class IssuedApiKeyType : ObjectTypeDefinition<IssuedApiKey>
{
    protected override void Configure(IObjectTypeDescriptor<IssuedApiKey> d)
    {
        d.Name("IssuedApiKey").Description("A new API key. Its secret is in 'key' this once: store it now, it cannot be shown again.");
        d.Field("hostId").Type("ID!").ResolveFromParent<IssuedApiKey>(k => k.HostId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        d.Field("keyId").Type("String!").ResolveFromParent<IssuedApiKey>(k => k.KeyId);
        d.Field("key").Type("String!").Description("Send as Authorization: ApiKey <key> to POST /embed/token.").ResolveFromParent<IssuedApiKey>(k => k.Key);
        d.Field("createdAt").Type("DateTime!").ResolveFromParent<IssuedApiKey>(k => k.CreatedAt);
    }
}
