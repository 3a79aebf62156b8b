using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>https://spec.graphql.org/October2021/#ResolveAbstractType()</summary>
public sealed class AbstractTypeTests
{
    private sealed record Dog(string Name, bool Barks);
    private sealed record Cat(string Name, int Lives);
    private sealed record Rock(string Name);

    private static Schema Build(bool withResolveType)
    {
        var named = new InterfaceType("Named");
        named.AddField(new FieldDefinition("name", NonNull(BuiltInScalars.String)));
        var dog = Object("Dog", Field("name", NonNull(BuiltInScalars.String)), Field("barks", BuiltInScalars.Boolean));
        var cat = Object("Cat", Field("name", NonNull(BuiltInScalars.String)), Field("lives", BuiltInScalars.Int));
        var rock = Object("Rock", Field("name", NonNull(BuiltInScalars.String)));
        dog.Interfaces.Add(named);
        cat.Interfaces.Add(named);
        rock.Interfaces.Add(named);
        var pet = new UnionType("Pet") { Types = { dog, cat } };
        if (withResolveType)
        {
            named.ResolveType = (v, _) => v switch { Dog => dog, Cat => cat, Rock => rock, _ => null };
            pet.ResolveType = (v, _) => v switch { Dog => dog, Cat => cat, Rock => rock, _ => null };
        }
        else
        {
            dog.IsTypeOf = v => v is Dog;
            cat.IsTypeOf = v => v is Cat;
            rock.IsTypeOf = v => v is Rock;
        }
        object[] things = [new Dog("Rex", true), new Cat("Tom", 9)];
        var query = Object("Query",
            Field("named", ListOf(named), _ => things),
            Field("pets", ListOf(pet), _ => things),
            Field("petRock", pet, _ => new Rock("Pebble")),
            Field("unknown", named, _ => 42),
            Field("maps", ListOf(pet), _ => new object[] { new Dictionary<string, object?> { ["__typename"] = "Cat", ["name"] = "Map", ["lives"] = 3 } }));
        return new Schema(query, extraTypes: [rock]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Interface_values_resolve_to_their_object_type_and_fragments_select_by_it(bool withResolveType)
    {
        var r = await Run(Build(withResolveType),
            "{ named { __typename name ... on Dog { barks } ...CatBits } } fragment CatBits on Cat { lives }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"named":[{"__typename":"Dog","name":"Rex","barks":true},{"__typename":"Cat","name":"Tom","lives":9}]}""", Data(r));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Union_values_resolve_to_their_member_type(bool withResolveType)
    {
        var r = await Run(Build(withResolveType),
            "{ pets { __typename ... on Named { name } ... on Cat { lives } } }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"pets":[{"__typename":"Dog","name":"Rex"},{"__typename":"Cat","name":"Tom","lives":9}]}""", Data(r));
    }

    [Fact]
    public async Task A_type_that_is_not_a_member_of_the_union_is_a_field_error()
    {
        var r = await Run(Build(true), "{ petRock { __typename } }");
        Assert.Equal("""{"petRock":null}""", Data(r));
        Assert.Equal(["Runtime Object type \"Rock\" is not a possible type for \"Pet\". @petRock"], Errors(r));
    }

    [Fact]
    public async Task A_value_no_type_claims_is_a_field_error()
    {
        var r = await Run(Build(false), "{ unknown { name } }");
        Assert.Equal("""{"unknown":null}""", Data(r));
        Assert.StartsWith("Abstract type \"Named\" must resolve to an Object type at runtime for field \"Query.unknown\".", Messages(r));
    }

    [Fact]
    public async Task A_map_with_a_typename_entry_resolves_without_resolvers()
    {
        var r = await Run(Build(false), "{ maps { ... on Cat { name lives } } }");
        Assert.Equal("""{"maps":[{"name":"Map","lives":3}]}""", Data(r));
    }
}
