using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

public sealed class SchemaFromSdlTests
{
    // Written in graphql-js printSchema layout, so reading then printing must give it back unchanged.
    private const string Canonical = """"
        schema {
          query: Root
          mutation: Writes
        }

        """Reuse an answer."""
        directive @cached(
          """Seconds."""
          ttl: Int = 60
        ) repeatable on FIELD | QUERY

        """
        An ISO date.
        Second line.
        """
        scalar Date @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

        type Root {
          node(id: ID!): Node
          search(text: String! = "a \"b\"", kinds: [Kind!] = [DOG]): [Result!]!
          today: Date @deprecated(reason: "Use `now`.")
          old: Int @deprecated
        }

        interface Node {
          id: ID!
        }

        interface Resource implements Node {
          id: ID!
          url: String
        }

        type Image implements Resource & Node {
          id: ID!
          url: String
        }

        union Result = Image | Dog

        type Dog implements Node {
          id: ID!
          kind: Kind!
        }

        enum Kind {
          """Barks."""
          DOG
          CAT @deprecated(reason: "Gone.")
        }

        type Writes {
          rate(input: RateInput!): Int
        }

        input RateInput {
          stars: Int! = 3
          note: String @deprecated
          nested: RateInput
        }
        """";

    [Fact]
    public void Reading_then_printing_gives_the_same_sdl()
    {
        var sdl = Canonical.Replace("\r\n", "\n");
        Assert.Equal(sdl, SchemaPrinter.Print(SchemaFromSdl.Build(sdl)));
    }

    [Fact]
    public void Roots_interfaces_unions_and_directives_are_linked()
    {
        var schema = SchemaFromSdl.Build(Canonical);
        Assert.Equal("Root", schema.QueryType.Name);
        Assert.Equal("Writes", schema.MutationType!.Name);
        var image = (ObjectType)schema.GetType("Image")!;
        Assert.Equal(["Resource", "Node"], image.Interfaces.Select(i => i.Name));
        Assert.Equal(["Image", "Dog"], schema.GetPossibleTypes(schema.GetType("Node")!).Select(t => t.Name).Order().Reverse());
        var cached = schema.GetDirective("cached")!;
        Assert.True(cached.IsRepeatable);
        Assert.Equal([DirectiveLocation.Field, DirectiveLocation.Query], cached.Locations);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3339", ((ScalarType)schema.GetType("Date")!).SpecifiedByUrl);
    }

    [Fact]
    public async Task Resolvers_are_attached_by_type_and_field_name()
    {
        var schema = SchemaFromSdl.Build(Canonical, (type, field) => type == "Root" && field == "old"
            ? _ => new ValueTask<object?>(42)
            : null);
        Assert.Equal(42, await Resolve.Field(schema, "Root", "old", null));
        Assert.Null(((ObjectType)schema.GetType("Root")!).GetField("node")!.Resolver);
    }

    [Fact]
    public void Scalars_named_Date_coerce_like_the_custom_Date_scalar_and_unknown_ones_pass_through()
    {
        var schema = SchemaFromSdl.Build("scalar Date\nscalar Json\ntype Query { a: Date, b: Json }");
        var date = (ScalarType)schema.GetType("Date")!;
        Assert.Equal(new DateOnly(2024, 1, 31), date.ParseValue("2024-01-31"));
        Assert.Throws<CoercionException>(() => date.ParseValue("31/01/2024"));
        var json = (ScalarType)schema.GetType("Json")!;
        Assert.Equal("anything", json.ParseValue("anything"));
    }

    [Fact]
    public void Extensions_add_fields_values_and_members()
    {
        var schema = SchemaFromSdl.Build("""
            type Query { a: Int }
            extend type Query { b: Color }
            enum Color { RED }
            extend enum Color { BLUE }
            """);
        Assert.Equal(["a", "b"], schema.QueryType.Fields.Select(f => f.Name));
        Assert.Equal(["RED", "BLUE"], ((EnumType)schema.GetType("Color")!).Values.Select(v => v.Name));
    }

    [Fact]
    public void Every_problem_of_the_sdl_is_listed()
    {
        var e = Assert.Throws<SchemaException>(() => SchemaFromSdl.Build("""
            type Query { a: Missing, b: Int }
            type Query { c: Int }
            interface Node { id: ID! }
            type Dog implements Node { name: String }
            union U = Node
            extend type Ghost { x: Int }
            """));
        Assert.Equal(
        [
            "There can be only one type named \"Query\".",
            "Cannot extend type \"Ghost\" because it is not defined.",
            "Unknown type \"Missing\" referenced by field Query.a.",
            "Union type U can only include Object types, it cannot include Node.",
            "Interface field Node.id expected but Dog does not provide it.",
            "Union type U must define one or more member types.",
        ], e.Problems);
    }
}

public sealed class SdlDefaultValueTests
{
    [Fact]
    public void Defaults_print_as_coerced_values_input_fields_in_order_with_their_defaults()
    {
        var schema = SchemaFromSdl.Build("""
            input Review { stars: Int!, tags: [String!] = [], note: String }
            type Query { f(r: Review = {note: "x", stars: 3}, ratio: Float = 1.0, id: ID = "42", ids: [Int] = 5): Int }
            """);
        var f = schema.QueryType.GetField("f")!;
        Assert.Equal("{stars: 3, tags: [], note: \"x\"}", SdlValuePrinter.Print(f.GetArgument("r")!.DefaultValue!));
        Assert.Equal("1", SdlValuePrinter.Print(f.GetArgument("ratio")!.DefaultValue!));
        Assert.Equal("42", SdlValuePrinter.Print(f.GetArgument("id")!.DefaultValue!));
        Assert.Equal("5", SdlValuePrinter.Print(f.GetArgument("ids")!.DefaultValue!));
    }
}
