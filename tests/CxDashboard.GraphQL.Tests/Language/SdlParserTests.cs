using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Tests.Language;

public class SdlParserTests
{
    private static T Only<T>(string sdl) where T : DefinitionNode =>
        Assert.IsType<T>(Assert.Single(Parser.Parse(sdl).Definitions));

    [Fact]
    public void Schema_definition_with_description_directives_and_root_types()
    {
        var schema = Only<SchemaDefinitionNode>("\"The schema\" schema @tag { query: Q mutation: M subscription: S }");
        Assert.Equal("The schema", schema.Description!.Value);
        Assert.Equal("tag", schema.Directives[0].Name.Value);
        Assert.Equal([(OperationType.Query, "Q"), (OperationType.Mutation, "M"), (OperationType.Subscription, "S")],
            schema.OperationTypes.Select(o => (o.Operation, o.Type.Name.Value)));
    }

    [Fact]
    public void Object_type_with_interfaces_fields_arguments_defaults_and_descriptions()
    {
        var type = Only<ObjectTypeDefinitionNode>(""""
            """
            A unit of the org.
            """
            type OrgUnit implements & Node & Named @key(fields: "id") {
              "the id" id: ID!
              children(
                "how many" first: Int = 10 @deprecated(reason: "no")
                after: String
              ): [OrgUnit!]! @cost(weight: 2)
            }
            """");
        Assert.Equal(("A unit of the org.", true), (type.Description!.Value, type.Description.Block));
        Assert.Equal("OrgUnit", type.Name.Value);
        Assert.Equal(["Node", "Named"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("key", type.Directives[0].Name.Value);
        Assert.Equal(["id", "children"], type.Fields.Select(f => f.Name.Value));
        Assert.Equal("the id", type.Fields[0].Description!.Value);
        var first = type.Fields[1].Arguments[0];
        Assert.Equal(("how many", "first", "10", "deprecated"),
            (first.Description!.Value, first.Name.Value, ((IntValueNode)first.DefaultValue!).Value, first.Directives[0].Name.Value));
        Assert.Null(type.Fields[1].Arguments[1].DefaultValue);
        Assert.IsType<NonNullTypeNode>(type.Fields[1].Type);
        Assert.Equal("cost", type.Fields[1].Directives[0].Name.Value);
    }

    [Fact]
    public void Types_without_bodies_are_allowed()
    {
        var document = Parser.Parse("type Empty interface Marker union Nothing input NoFields enum NoValues scalar Date");
        Assert.Equal(
            [typeof(ObjectTypeDefinitionNode), typeof(InterfaceTypeDefinitionNode), typeof(UnionTypeDefinitionNode),
                typeof(InputObjectTypeDefinitionNode), typeof(EnumTypeDefinitionNode), typeof(ScalarTypeDefinitionNode)],
            document.Definitions.Select(d => d.GetType()));
        Assert.Empty(((ObjectTypeDefinitionNode)document.Definitions[0]).Fields);
    }

    [Fact]
    public void Interfaces_unions_enums_inputs_and_scalars()
    {
        var document = Parser.Parse("""
            interface Named implements Node { name: String }
            union SearchResult @u = | Person | Org
            enum Channel { "by phone" PHONE @deprecated EMAIL }
            input KpiInput { code: String!, weight: Float = 1.0 }
            "A day" scalar Date @specifiedBy(url: "https://example.com")
            """);
        var named = (InterfaceTypeDefinitionNode)document.Definitions[0];
        Assert.Equal(("Named", "Node", "name"), (named.Name.Value, named.Interfaces[0].Name.Value, named.Fields[0].Name.Value));
        var union = (UnionTypeDefinitionNode)document.Definitions[1];
        Assert.Equal(["Person", "Org"], union.Types.Select(t => t.Name.Value));
        Assert.Equal("u", union.Directives[0].Name.Value);
        var channel = (EnumTypeDefinitionNode)document.Definitions[2];
        Assert.Equal(["PHONE", "EMAIL"], channel.Values.Select(v => v.Name.Value));
        Assert.Equal(("by phone", "deprecated"), (channel.Values[0].Description!.Value, channel.Values[0].Directives[0].Name.Value));
        var input = (InputObjectTypeDefinitionNode)document.Definitions[3];
        Assert.Equal(["code", "weight"], input.Fields.Select(f => f.Name.Value));
        Assert.Equal("1.0", ((FloatValueNode)input.Fields[1].DefaultValue!).Value);
        var date = (ScalarTypeDefinitionNode)document.Definitions[4];
        Assert.Equal(("A day", "specifiedBy"), (date.Description!.Value, date.Directives[0].Name.Value));
    }

    [Fact]
    public void Directive_definitions_with_arguments_repeatable_and_locations()
    {
        var directive = Only<DirectiveDefinitionNode>(
            "\"Weights\" directive @cost(weight: Int! = 1) repeatable on | FIELD_DEFINITION | OBJECT\n| ARGUMENT_DEFINITION");
        Assert.Equal(("Weights", "cost", true), (directive.Description!.Value, directive.Name.Value, directive.Repeatable));
        Assert.Equal("weight", directive.Arguments[0].Name.Value);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT", "ARGUMENT_DEFINITION"], directive.Locations.Select(l => l.Value));
        Assert.False(Only<DirectiveDefinitionNode>("directive @once on QUERY").Repeatable);
    }

    [Fact]
    public void Every_kind_of_extension()
    {
        var document = Parser.Parse("""
            extend schema @a { subscription: S }
            extend schema @b
            extend scalar Date @c
            extend type User implements Node @d { extra: Int }
            extend type User implements Named
            extend interface Node { id: ID! }
            extend union Result = Extra
            extend enum Channel { CHAT }
            extend input KpiInput @e { note: String }
            """);
        var schema = (SchemaExtensionNode)document.Definitions[0];
        Assert.Equal((OperationType.Subscription, "a"), (schema.OperationTypes[0].Operation, schema.Directives[0].Name.Value));
        Assert.Empty(((SchemaExtensionNode)document.Definitions[1]).OperationTypes);
        Assert.Equal("Date", ((ScalarTypeExtensionNode)document.Definitions[2]).Name.Value);
        var user = (ObjectTypeExtensionNode)document.Definitions[3];
        Assert.Equal(("Node", "d", "extra"), (user.Interfaces[0].Name.Value, user.Directives[0].Name.Value, user.Fields[0].Name.Value));
        Assert.Empty(((ObjectTypeExtensionNode)document.Definitions[4]).Fields);
        Assert.Equal("id", ((InterfaceTypeExtensionNode)document.Definitions[5]).Fields[0].Name.Value);
        Assert.Equal("Extra", ((UnionTypeExtensionNode)document.Definitions[6]).Types[0].Name.Value);
        Assert.Equal("CHAT", ((EnumTypeExtensionNode)document.Definitions[7]).Values[0].Name.Value);
        Assert.Equal("note", ((InputObjectTypeExtensionNode)document.Definitions[8]).Fields[0].Name.Value);
    }

    [Fact]
    public void Executable_and_type_system_definitions_may_share_a_document()
    {
        var document = Parser.Parse("type Query { a: Int } { a }");
        Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.IsType<OperationDefinitionNode>(document.Definitions[1]);
    }

    [Theory]
    [InlineData("type T {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("type T { f }", "Expected \":\", found \"}\".", 1, 12)]
    [InlineData("type T { f(): Int }", "Expected Name, found \")\".", 1, 12)]
    [InlineData("type T { f: Int = 1 }", "Expected Name, found \"=\".", 1, 17)]
    [InlineData("type T implements { f: Int }", "Expected Name, found \"{\".", 1, 19)]
    [InlineData("type T implements A, B { f: Int }", "Unexpected Name \"B\".", 1, 22)]
    [InlineData("type T { f(a: Int = $v): Int }", "Unexpected variable \"$v\" in constant value.", 1, 21)]
    [InlineData("type T @d(a: $v) { f: Int }", "Unexpected variable \"$v\" in constant value.", 1, 14)]
    [InlineData("union U = ", "Expected Name, found <EOF>.", 1, 11)]
    [InlineData("union U = A |", "Expected Name, found <EOF>.", 1, 14)]
    [InlineData("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { A null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 12)]
    [InlineData("enum E { \"d\" false }", "Name \"false\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("input I { f: Int(a: Int) }", "Expected Name, found \"(\".", 1, 17)]
    [InlineData("directive @d on FOO", "Unexpected Name \"FOO\".", 1, 17)]
    [InlineData("directive @d on FIELD |", "Expected Name, found <EOF>.", 1, 24)]
    [InlineData("directive d on FIELD", "Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("directive @d repeatable FIELD", "Expected \"on\", found Name \"FIELD\".", 1, 25)]
    [InlineData("schema { query }", "Expected \":\", found \"}\".", 1, 16)]
    [InlineData("schema { other: Q }", "Unexpected Name \"other\".", 1, 10)]
    [InlineData("schema {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("extend scalar S", "Unexpected <EOF>.", 1, 16)]
    [InlineData("extend type T", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend interface I", "Unexpected <EOF>.", 1, 19)]
    [InlineData("extend union U", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend schema", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend foo X", "Unexpected Name \"foo\".", 1, 8)]
    [InlineData("extend \"d\" type T", "Unexpected String \"d\".", 1, 8)]
    [InlineData("\"d\" extend type T @a", "Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("\"d\" fragment F on T { a }", "Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("\"d\"", "Unexpected <EOF>.", 1, 4)]
    public void Sdl_syntax_errors(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source)).Error;
        Assert.Equal(("Syntax Error: " + message, new SourceLocation(line, column)), (error.Message, error.Locations![0]));
    }
}
