using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Types;

/// <summary>
/// <c>SchemaBuilder.ExtendObjectType</c> adds fields to a type registered elsewhere (SDL's <c>extend type</c>), so a
/// feature can add its fields to another feature's type without that type naming the feature.
/// </summary>
public sealed class TypeExtensionTests
{
    public sealed record Unit(string Code, int Size);

    private sealed class UnitType : ObjectTypeDefinition<Unit>
    {
        protected override void Configure(IObjectTypeDescriptor<Unit> d) => d.Name("Unit").Field("code").Type("String!").ResolveFromParent<Unit>(u => u.Code);
    }

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) => d.Name("Query").Field("unit").Type("Unit").Resolve(_ => new Unit("CO", 3));
    }

    [Fact]
    public async Task Extension_fields_are_part_of_the_type_and_resolve_from_its_values()
    {
        var schema = SchemaBuilder.New().AddQueryType<QueryType>().AddType<UnitType>()
            .ExtendObjectType<Unit>("Unit", d => d.Field("double").Type("Int!").Argument("by", "Int!", a => a.DefaultValue(2))
                .Resolve(ctx => ctx.ParentAs<Unit>().Size * ctx.Argument<int>("by")))
            .Build();

        Assert.Contains("type Unit {\n  code: String!\n  double(by: Int! = 2): Int!\n}", SchemaPrinter.Print(schema).Replace("\r\n", "\n"));
        var r = await Run(schema, "{ unit { code double(by: 5) } }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"unit":{"code":"CO","double":15}}""", Data(r));
    }

    [Fact]
    public void Extending_an_unknown_type_or_with_another_clr_type_is_a_schema_problem()
    {
        var e = Assert.Throws<SchemaException>(() => SchemaBuilder.New().AddQueryType<QueryType>().AddType<UnitType>()
            .ExtendObjectType<Unit>("Nope", d => d.Field("x").Type("Int"))
            .ExtendObjectType<string>("Unit", d => d.Field("y").Type("Int"))
            .Build());

        Assert.Equal(
        [
            "Cannot extend \"Nope\": no object type of that name is registered.",
            "Cannot extend \"Unit\" as String: its values are Unit.",
        ], e.Problems);
    }
}
