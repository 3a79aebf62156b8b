using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

public sealed class SchemaBuilderErrorTests
{
    public sealed class Orphan { public string Name { get; set; } = ""; }
    public sealed class Holder { public Orphan Thing { get; set; } = new(); }

    private sealed class BrokenQuery : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name("Query");
            d.Implements("Node");
            d.Field("a").Type("Missing");
            d.Field("b").Type("[String!");
            d.Field("c");
            d.Field("d").Type("Int").Argument("x", "Unknown").Resolve(_ => 1);
            d.Field("e").Type("Int").Argument("y", "Int", a => a.DefaultValue("not a number"));
        }
    }

    private sealed class NodeType : InterfaceTypeDefinition
    {
        protected override void Configure(IInterfaceTypeDescriptor d) => d.Name("Node").Field("id").Type("ID!");
    }

    private sealed class HolderType : ObjectTypeDefinition<Holder>
    {
        protected override void Configure(IObjectTypeDescriptor<Holder> d) => d.Field(h => h.Thing);
    }

    private sealed class SecondQuery : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) => d.Name("Query").Field("x").Type("Int");
    }

    [Fact]
    public void Build_lists_every_problem_in_one_exception()
    {
        var e = Assert.Throws<SchemaException>(() => SchemaBuilder.New()
            .AddQueryType<BrokenQuery>().AddType<NodeType>().AddType<HolderType>().AddType(new SecondQuery())
            .Build());

        Assert.Equal(
        [
            "Schema must contain uniquely named types but contains multiple types named \"Query\".",
            "Unknown type \"Missing\" referenced by field Query.a.",
            "Invalid type reference \"[String!\": expected \"]\". (in field Query.b)",
            "Field Query.c has no type: give it one with .Type(\"…\").",
            "Unknown type \"Unknown\" referenced by argument Query.d(x:).",
            "Cannot infer a GraphQL type for CLR type \"Orphan\" of field Holder.thing: register an ObjectTypeDefinition<Orphan> or give the type with .Type(\"…\").",
            "Default value of argument Query.e(y:) cannot be represented as Int: Int cannot represent non-integer value: \"not a number\"",
            "Interface field Node.id expected but Query does not provide it.",
            "Type Holder must define one or more fields.",
        ], e.Problems);
        Assert.Contains("  - Unknown type \"Missing\" referenced by field Query.a.", e.Message);
    }

    [Fact]
    public void A_schema_without_query_type_is_rejected()
    {
        var e = Assert.Throws<SchemaException>(() => SchemaBuilder.New().AddType<NodeType>().Build());
        Assert.Equal(["Query root type must be provided."], e.Problems);
    }

    [Fact]
    public void A_root_type_that_is_not_an_object_type_is_rejected()
    {
        var e = Assert.Throws<SchemaException>(() => SchemaBuilder.New().AddQueryType<NodeType>().Build());
        Assert.Contains("Query root type must be Object type, it cannot be Node.", e.Problems);
    }

    private sealed class ImplementsUnion : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) =>
            d.Name("Query").Implements("Query").Implements("Str").Field("x").Type("Int");
    }

    [Fact]
    public void Implementing_a_non_interface_is_reported_by_name()
    {
        var e = Assert.Throws<SchemaException>(() => SchemaBuilder.New().AddQueryType<ImplementsUnion>().AddScalar(new TestScalar("Str")).Build());
        Assert.Equal(
        [
            "Type Query must only implement Interface types, it cannot implement Query.",
            "Type Query must only implement Interface types, it cannot implement Str.",
        ], e.Problems);
    }
}

/// <summary>A scalar that passes values through, for schema-shape tests.</summary>
internal sealed class TestScalar(string name) : ScalarType(name)
{
    public override object? Serialize(object value) => value;
    public override object? ParseValue(object value) => value;
    public override object? ParseLiteral(CxDashboard.GraphQL.Language.ValueNode literal) => literal;
}
