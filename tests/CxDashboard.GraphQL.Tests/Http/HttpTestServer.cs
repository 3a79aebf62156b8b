using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Http;
using CxDashboard.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxDashboard.GraphQL.Tests.Http;

/// <summary>An in-memory ASP.NET Core host with the GraphQL endpoint on /graphql and a tiny schema.</summary>
public sealed class HttpTestServer : IAsyncDisposable
{
    public const int BodyLimit = 4096;

    private readonly WebApplication _app;

    private HttpTestServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The counter the increment mutation bumps (to prove a mutation did or did not run).</summary>
    public MutationCounter Counter => _app.Services.GetRequiredService<MutationCounter>();

    public static async Task<HttpTestServer> StartAsync(Action<GraphQLHttpOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<MutationCounter>();
        builder.Services.AddGraphQLServer(_ => BuildSchema())
            .ConfigureHttp(o =>
            {
                o.MaxRequestBodyBytes = BodyLimit;
                configure?.Invoke(o);
            });
        var app = builder.Build();
        app.MapGraphQLEndpoint("/graphql");
        await app.StartAsync();
        return new HttpTestServer(app, app.GetTestClient());
    }

    public sealed class MutationCounter
    {
        public int Value;
    }

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name("Query");
            d.Field("hello").Type("String")
                .Argument("name", "String", a => a.DefaultValue("world"))
                .Resolve(ctx => $"Hello, {ctx.Argument<string>("name")}!");
            d.Field("add").Type("Float")
                .Argument("a", "Int!")
                .Argument("b", "Float!")
                .Resolve(ctx => ctx.Argument<int>("a") + ctx.Argument<double>("b"));
            d.Field("count").Type("[String!]").Argument("items", "[String!]!").Resolve(ctx => new[] { ctx.Argument<List<string>>("items")!.Count.ToString() });
            d.Field("fail").Type("String").Resolve(object? (_) => throw new InvalidOperationException("boom"));
            d.Field("mustHave").Type("String!").Resolve(_ => null);
            d.Field("userAgent").Type("String").Resolve(ctx =>
                ((HttpContext)ctx.ContextData[GraphQLHttpHandler.HttpContextKey]!).Request.Headers.UserAgent.ToString());
        }
    }

    private sealed class MutationType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name("Mutation");
            d.Field("increment").Type("Int!")
                .Argument("by", "Int", a => a.DefaultValue(1))
                .Resolve(ctx => ctx.Service<MutationCounter>().Value += ctx.Argument<int>("by"));
        }
    }

    private static Schema BuildSchema() => SchemaBuilder.New().AddQueryType<QueryType>().AddMutationType<MutationType>().Build();

    public async Task<Response> PostAsync(string body, string? contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await SendAsync(request);
    }

    public Task<Response> PostJsonAsync(object payload, string? accept = null) =>
        PostAsync(JsonSerializer.Serialize(payload), accept: accept);

    public async Task<Response> GetAsync(string queryString, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await SendAsync(request);
    }

    public async Task<Response> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Response(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            body,
            response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    public sealed record Response(int Status, string? ContentType, string Body, string? Allow)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public bool HasData => Json.TryGetProperty("data", out _);

        public string FirstMessage => Json.GetProperty("errors")[0].GetProperty("message").GetString()!;

        public string Data => Json.GetProperty("data").GetRawText();
    }
}
