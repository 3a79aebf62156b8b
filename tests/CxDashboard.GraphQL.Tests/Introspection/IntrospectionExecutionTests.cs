using System.Text.Json;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Introspection;

/// <summary>Introspection and a code-first schema run through the executor end to end.</summary>
public sealed class IntrospectionExecutionTests
{
    public enum Channel { Phone, SelfService }

    public sealed record UnitFilter(string? Code, IReadOnlyList<Channel>? Channels);

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Field("echo").Type("String!")
                .Argument("filter", "UnitFilter!")
                .Argument("first", "Int", a => a.DefaultValue(2))
                .Resolve(ctx =>
                {
                    var f = ctx.Argument<UnitFilter>("filter")!;
                    return $"{f.Code}|{string.Join(",", f.Channels ?? [])}|{ctx.Argument<int>("first")}";
                });
            d.Field("old").Type("Int").Deprecated("Use echo.").Resolve(_ => 1);
        }
    }

    private sealed class UnitFilterType : InputObjectTypeDefinition<UnitFilter>
    {
        protected override void Configure(IInputObjectTypeDescriptor<UnitFilter> d)
        {
            d.Field(f => f.Code);
            d.Field(f => f.Channels);
        }
    }

    private static readonly Schema Schema = SchemaBuilder.New()
        .AddQueryType<QueryType>().AddType<UnitFilterType>().AddEnumType<Channel>().Build();

    private static async Task<string> Run(string query)
    {
        var result = await new GraphQLExecutor(Schema).ExecuteAsync(new ExecutionRequest { Query = query });
        Assert.Null(result.Errors);
        return JsonSerializer.Serialize(result.Data);
    }

    [Fact]
    public async Task Input_objects_enums_and_defaults_reach_the_resolver_as_clr_values()
    {
        Assert.Equal("{\"echo\":\"DEP|Phone,SelfService|2\"}",
            await Run("{ echo(filter: {code: \"DEP\", channels: [PHONE, SELF_SERVICE]}) }"));
    }

    [Fact]
    public async Task Type_introspection_reports_fields_arguments_and_deprecation()
    {
        Assert.Equal(
            "{\"__type\":{\"kind\":\"OBJECT\",\"name\":\"Query\",\"fields\":[" +
            "{\"name\":\"echo\",\"isDeprecated\":false,\"args\":[{\"name\":\"filter\",\"defaultValue\":null,\"type\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"name\":\"UnitFilter\"}}}," +
            "{\"name\":\"first\",\"defaultValue\":\"2\",\"type\":{\"kind\":\"SCALAR\",\"name\":\"Int\",\"ofType\":null}}]}," +
            "{\"name\":\"old\",\"isDeprecated\":true,\"args\":[]}]}}",
            await Run("{ __type(name: \"Query\") { kind name fields(includeDeprecated: true) { name isDeprecated args { name defaultValue type { kind name ofType { name } } } } } }"));
    }

    [Fact]
    public async Task Schema_introspection_lists_enum_values_and_root_types()
    {
        Assert.Equal(
            "{\"__schema\":{\"queryType\":{\"name\":\"Query\"},\"mutationType\":null}," +
            "\"__type\":{\"enumValues\":[{\"name\":\"PHONE\"},{\"name\":\"SELF_SERVICE\"}],\"inputFields\":null}," +
            "\"f\":{\"inputFields\":[{\"name\":\"code\",\"type\":{\"name\":\"String\"}},{\"name\":\"channels\",\"type\":{\"name\":null}}]}}",
            await Run("{ __schema { queryType { name } mutationType { name } } __type(name: \"Channel\") { enumValues { name } inputFields { name } } f: __type(name: \"UnitFilter\") { inputFields { name type { name } } } }"));
    }
}
