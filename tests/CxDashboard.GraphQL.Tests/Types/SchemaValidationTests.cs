using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

/// <summary>One test (or more) per type-system rule of https://spec.graphql.org/October2021/#sec-Type-System.</summary>
public sealed class SchemaValidationTests
{
    private static readonly ScalarType Str = BuiltInScalars.String;
    private static readonly ScalarType Int = BuiltInScalars.Int;

    private static ObjectType Obj(string name, params (string Name, GraphQLType Type)[] fields)
    {
        var o = new ObjectType(name);
        foreach (var (n, t) in fields) o.AddField(new FieldDefinition(n, t));
        return o;
    }

    private static InterfaceType Iface(string name, params (string Name, GraphQLType Type)[] fields)
    {
        var i = new InterfaceType(name);
        foreach (var (n, t) in fields) i.AddField(new FieldDefinition(n, t));
        return i;
    }

    private static IReadOnlyList<string> Problems(ObjectType query, params NamedType[] types) =>
        SchemaValidator.Validate(new Schema(query, extraTypes: types));

    private static ObjectType Query(params (string, GraphQLType)[] fields) => Obj("Query", fields.Length > 0 ? fields : [("ok", Str)]);

    [Fact]
    public void A_valid_schema_has_no_problems()
    {
        var node = Iface("Node", ("id", new NonNullType(BuiltInScalars.ID)));
        var unit = Obj("Unit", ("id", new NonNullType(BuiltInScalars.ID)));
        unit.Interfaces.Add(node);
        Assert.Empty(Problems(Query(("node", node)), unit));
    }

    [Fact]
    public void Names_starting_with_two_underscores_are_reserved()
    {
        var query = Query(("__secret", Str));
        Assert.Equal(["Name \"__secret\" must not begin with \"__\", which is reserved by GraphQL introspection."], Problems(query));
    }

    [Fact]
    public void Names_must_be_graphql_names()
    {
        var query = Query(("bad-name", Str), ("9lives", Str));
        Assert.Equal(
        [
            "Names must only contain [_a-zA-Z0-9] but \"bad-name\" does not.",
            "Names must start with [_a-zA-Z] but \"9lives\" does not.",
        ], Problems(query));
    }

    [Fact]
    public void Object_and_interface_types_need_at_least_one_field()
    {
        var empty = Obj("Empty");
        var emptyIface = Iface("Nothing");
        Assert.Equal(["Type Empty must define one or more fields.", "Type Nothing must define one or more fields."],
            Problems(Query(("e", empty), ("n", emptyIface))));
    }

    [Fact]
    public void Field_types_must_be_output_types_and_argument_types_input_types()
    {
        var input = new InputObjectType("Filter");
        input.AddField(new InputValueDefinition("code", Str));
        var unit = Obj("Unit", ("code", Str));
        var query = Query(("filter", new ListType(input)));
        var field = query.AddField(new FieldDefinition("unit", unit));
        field.Arguments.Add(new InputValueDefinition("like", new NonNullType(unit)));
        Assert.Equal(
        [
            "The type of Query.filter must be Output Type but got: [Filter].",
            "The type of Query.unit(like:) must be Input Type but got: Unit!.",
        ], Problems(query));
    }

    [Fact]
    public void Required_arguments_and_input_fields_cannot_be_deprecated()
    {
        var input = new InputObjectType("Filter");
        input.AddField(new InputValueDefinition("code", new NonNullType(Str)) { DeprecationReason = "gone" });
        input.AddField(new InputValueDefinition("withDefault", new NonNullType(Str)) { DeprecationReason = "ok", DefaultValue = new StringValueNode { Value = "x" } });
        var query = Query();
        var f = query.AddField(new FieldDefinition("units", Str));
        f.Arguments.Add(new InputValueDefinition("first", new NonNullType(Int)) { DeprecationReason = "gone" });
        f.Arguments.Add(new InputValueDefinition("filter", input));
        Assert.Equal(
        [
            "Required argument Query.units(first:) cannot be deprecated.",
            "Required input field Filter.code cannot be deprecated.",
        ], Problems(query));
    }

    [Fact]
    public void Argument_names_must_be_unique()
    {
        var query = Query();
        var f = query.AddField(new FieldDefinition("units", Str));
        f.Arguments.Add(new InputValueDefinition("first", Int));
        f.Arguments.Add(new InputValueDefinition("first", Str));
        Assert.Equal(["Argument \"Query.units(first:)\" can only be defined once."], Problems(query));
    }

    [Fact]
    public void An_object_must_provide_every_interface_field()
    {
        var node = Iface("Node", ("id", BuiltInScalars.ID), ("label", Str));
        var unit = Obj("Unit", ("id", BuiltInScalars.ID));
        unit.Interfaces.Add(node);
        Assert.Equal(["Interface field Node.label expected but Unit does not provide it."], Problems(Query(("n", node)), unit));
    }

    [Fact]
    public void Implementing_field_types_may_be_covariant_but_not_wider()
    {
        var pet = Iface("Pet", ("name", Str));
        var dog = Obj("Dog", ("name", Str));
        dog.Interfaces.Add(pet);
        var owner = Iface("Owner", ("pet", pet), ("pets", new ListType(pet)), ("best", new NonNullType(pet)), ("nick", new NonNullType(Str)));
        // Dog for Pet, [Dog!]! for [Pet], Dog! for Pet!: all valid subtypes; String for String! is wider.
        var person = Obj("Person", ("pet", new NonNullType(dog)), ("pets", new NonNullType(new ListType(new NonNullType(dog)))),
            ("best", new NonNullType(dog)), ("nick", Str));
        person.Interfaces.Add(owner);
        var cat = Obj("Cat", ("name", Str));
        var catOwner = Obj("CatOwner", ("pet", cat), ("pets", new ListType(pet)), ("best", new NonNullType(pet)), ("nick", new NonNullType(Str)));
        catOwner.Interfaces.Add(owner);
        Assert.Equal(
        [
            "Interface field Owner.nick expects type String! but Person.nick is type String.",
            "Interface field Owner.pet expects type Pet but CatOwner.pet is type Cat.",
        ], Problems(Query(("o", owner)), dog, person, cat, catOwner));
    }

    [Fact]
    public void Implementing_fields_take_the_interface_arguments_with_equal_types_and_no_extra_required_ones()
    {
        var iface = Iface("Listing");
        var items = iface.AddField(new FieldDefinition("items", Str));
        items.Arguments.Add(new InputValueDefinition("first", Int));
        items.Arguments.Add(new InputValueDefinition("after", Str));
        var impl = new ObjectType("Page");
        impl.Interfaces.Add(iface);
        var implItems = impl.AddField(new FieldDefinition("items", Str));
        implItems.Arguments.Add(new InputValueDefinition("first", new NonNullType(Int)) { DefaultValue = new IntValueNode { Value = "1" } });
        implItems.Arguments.Add(new InputValueDefinition("sort", new NonNullType(Str)));
        implItems.Arguments.Add(new InputValueDefinition("optional", new NonNullType(Str)) { DefaultValue = new StringValueNode { Value = "a" } });
        Assert.Equal(
        [
            "Interface field argument Listing.items(first:) expects type Int but Page.items(first:) is type Int!.",
            "Interface field argument Listing.items(after:) expected but Page.items does not provide it.",
            "Object field Page.items includes required argument sort that is missing from the Interface field Listing.items.",
        ], Problems(Query(("l", iface)), impl));
    }

    [Fact]
    public void Transitive_interfaces_must_be_declared_and_interfaces_cannot_form_cycles()
    {
        var node = Iface("Node", ("id", BuiltInScalars.ID));
        var resource = Iface("Resource", ("id", BuiltInScalars.ID), ("url", Str));
        resource.Interfaces.Add(node);
        var image = Obj("Image", ("id", BuiltInScalars.ID), ("url", Str));
        image.Interfaces.Add(resource); // forgets Node
        var a = Iface("A", ("x", Str));
        var b = Iface("B", ("x", Str));
        a.Interfaces.Add(b);
        b.Interfaces.Add(a);
        Assert.Equal(
        [
            "Type Image must implement Node because it is implemented by Resource.",
            "Type A cannot implement B because it would create a circular reference.",
            "Type B cannot implement A because it would create a circular reference.",
        ], Problems(Query(("r", resource), ("a", a)), image));
    }

    [Fact]
    public void A_type_cannot_implement_itself_or_the_same_interface_twice()
    {
        var node = Iface("Node", ("id", BuiltInScalars.ID));
        node.Interfaces.Add(node);
        var unit = Obj("Unit", ("id", BuiltInScalars.ID));
        unit.Interfaces.Add(node);
        unit.Interfaces.Add(node);
        var problems = Problems(Query(("n", node)), unit);
        Assert.Contains("Type Node cannot implement itself because it would create a circular reference.", problems);
        Assert.Contains("Type Unit can only implement Node once.", problems);
    }

    [Fact]
    public void Unions_need_unique_members()
    {
        var dog = Obj("Dog", ("name", Str));
        var empty = new UnionType("Nothing");
        var twice = new UnionType("Twice");
        twice.Types.Add(dog);
        twice.Types.Add(dog);
        Assert.Equal(
        [
            "Union type Nothing must define one or more member types.",
            "Union type Twice can only include type Dog once.",
        ], Problems(Query(("n", empty), ("t", twice))));
    }

    [Fact]
    public void Enums_need_values_that_are_not_true_false_or_null()
    {
        var empty = new EnumType("Empty");
        var bad = new EnumType("Answer");
        bad.AddValue(new EnumValueDefinition("true", true));
        bad.AddValue(new EnumValueDefinition("YES", 1));
        Assert.Equal(
        [
            "Enum type Empty must define one or more values.",
            "Enum values cannot be named: true (enum Answer).",
        ], Problems(Query(("e", empty), ("a", bad))));
    }

    [Fact]
    public void Input_objects_need_fields_of_input_types()
    {
        var empty = new InputObjectType("Empty");
        var withOutput = new InputObjectType("WithOutput");
        var dog = Obj("Dog", ("name", Str));
        withOutput.AddField(new InputValueDefinition("dog", dog));
        var query = Query();
        var f = query.AddField(new FieldDefinition("find", Str));
        f.Arguments.Add(new InputValueDefinition("a", empty));
        f.Arguments.Add(new InputValueDefinition("b", withOutput));
        Assert.Equal(
        [
            "Input Object type Empty must define one or more fields.",
            "The type of WithOutput.dog must be Input Type but got: Dog.",
        ], Problems(query));
    }

    [Fact]
    public void Input_objects_cannot_reference_themselves_through_non_null_fields_only()
    {
        // A -> B! -> C! -> A! is a cycle; A -> [A!]! and A -> A (nullable) are not.
        var a = new InputObjectType("A");
        var b = new InputObjectType("B");
        var c = new InputObjectType("C");
        a.AddField(new InputValueDefinition("b", new NonNullType(b)));
        a.AddField(new InputValueDefinition("many", new NonNullType(new ListType(new NonNullType(a)))));
        a.AddField(new InputValueDefinition("self", a));
        b.AddField(new InputValueDefinition("c", new NonNullType(c)));
        c.AddField(new InputValueDefinition("a", new NonNullType(a)));
        var query = Query();
        query.AddField(new FieldDefinition("find", Str)).Arguments.Add(new InputValueDefinition("a", a));
        Assert.Equal(["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.c.a\"."], Problems(query));
    }

    [Fact]
    public void Root_types_must_be_different()
    {
        var query = Query();
        var schema = new Schema(query, mutation: query);
        Assert.Equal(["All root types must be different, \"Query\" type is used as query and mutation root types."],
            SchemaValidator.Validate(schema));
    }

    [Fact]
    public void Custom_directives_need_valid_names_locations_and_input_arguments()
    {
        var dog = Obj("Dog", ("name", Str));
        var noLocations = new DirectiveDefinition("nowhere");
        var bad = new DirectiveDefinition("__bad", DirectiveLocation.Field)
        {
            Arguments =
            {
                new InputValueDefinition("dog", dog),
                new InputValueDefinition("level", new NonNullType(Int)) { DeprecationReason = "x" },
            },
        };
        var schema = new Schema(Query(("d", dog)), directives: [noLocations, bad]);
        Assert.Equal(
        [
            "Directive @nowhere must include 1 or more locations.",
            "Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "The type of @__bad(dog:) must be Input Type but got: Dog.",
            "Required argument @__bad(level:) cannot be deprecated.",
        ], SchemaValidator.Validate(schema));
    }

    [Fact]
    public void Introspection_types_and_built_in_scalars_are_not_checked_as_user_types()
    {
        // __Schema etc. start with "__" legitimately.
        Assert.Empty(Problems(Query()));
    }
}
