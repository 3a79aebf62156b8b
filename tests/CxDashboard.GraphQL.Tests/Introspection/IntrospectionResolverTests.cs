using CxDashboard.GraphQL.Introspection;
using CxDashboard.GraphQL.Tests.Types;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Introspection;

/// <summary>The introspection resolvers called directly over a small SDL schema.</summary>
public sealed class IntrospectionResolverTests
{
    private static readonly Schema Schema = SchemaFromSdl.Build(""""
        """Demo."""
        schema { query: Query }
        directive @tag(name: String!) repeatable on FIELD | QUERY
        scalar Date @specifiedBy(url: "https://example.org/date")
        interface Node { id: ID! }
        type Dog implements Node { id: ID!, name(loud: Boolean = false, old: Int @deprecated): String, age: Int @deprecated(reason: "No.") }
        type Cat implements Node { id: ID! }
        union Pet = Dog | Cat
        enum Kind { DOG, CAT @deprecated }
        input Filter { kind: Kind = DOG, legacy: String @deprecated }
        type Query { node(id: ID!): Node, pets(filter: Filter): [Pet!]!, today: Date }
        """");

    private static readonly Dictionary<string, object?> All = new() { ["includeDeprecated"] = true };
    private static readonly Dictionary<string, object?> NotDeprecated = new() { ["includeDeprecated"] = false };

    private static Task<object?> On(string type, string field, object? parent, Dictionary<string, object?>? args = null) =>
        Resolve.Field(Schema, type, field, parent, args);

    [Fact]
    public async Task Meta_fields_return_the_schema_and_types_by_name()
    {
        Assert.Same(Schema, await Resolve.Field(Schema, "Query", "__schema", null));
        Assert.Same(Schema.GetType("Dog"), await Resolve.Field(Schema, "Query", "__type", null, new Dictionary<string, object?> { ["name"] = "Dog" }));
        Assert.Null(await Resolve.Field(Schema, "Query", "__type", null, new Dictionary<string, object?> { ["name"] = "Nope" }));
        Assert.Equal("Query", await Resolve.Field(Schema, "Query", "__typename", null));
    }

    [Fact]
    public async Task Schema_lists_types_in_type_map_order_with_introspection_types_after_user_types()
    {
        var types = ((IEnumerable<GraphQLType>)(await On("__Schema", "types", Schema))!).Cast<NamedType>().Select(t => t.Name).ToList();
        Assert.Equal(["Date", "Node", "ID", "Dog", "String", "Boolean", "Int", "Cat", "Pet", "Kind", "Filter", "Query",
            "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"], types);
        Assert.Equal("Demo.", await On("__Schema", "description", Schema));
        Assert.Same(Schema.QueryType, await On("__Schema", "queryType", Schema));
        Assert.Null(await On("__Schema", "mutationType", Schema));
        var directives = ((IEnumerable<DirectiveDefinition>)(await On("__Schema", "directives", Schema))!).Select(d => d.Name);
        // buildSchema's order (graphql-js): the document's directives, then the built-in ones
        Assert.Equal(["tag", "include", "skip", "deprecated", "specifiedBy"], directives);
    }

    [Fact]
    public async Task Type_fields_follow_the_kind_of_type()
    {
        var dog = Schema.GetType("Dog")!;
        Assert.Equal(TypeKind.Object, await On("__Type", "kind", dog));
        Assert.Equal("Dog", await On("__Type", "name", dog));
        Assert.Equal(["Node"], ((IEnumerable<InterfaceType>)(await On("__Type", "interfaces", dog))!).Select(i => i.Name));
        Assert.Null(await On("__Type", "possibleTypes", dog));
        Assert.Null(await On("__Type", "enumValues", dog, All));
        Assert.Null(await On("__Type", "inputFields", dog, All));
        Assert.Null(await On("__Type", "ofType", dog));

        Assert.Equal(["Dog", "Cat"], ((IEnumerable<ObjectType>)(await On("__Type", "possibleTypes", Schema.GetType("Node")))!).Select(t => t.Name));
        Assert.Equal(["Dog", "Cat"], ((IEnumerable<ObjectType>)(await On("__Type", "possibleTypes", Schema.GetType("Pet")))!).Select(t => t.Name));
        Assert.Null(await On("__Type", "fields", Schema.GetType("Pet"), All));
        Assert.Equal("https://example.org/date", await On("__Type", "specifiedByURL", Schema.GetType("Date")));
        Assert.Null(await On("__Type", "specifiedByURL", Schema.GetType("Dog")));
    }

    [Fact]
    public async Task Wrapping_types_have_no_name_and_point_to_their_inner_type()
    {
        var pets = Schema.QueryType.GetField("pets")!.Type; // [Pet!]!
        Assert.Equal(TypeKind.NonNull, await On("__Type", "kind", pets));
        Assert.Null(await On("__Type", "name", pets));
        var list = (GraphQLType)(await On("__Type", "ofType", pets))!;
        Assert.Equal(TypeKind.List, await On("__Type", "kind", list));
        var item = (GraphQLType)(await On("__Type", "ofType", list))!;
        Assert.Equal("Pet!", item.ToString());
    }

    [Fact]
    public async Task Deprecated_fields_values_arguments_and_input_fields_are_hidden_unless_asked_for()
    {
        var dog = Schema.GetType("Dog")!;
        Assert.Equal(["id", "name"], ((IEnumerable<FieldDefinition>)(await On("__Type", "fields", dog, NotDeprecated))!).Select(f => f.Name));
        Assert.Equal(["id", "name", "age"], ((IEnumerable<FieldDefinition>)(await On("__Type", "fields", dog, All))!).Select(f => f.Name));
        var kind = Schema.GetType("Kind")!;
        Assert.Equal(["DOG"], ((IEnumerable<EnumValueDefinition>)(await On("__Type", "enumValues", kind, NotDeprecated))!).Select(v => v.Name));
        Assert.Equal(["DOG", "CAT"], ((IEnumerable<EnumValueDefinition>)(await On("__Type", "enumValues", kind, All))!).Select(v => v.Name));
        var filter = Schema.GetType("Filter")!;
        Assert.Equal(["kind"], ((IEnumerable<InputValueDefinition>)(await On("__Type", "inputFields", filter, NotDeprecated))!).Select(v => v.Name));
        var name = ((ObjectType)dog).GetField("name")!;
        Assert.Equal(["loud"], ((IEnumerable<InputValueDefinition>)(await On("__Field", "args", name, NotDeprecated))!).Select(a => a.Name));
        Assert.Equal(["loud", "old"], ((IEnumerable<InputValueDefinition>)(await On("__Field", "args", name, All))!).Select(a => a.Name));

        var age = ((ObjectType)dog).GetField("age")!;
        Assert.Equal(true, await On("__Field", "isDeprecated", age));
        Assert.Equal("No.", await On("__Field", "deprecationReason", age));
        var cat = ((EnumType)kind).GetValue("CAT")!;
        Assert.Equal("No longer supported", await On("__EnumValue", "deprecationReason", cat));
    }

    [Fact]
    public async Task Input_values_print_their_default_as_graphql_text()
    {
        var loud = ((ObjectType)Schema.GetType("Dog")!).GetField("name")!.GetArgument("loud")!;
        Assert.Equal("false", await On("__InputValue", "defaultValue", loud));
        var kind = ((InputObjectType)Schema.GetType("Filter")!).GetField("kind")!;
        Assert.Equal("DOG", await On("__InputValue", "defaultValue", kind));
        var filter = Schema.QueryType.GetField("pets")!.GetArgument("filter")!;
        Assert.Null(await On("__InputValue", "defaultValue", filter));
    }

    [Fact]
    public async Task Directives_show_locations_repeatability_and_arguments()
    {
        var tag = Schema.GetDirective("tag")!;
        Assert.Equal(true, await On("__Directive", "isRepeatable", tag));
        Assert.Equal([DirectiveLocation.Field, DirectiveLocation.Query], (IEnumerable<DirectiveLocation>)(await On("__Directive", "locations", tag))!);
        Assert.Equal("FIELD_DEFINITION", IntrospectionTypes.DirectiveLocationEnum.Serialize(DirectiveLocation.FieldDefinition));
        Assert.Equal(["name"], ((IEnumerable<InputValueDefinition>)(await On("__Directive", "args", tag, NotDeprecated))!).Select(a => a.Name));
    }

    [Fact]
    public void Type_kinds_serialize_to_the_spec_names()
    {
        Assert.Equal(["SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL"],
            Enum.GetValues<TypeKind>().Select(k => IntrospectionTypes.TypeKindEnum.Serialize(k)));
    }
}
