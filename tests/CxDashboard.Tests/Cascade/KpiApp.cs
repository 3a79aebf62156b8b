using System.Text.Json.Serialization;
using CxDashboard.Api.Cascade;
using CxDashboard.Api.Drivers;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Cascade;

/// <summary>The host (its services, auth and scope) over a small demo data set (seed 5) with its KPI cascade and a full rollup.</summary>
public sealed class KpiApp : CxApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 6_000, Interactions = 10_000, Seed = 5 });
        await new RollupEngine(DataSource).RebuildAsync();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private GraphQLExecutor? executor;

    /// <summary>
    /// Runs a GraphQL request as <paramref name="persona"/> through the engine's executor with the host's own
    /// services and the persona's demo token (validated by the host's JWT handler), and returns the response
    /// as the GraphQL-over-HTTP body would carry it. (The host composes these fields into /graphql with the
    /// read API; until that endpoint is on main the request goes straight to the executor.)
    /// </summary>
    public async Task<JsonElement> GraphQLAsync(string persona, string query, object? variables = null)
    {
        executor ??= new GraphQLExecutor(CascadeSchema());
        var token = TokenFor(persona);
        await using var scope = Factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers.Authorization = $"Bearer {token}";
        var auth = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        Assert.True(auth.Succeeded, auth.Failure?.Message);
        http.User = auth.Principal!;
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var vars = variables is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(variables))!
            .ToDictionary(kv => kv.Key, kv => (object?)Plain(kv.Value));
        var result = await executor.ExecuteAsync(new ExecutionRequest { Query = query, Variables = vars, Services = scope.ServiceProvider });
        // As a GraphQL-over-HTTP body: "data" present (possibly null) once execution started, "errors" when there are any.
        var body = result.HasData ? $"{{\"data\":{JsonSerializer.Serialize(result.Data, Json)}" : "{";
        if (result.Errors is { Count: > 0 } errors) body += (result.HasData ? "," : "") + $"\"errors\":{JsonSerializer.Serialize(errors, Json)}";
        return JsonDocument.Parse(body + "}").RootElement;
    }

    private static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt32(out var i) ? i : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        _ => null,
    };

    private sealed class Root(string name, Action<IObjectTypeDescriptor> fields) : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name(name);
            fields(d);
        }
    }

    public static Schema CascadeSchema() => SchemaBuilder.New()
        .AddScalar(CustomScalars.Date).AddScalar(CustomScalars.DateTime)
        .AddCascadeTypeDefinitions().AddDriverTypeDefinitions()
        .AddQueryType(new Root("Query", d => { CascadeFields.AddQueries(d); DriverFields.AddQueries(d); }))
        .AddMutationType(new Root("Mutation", CascadeFields.AddMutations))
        .Build();

    public Task<long> UnitIdAsync(string code) => ScalarAsync<long>("SELECT id FROM org_unit WHERE code = $1", code)!;

    public Task<long> KpiIdAsync(string unitCode, string metric) =>
        ScalarAsync<long>("SELECT k.id FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = $1 AND k.metric_code = $2 AND k.slice_dimension IS NULL", unitCode, metric)!;
}

internal static class GraphQLResult
{
    public static JsonElement Data(this JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data");
    }

    public static JsonElement[] Errors(this JsonElement result) =>
        result.TryGetProperty("errors", out var e) ? [.. e.EnumerateArray()] : [];

    public static string? Code(this JsonElement error) =>
        error.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null;
}
